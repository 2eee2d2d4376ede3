// The keys of every distinct date of a column as numbers in one flat array (eight per date, one cache
// line), prepared on first need: a pair's date levels read two lines instead of walking to two heap
// objects (a large register's dates are touched in no particular order), and "one typing error"
// between two YYYYMMDD dates is decided on the digits as an integer, with no string in sight.
import { parseDateKey } from './comparators/dates';

const STRIDE = 8;
// Fields of a date's slot; READY is 0 until prepared. DAY … DOM are NaN when the date has none
// (as in DateKey), DIGITS is the YYYYMMDD text one digit per 4 bits (0x19900102 for 19900102), or
// −1 when the text is not 8 digits.
const READY = 0;
const DAY = 1;
const YEAR = 2;
const MONTH = 3;
const DOM = 4;
const DIGITS = 5;

const EIGHT_DIGITS = /^\d{8}$/;

export class DateFacts {
  private readonly facts: Float64Array;

  constructor(private readonly distinct: readonly string[]) {
    this.facts = new Float64Array(distinct.length * STRIDE);
  }

  /** Offset of the date's slot, prepared on first call. A value with no date reads as all NaN. */
  private at(id: number): number {
    const at = id * STRIDE;
    const facts = this.facts;
    if (facts[at + READY] === 0) {
      const key = parseDateKey(this.distinct[id] as string);
      facts[at + READY] = 1;
      facts[at + DAY] = key ? key.day : Number.NaN;
      facts[at + YEAR] = key ? key.year : Number.NaN;
      facts[at + MONTH] = key ? key.month : Number.NaN;
      facts[at + DOM] = key ? key.dayOfMonth : Number.NaN;
      facts[at + DIGITS] = key && EIGHT_DIGITS.test(key.digits) ? Number.parseInt(key.digits, 16) : -1;
    }
    return at;
  }

  /** Both dates exist and are at most `days` apart (NaN compares false, as with DateKey). */
  withinDays(a: number, b: number, days: number): boolean {
    const i = this.at(a);
    const j = this.at(b);
    return Math.abs((this.facts[i + DAY] as number) - (this.facts[j + DAY] as number)) <= days;
  }

  withinYears(a: number, b: number, years: number): boolean {
    const i = this.at(a);
    const j = this.at(b);
    return Math.abs((this.facts[i + YEAR] as number) - (this.facts[j + YEAR] as number)) <= years;
  }

  /** As `dayMonthSwapped` of comparators/dates.ts. */
  dayMonthSwapped(a: number, b: number): boolean {
    const f = this.facts;
    const i = this.at(a);
    const j = this.at(b);
    return (
      f[i + YEAR] === f[j + YEAR] &&
      f[i + MONTH] !== f[j + MONTH] &&
      f[i + MONTH] === f[j + DOM] &&
      f[i + DOM] === f[j + MONTH]
    );
  }

  /**
   * `osaDistanceWithin(digits a, digits b, 1)` when both texts are 8 digits, else −1 (the caller
   * measures the strings). Equal lengths: distance 1 is one changed digit or two adjacent ones
   * exchanged; anything else is more than 1 (reported as 2, the limit + 1). One digit per 4 bits,
   * so the differing digits are the non-zero nibbles of x ^ y: a few bit operations, no division.
   */
  osaWithinOne(a: number, b: number): number {
    const x = this.facts[this.at(a) + DIGITS] as number;
    const y = this.facts[this.at(b) + DIGITS] as number;
    if (x < 0 || y < 0) return -1;
    if (x === y) return 0;
    const d = (x ^ y) | 0;
    // One bit per differing digit, at the lowest bit of its nibble.
    const differing = (d | (d >>> 1) | (d >>> 2) | (d >>> 3)) & 0x11111111;
    const lowest = differing & -differing;
    if (differing === lowest) return 1;
    // Two adjacent digits, exchanged: the pair of nibbles of x with its halves swapped is y's.
    if (differing !== (lowest | (lowest << 4))) return 2;
    const shift = 31 - Math.clz32(lowest);
    const pairX = (x >>> shift) & 0xff;
    const pairY = (y >>> shift) & 0xff;
    return (((pairX & 0xf) << 4) | (pairX >>> 4)) === pairY ? 1 : 2;
  }
}
