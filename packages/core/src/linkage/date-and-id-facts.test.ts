// Dates and ID numbers as numbers in flat arrays (date-facts.ts, citizen-id-facts.ts) give exactly
// what the plain definitions on DateKey objects and strings give: random values drawn from few
// digits (so that near misses, swapped digits and swapped day/month are common), plus edge cases.
import { describe, expect, it } from 'vitest';
import { CitizenIdFacts, ID_INVALID, ID_NONE, ID_VALID } from './citizen-id-facts';
import { citizenIdCheckChar, citizenIdKey } from './comparators/citizen-id';
import { osaDistance, osaDistanceWithin } from './comparators/damerau-levenshtein';
import { dayMonthSwapped, parseDateKey } from './comparators/dates';
import { prepareComparison } from './comparisons';
import { DateFacts } from './date-facts';
import { parseModelConfig } from './model-config';
import { seededRandom } from './random';
import { RecordSet } from './records';

const random = seededRandom(20261207);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const digits = (length: number, alphabet = '0129') =>
  Array.from({ length }, () => pick([...alphabet])).join('');

const DATE_EDGES = [
  '', // missing
  'abc', // no digits at all: no key
  '19450493', // impossible date: digits but no day number
  '00010101', // leading zeros
  '19900102',
  '19900201', // day and month swapped
  '19900120',
  '19901002',
  '1990-1-2', // separated forms
  '1990年2月1日',
  '1990123', // 7 digits: raw digits, no date
  '199001020', // 9 digits
  '2000/02/29', // leap day
  '1900-02-29', // not a leap year
];

/** A date text, usually YYYYMMDD over few digits (so one-digit differences and swaps are common). */
function randomDate(): string {
  const r = random();
  if (r < 0.1) return pick(DATE_EDGES);
  if (r < 0.15) return digits(7 + Math.floor(random() * 3));
  return `${pick(['19', '20'])}${digits(2)}${pick(['01', '02', '10', '12', '21'])}${pick(['01', '02', '10', '12', '21', '31'])}`;
}

/** An ID number: valid or mistyped 18-character numbers, legacy 15-digit ones, or junk. */
function randomId(): string {
  const r = random();
  if (r < 0.05) return pick(['', '-', 'abc', '６５２９２６２０１０01010012x', '65292A201001010012']);
  if (r < 0.15) return `652926${digits(9, '01')}`; // 15 digits, upgraded with "19"
  // Few distinct numbers, varying in the area, the birth date (digits 6–13) and the sequence.
  const first17 = `65292${pick(['6', '7'])}${pick(['1', '2'])}0${pick(['1', '2'])}00101${digits(3, '01')}`;
  const check = random() < 0.8 ? citizenIdCheckChar(first17) : pick([...'0123456789Xx']);
  return r < 0.2 ? first17 : first17 + check; // 17 characters now and then
}

describe('dates and ID numbers as numbers', { timeout: 60_000 }, () => {
  it('date levels on flat arrays equal the DateKey definitions', () => {
    const texts = Array.from({ length: 500 }, randomDate);
    texts.push(...DATE_EDGES);
    const facts = new DateFacts(texts);
    const keys = texts.map(parseDateKey);
    let nearMisses = 0;
    for (let n = 0; n < 40000; n++) {
      const a = Math.floor(random() * texts.length);
      const b = random() < 0.05 ? a : Math.floor(random() * texts.length);
      const [ka, kb] = [keys[a], keys[b]];
      for (const days of [0, 3, 31, Number.POSITIVE_INFINITY]) {
        const plain = ka != null && kb != null && Math.abs(ka.day - kb.day) <= days;
        expect(facts.withinDays(a, b, days)).toBe(plain);
      }
      for (const years of [0, 1]) {
        const plain = ka != null && kb != null && Math.abs(ka.year - kb.year) <= years;
        expect(facts.withinYears(a, b, years)).toBe(plain);
      }
      expect(facts.dayMonthSwapped(a, b)).toBe(ka != null && kb != null && dayMonthSwapped(ka, kb));
      const eight = (text: string | undefined) => text !== undefined && /^\d{8}$/.test(text);
      const osa = facts.osaWithinOne(a, b);
      if (eight(ka?.digits) && eight(kb?.digits)) {
        const plain = osaDistanceWithin(ka?.digits as string, kb?.digits as string, 1);
        expect(osa).toBe(plain);
        expect(osa).toBe(Math.min(osaDistance(ka?.digits as string, kb?.digits as string), 2));
        if (plain === 1) nearMisses++;
      } else {
        expect(osa).toBe(-1);
      }
    }
    // The draw must reach the interesting cases, or the test proves little.
    expect(nearMisses).toBeGreaterThan(200);
  });

  it('one typing error between two dates: substitutions and adjacent swaps only', () => {
    const texts = ['19900102', '19900120', '19901002', '19900103', '91900102', '19900201', '20010102'];
    const facts = new DateFacts(texts);
    const expected = [
      [0, 1, 1], // last two digits exchanged
      [0, 2, 1], // the month's digits exchanged
      [0, 3, 1], // one digit changed
      [0, 4, 1], // first two digits exchanged
      [0, 5, 2], // day and month exchanged: 0102 → 0201 is two edits
      [0, 6, 2],
    ];
    for (const [a, b, osa] of expected) {
      expect(facts.osaWithinOne(a as number, b as number)).toBe(osa);
      expect(facts.osaWithinOne(b as number, a as number)).toBe(osa);
    }
  });

  it('one typing error on digits as nibbles equals the OSA distance, at every position and digit', () => {
    // Any 8 digits (not only dates), then 0–3 random substitutions or adjacent exchanges.
    const texts: string[] = [];
    for (let n = 0; n < 3000; n++) {
      const chars = [...digits(8, '0123456789')];
      texts.push(chars.join(''));
      for (let edits = Math.floor(random() * 4); edits > 0; edits--) {
        const at = Math.floor(random() * 8);
        if (random() < 0.5 && at < 7)
          [chars[at], chars[at + 1]] = [chars[at + 1] as string, chars[at] as string];
        else chars[at] = pick([...'0123456789']);
      }
      texts.push(chars.join(''));
    }
    const facts = new DateFacts(texts);
    const seen = new Set<number>();
    for (let k = 0; k < texts.length; k++) {
      const a = k - (k % 2);
      const b = random() < 0.9 ? a + 1 : Math.floor(random() * texts.length);
      const plain = Math.min(osaDistance(texts[a] as string, texts[b] as string), 2);
      expect(facts.osaWithinOne(a, b)).toBe(plain);
      expect(facts.osaWithinOne(b, a)).toBe(plain);
      seen.add(plain);
    }
    expect([...seen].sort()).toEqual([0, 1, 2]);
  });

  it('ID-number states and agreement on flat arrays equal the string definitions', () => {
    const texts = Array.from({ length: 400 }, randomId);
    const facts = new CitizenIdFacts(texts);
    let agreeing = 0;
    for (let n = 0; n < 30000; n++) {
      const a = Math.floor(random() * texts.length);
      const b = random() < 0.05 ? a : Math.floor(random() * texts.length);
      const [ka, kb] = [citizenIdKey(texts[a] as string), citizenIdKey(texts[b] as string)];
      const state = (key: typeof ka) =>
        key === null ? ID_NONE : key.checkDigitValid ? ID_VALID : ID_INVALID;
      expect(facts.state(a)).toBe(state(ka));
      if (ka) expect(facts.key(a).id).toBe(ka.id);
      const agree = (from: number, to: number) =>
        ka !== null &&
        kb !== null &&
        ka.id.length === 18 &&
        kb.id.length === 18 &&
        ka.id.slice(from, to) === kb.id.slice(from, to);
      expect(facts.agree(a, b, 0, 17)).toBe(agree(0, 17));
      expect(facts.agree(a, b, 6, 14)).toBe(agree(6, 14));
      if (agree(0, 17) && ka?.id !== kb?.id) agreeing++;
    }
    expect(agreeing).toBeGreaterThan(20);
  });

  it('a date comparison through prepareComparison gives the plain levels', () => {
    const rows = Array.from({ length: 300 }, (_, r) => [String(r), randomDate()]);
    const records = new RecordSet([{ header: ['record_id', 'birth_date'], rows }]);
    const model = parseModelConfig({
      linkType: 'dedupe',
      uniqueId: 'record_id',
      comparisons: [
        {
          column: 'birth_date',
          kind: 'date',
          levels: [
            'exact',
            { withinDays: 3 },
            { damerauLevenshtein: 1 },
            'dayMonthSwapped',
            { withinDays: 31 },
            { withinYears: 1 },
          ],
        },
      ],
      blocking: { rules: ['all'] },
    });
    const comparison = prepareComparison(model.comparisons[0] as (typeof model.comparisons)[0], records);
    /** The levels from DateKey objects and the OSA table, as written in the model. */
    const plain = (x: string, y: string): number => {
      const [kx, ky] = [parseDateKey(x), parseDateKey(y)];
      if (!kx || !ky) return 255;
      if (kx.digits === ky.digits) return 0;
      if (Math.abs(kx.day - ky.day) <= 3) return 1;
      if (osaDistance(kx.digits, ky.digits) <= 1) return 2;
      if (dayMonthSwapped(kx, ky)) return 3;
      if (Math.abs(kx.day - ky.day) <= 31) return 4;
      if (Math.abs(kx.year - ky.year) <= 1) return 5;
      return 6;
    };
    const seen = new Set<number>();
    for (let n = 0; n < 30000; n++) {
      const i = Math.floor(random() * rows.length);
      const j = Math.floor(random() * rows.length);
      const level = plain(rows[i]?.[1] as string, rows[j]?.[1] as string);
      expect(comparison.levelOf(i, j)).toBe(level);
      expect(comparison.levelOfUncached(i, j)).toBe(level);
      seen.add(level);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 255]);
  });
});
