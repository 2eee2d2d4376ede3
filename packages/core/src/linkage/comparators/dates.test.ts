import { describe, expect, it } from 'vitest';
import { dayMonthSwapped, daysApart, parseDateKey } from './dates';

describe('date keys', () => {
  it('reads the usual ways of writing a date to the same digits', () => {
    for (const text of ['19560409', '1956-04-09', '1956/4/9', '1956.4.9', '1956年4月9日']) {
      expect(parseDateKey(text)?.digits).toBe('19560409');
    }
  });

  it('keeps impossible dates as digits but without a day number', () => {
    const key = parseDateKey('19450493');
    expect(key?.digits).toBe('19450493');
    expect(Number.isNaN(key?.day)).toBe(true);
    expect(Number.isNaN(parseDateKey('1949-02-29')?.day)).toBe(true);
    expect(Number.isNaN(parseDateKey('2000-02-29')?.day)).toBe(false);
    expect(parseDateKey('')).toBeNull();
  });

  it('measures distance in days and spots swapped day and month', () => {
    const a = parseDateKey('1971-06-04');
    const b = parseDateKey('1971-04-06');
    const c = parseDateKey('1971-07-04');
    if (!a || !b || !c) throw new Error('unparsed');
    expect(daysApart(a, c)).toBe(30);
    expect(dayMonthSwapped(a, b)).toBe(true);
    expect(dayMonthSwapped(a, c)).toBe(false);
    expect(daysApart(parseDateKey('1970-01-01')!, parseDateKey('2000-01-01')!)).toBe(10957);
  });
});
