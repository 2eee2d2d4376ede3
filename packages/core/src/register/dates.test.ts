import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, daysInMonth, formatDate, isCalendarDate, isLeapYear } from './dates';

const seed = 20261123;

describe('dates', () => {
  it.each(['2000-02-29', '2024-02-29', '1949-10-01', '2023-12-31', '0001-01-01'])('%s is a date', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  it.each(['1900-02-29', '2023-02-29', '2023-04-31', '2023-13-01', '2023-00-10', '2023-01-00', '0000-01-01'])(
    '%s is not a date',
    (value) => {
      expect(isCalendarDate(value)).toBe(false);
    },
  );

  it.each(['', '2023-1-01', '20230101', '2023-01-01T00:00', ' 2023-01-01', '２０２３-01-01'])(
    '%j is not written YYYY-MM-DD',
    (value) => {
      expect(isCalendarDate(value)).toBe(false);
    },
  );

  it('knows leap years', () => {
    expect([1900, 2000, 2023, 2024].map(isLeapYear)).toEqual([false, true, false, true]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 11)).toBe(30);
  });

  it('counts completed years', () => {
    expect(ageOn('2000-05-10', '2020-05-09')).toBe(19);
    expect(ageOn('2000-05-10', '2020-05-10')).toBe(20);
    expect(ageOn('2000-05-10', '2000-05-10')).toBe(0);
    // Born on 29 February: a year older on 1 March of a common year.
    expect(ageOn('2000-02-29', '2001-02-28')).toBe(0);
    expect(ageOn('2000-02-29', '2001-03-01')).toBe(1);
    expect(ageOn('2000-02-29', '2004-02-29')).toBe(4);
  });

  it('agrees with the UTC calendar on every day', () => {
    const day = fc.integer({ min: Date.UTC(1800, 0, 1), max: Date.UTC(2100, 11, 31) }).map((ms) => {
      const date = new Date(ms);
      return formatDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
    });
    fc.assert(
      fc.property(day, (value) => isCalendarDate(value)),
      { seed },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1800, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const value = formatDate(y, m, d);
          const utc = new Date(Date.UTC(y, m - 1, d));
          const real = utc.getUTCMonth() === m - 1 && utc.getUTCDate() === d;
          return isCalendarDate(value) === real;
        },
      ),
      { seed },
    );
  });

  it('age never decreases with the date', () => {
    const date = fc
      .date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date('2100-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, date, date, (birth, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        if (early < birth) return true;
        return ageOn(birth, early) <= ageOn(birth, late) && ageOn(birth, early) >= 0;
      }),
      { seed },
    );
  });
});
