import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFen, fenFromYuan, monthlyShareOfYear, sumFen } from './money';

const seed = 20250728;

describe('money in fen', () => {
  it('formats ¥ with two decimals', () => {
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(59000)).toBe('¥590.00');
    expect(formatFen(123456789)).toBe('¥1,234,567.89');
    expect(formatFen(-30000)).toBe('-¥300.00');
    expect(() => formatFen(0.5)).toThrow(RangeError);
  });

  it('converts whole yuan and refuses fractions', () => {
    expect(fenFromYuan(3600)).toBe(360000);
    expect(() => fenFromYuan(0.1)).toThrow(RangeError);
  });

  it('sums exactly and refuses floats', () => {
    expect(sumFen([10, 20, 30])).toBe(60);
    expect(() => sumFen([1, 0.1])).toThrow(RangeError);
  });

  it('spreads ¥3,600 a year as ¥300 a month', () => {
    expect(Array.from({ length: 12 }, (_, i) => monthlyShareOfYear(360000, i + 1))).toEqual(
      Array(12).fill(30000),
    );
  });

  it('twelve monthly shares are whole fen adding up to any yearly amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (yearly) => {
        const shares = Array.from({ length: 12 }, (_, i) => monthlyShareOfYear(yearly, i + 1));
        expect(shares.every(Number.isSafeInteger)).toBe(true);
        expect(shares.every((share) => share >= 0)).toBe(true);
        expect(sumFen(shares)).toBe(yearly);
      }),
      { seed, numRuns: 300 },
    );
  });
});
