// Published answers: Fagerland, Lydersen & Laake (2017) ch. 2, X = 13 of n = 16, as asserted by
// github ocbe-uio/contingencytables tests/testthat/test-ch2.R (4 decimals, so tolerance 0.5e-4).
import { describe, expect, it } from 'vitest';
import { betaQuantile, regularizedIncompleteBeta } from './beta-distribution';
import { clopperPearsonInterval, wilsonInterval } from './binomial-intervals';

const FOUR_DECIMALS = 0.5e-4;

function expectInterval(
  actual: readonly [number, number] | null,
  expected: [number, number],
  tolerance: number,
) {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual?.[0] ?? NaN) - expected[0])).toBeLessThanOrEqual(tolerance);
  expect(Math.abs((actual?.[1] ?? NaN) - expected[1])).toBeLessThanOrEqual(tolerance);
}

describe('binomial intervals, 13 of 16 (published)', () => {
  it('Wilson score: [0.5699, 0.9341]', () => {
    expectInterval(wilsonInterval(13, 16), [0.5699, 0.9341], FOUR_DECIMALS);
  });

  it('Clopper–Pearson exact: [0.5435, 0.9595]', () => {
    expectInterval(clopperPearsonInterval(13, 16), [0.5435, 0.9595], FOUR_DECIMALS);
  });

  it('Wilson score at 90 % with the matching z', () => {
    // 90 % interval of the same data has to lie strictly inside the 95 % one.
    const narrow = wilsonInterval(13, 16, 1.6448536269514722);
    const wide = wilsonInterval(13, 16);
    expect((narrow?.[0] ?? 0) > (wide?.[0] ?? 1) && (narrow?.[1] ?? 1) < (wide?.[1] ?? 0)).toBe(true);
  });

  it('are null without trials and reach 0 and 1 at the edges', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(clopperPearsonInterval(0, 0)).toBeNull();
    expect(clopperPearsonInterval(0, 10)?.[0]).toBe(0);
    expect(clopperPearsonInterval(10, 10)?.[1]).toBe(1);
    expect(wilsonInterval(0, 10)?.[0]).toBe(0);
    // Clopper–Pearson for 0 of 10: upper bound 1 − 0.025^(1/10).
    expect(clopperPearsonInterval(0, 10)?.[1]).toBeCloseTo(1 - 0.025 ** (1 / 10), 10);
  });
});

describe('incomplete beta', () => {
  it('matches closed forms', () => {
    expect(regularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(regularizedIncompleteBeta(0.5, 7, 7)).toBeCloseTo(0.5, 12);
    // I_x(a, 1) = x^a and I_x(1, b) = 1 − (1 − x)^b.
    expect(regularizedIncompleteBeta(0.8, 5, 1)).toBeCloseTo(0.8 ** 5, 12);
    expect(regularizedIncompleteBeta(0.2, 1, 4)).toBeCloseTo(1 - 0.8 ** 4, 12);
    expect(betaQuantile(0.8 ** 5, 5, 1)).toBeCloseTo(0.8, 10);
  });

  it('stays accurate for large counts', () => {
    // Symmetric beta(50000, 50000): median 0.5.
    expect(regularizedIncompleteBeta(0.5, 50_000, 50_000)).toBeCloseTo(0.5, 9);
  });
});
