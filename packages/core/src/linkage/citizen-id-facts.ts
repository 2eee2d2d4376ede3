// The keys of every distinct ID number of a column, prepared on first need, as numbers in one flat
// array (four per number: a state and, for an 18-character number whose first 17 are digits, digits
// 0–8, 9–16 and the birth date 6–13 as integers). A pair's ID levels then read one cache line per
// number, where four parallel arrays cost four misses on a large register.
import { citizenIdKey, type CitizenIdKey } from './comparators/citizen-id';

const STRIDE = 4;
const STATE = 0;
const HEAD = 1;
const TAIL = 2;
const BIRTH = 3;

/** GB 11643's weights of the first 17 digits, and the check character (as a code) of each sum mod 11. */
const CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CODES = Array.from('10X98765432', (ch) => ch.charCodeAt(0));

/** States: 0 not yet read, then: */
export const ID_VALID = 1;
export const ID_INVALID = 2;
export const ID_NONE = 3;

export class CitizenIdFacts {
  private readonly facts: Float64Array;
  private readonly keys: (CitizenIdKey | null | undefined)[];

  constructor(private readonly distinct: readonly string[]) {
    this.facts = new Float64Array(distinct.length * STRIDE);
    this.keys = new Array<CitizenIdKey | null | undefined>(distinct.length);
  }

  /** ID_VALID (check character matches), ID_INVALID, or ID_NONE (no number). */
  state(id: number): number {
    const state = this.facts[id * STRIDE + STATE] as number;
    return state === 0 ? this.prepare(id) : state;
  }

  /** The normalised number (after `state` said it is not ID_NONE). */
  key(id: number): CitizenIdKey {
    this.state(id);
    return (this.keys[id] ??= citizenIdKey(this.distinct[id] as string) as CitizenIdKey);
  }

  private prepare(id: number): number {
    // Most numbers are 17 digits and a digit or X, as citizenIdKey leaves them: read in one pass,
    // without its strings and object (a 2 M register meets a million numbers while scoring).
    const text = this.distinct[id] as string;
    if (text.length === 18) {
      let head = 0;
      let tail = 0;
      let sum = 0;
      let k = 0;
      for (; k < 17; k++) {
        const digit = text.charCodeAt(k) - 48;
        if (digit < 0 || digit > 9) break;
        sum += digit * (CHECK_WEIGHTS[k] as number);
        if (k < 9) head = head * 10 + digit;
        else tail = tail * 10 + digit;
      }
      const last = text.charCodeAt(17);
      if (k === 17 && ((last >= 48 && last <= 57) || last === 88)) {
        return this.store(id, last === CHECK_CODES[sum % 11] ? ID_VALID : ID_INVALID, head, tail);
      }
    }
    const key = citizenIdKey(text);
    this.keys[id] = key;
    const state = key === null ? ID_NONE : key.checkDigitValid ? ID_VALID : ID_INVALID;
    // Digits 0–8 and 9–16 read in one loop; the birth date (6–13) is their overlap.
    let digits = key !== null && key.id.length === 18;
    let head = 0;
    let tail = 0;
    for (let k = 0; digits && k < 17; k++) {
      const digit = (key as CitizenIdKey).id.charCodeAt(k) - 48;
      if (digit < 0 || digit > 9) digits = false;
      else if (k < 9) head = head * 10 + digit;
      else tail = tail * 10 + digit;
    }
    return digits ? this.store(id, state, head, tail) : this.store(id, state, -1, -1);
  }

  private store(id: number, state: number, head: number, tail: number): number {
    const at = id * STRIDE;
    const facts = this.facts;
    facts[at + STATE] = state;
    facts[at + HEAD] = head;
    facts[at + TAIL] = tail;
    facts[at + BIRTH] = head < 0 ? -1 : (head % 1000) * 100_000 + Math.floor(tail / 1000);
    return state;
  }

  /** Both numbers are 18 characters and agree on characters from … to − 1 (0–17 or 6–14). */
  agree(a: number, b: number, from: number, to: number): boolean {
    if (this.state(a) === ID_NONE || this.state(b) === ID_NONE) return false;
    const f = this.facts;
    const i = a * STRIDE;
    const j = b * STRIDE;
    if (f[i + HEAD] !== -1 && f[j + HEAD] !== -1) {
      return from === 0
        ? f[i + HEAD] === f[j + HEAD] && f[i + TAIL] === f[j + TAIL]
        : f[i + BIRTH] === f[j + BIRTH];
    }
    const ia = this.key(a).id;
    const ib = this.key(b).id;
    if (ia.length !== 18 || ib.length !== 18) return false;
    for (let k = from; k < to; k++) if (ia.charCodeAt(k) !== ib.charCodeAt(k)) return false;
    return true;
  }
}
