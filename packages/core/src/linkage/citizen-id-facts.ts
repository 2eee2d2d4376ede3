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
    const at = id * STRIDE;
    const facts = this.facts;
    let state = facts[at + STATE] as number;
    if (state === 0) {
      const key = citizenIdKey(this.distinct[id] as string);
      this.keys[id] = key;
      facts[at + STATE] = state = key === null ? ID_NONE : key.checkDigitValid ? ID_VALID : ID_INVALID;
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
      facts[at + HEAD] = digits ? head : -1;
      facts[at + TAIL] = digits ? tail : -1;
      facts[at + BIRTH] = digits ? (head % 1000) * 100_000 + Math.floor(tail / 1000) : -1;
    }
    return state;
  }

  /** The normalised number (after `state` said it is not ID_NONE). */
  key(id: number): CitizenIdKey {
    this.state(id);
    return this.keys[id] as CitizenIdKey;
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
