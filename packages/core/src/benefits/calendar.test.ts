import { describe, expect, it } from 'vitest';
import { addDays, addMonths, formatPeriod, monthsBetween, monthsOfPeriod, parsePeriod } from './calendar';

describe('benefit calendar', () => {
  it('parses and formats periods', () => {
    expect(parsePeriod('2025')).toEqual({ kind: 'year', year: 2025 });
    expect(parsePeriod('2025-03')).toEqual({ kind: 'month', year: 2025, month: 3 });
    expect(parsePeriod('2025-13')).toBeUndefined();
    expect(parsePeriod('25')).toBeUndefined();
    expect(formatPeriod({ kind: 'month', year: 2025, month: 3 })).toBe('2025-03');
    expect(monthsOfPeriod({ kind: 'year', year: 2025 })).toHaveLength(12);
  });

  it('does month arithmetic across years', () => {
    expect(addMonths('2023-12', 1)).toBe('2024-01');
    expect(addMonths('2023-12', 36)).toBe('2026-12');
    expect(addMonths('2024-01', -1)).toBe('2023-12');
    expect(monthsBetween('2023-12', '2025-01')).toBe(13);
  });

  it('adds days across month ends and leap days', () => {
    expect(addDays('2025-03-01', 6)).toBe('2025-03-07');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-29', 7)).toBe('2026-01-05');
  });
});
