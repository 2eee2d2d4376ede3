// SRB intervals: the mapping 100·p/(1 − p) of the binomial bounds. The table values are computed, not
// published (fixture_binomial_srb_ci.json "srb_table_computed_not_published", 2 decimals or fewer);
// the method itself is checked against the published 13/16 intervals in binomial-intervals.test.ts.
import { describe, expect, it } from 'vitest';
import {
  sexRatioAtBirth,
  sexRatioAtBirthSummary,
  sexRatioClopperPearsonInterval,
  sexRatioStatus,
  sexRatioWilsonInterval,
} from './sex-ratio';

// [male, female, wilson95, clopperPearson95]
const COMPUTED_TABLE: [number, number, [number, number], [number, number]][] = [
  [11, 9, [52.0, 287.3], [46.04, 333.69]],
  [53, 47, [76.33, 166.59], [74.7, 170.71]],
  [60, 40, [100.8, 223.2], [98.89, 229.71]],
  [512, 488, [92.69, 118.76], [92.5, 119.01]],
  [530, 470, [99.6, 127.67], [99.41, 127.95]],
  [5150, 4850, [102.1, 110.43], [102.08, 110.46]],
  [5300, 4700, [108.42, 117.28], [108.4, 117.31]],
  [6005, 5395, [107.29, 115.48], [107.27, 115.5]],
  [51500, 48500, [104.88, 107.51], [104.87, 107.51]],
];

describe('sex ratio at birth', () => {
  it('is 100 × male / female, null without female births', () => {
    expect(sexRatioAtBirth(530, 470)).toBeCloseTo(112.766, 3);
    expect(sexRatioAtBirth(5, 0)).toBeNull();
    expect(sexRatioWilsonInterval(5, 0)).toBeNull();
    expect(sexRatioAtBirthSummary(0, 0)).toEqual({ srb: null, srb_ci95: null, srb_status: null });
  });

  it.each(COMPUTED_TABLE)(
    '%i boys, %i girls: Wilson and Clopper–Pearson bounds',
    (male, female, wilson, exact) => {
      // Values are rounded to 2 decimals (a few to 1), so allow half a unit of the last place shown.
      const tolerance = (value: number) =>
        Math.abs(value * 10 - Math.round(value * 10)) < 1e-6 ? 0.05 : 0.005;
      const w = sexRatioWilsonInterval(male, female);
      const cp = sexRatioClopperPearsonInterval(male, female);
      wilson.forEach((value, i) =>
        expect(Math.abs((w?.[i] ?? NaN) - value)).toBeLessThanOrEqual(tolerance(value)),
      );
      exact.forEach((value, i) =>
        expect(Math.abs((cp?.[i] ?? NaN) - value)).toBeLessThanOrEqual(tolerance(value)),
      );
    },
  );

  it('applies the status rule of indicators.md in order', () => {
    expect(sexRatioStatus(112.766, [108.42, 117.28])).toBe('high');
    expect(sexRatioStatus(95, [90, 102.9])).toBe('low');
    expect(sexRatioStatus(106.186, [104.88, 107.51])).toBe('normal');
    expect(sexRatioStatus(103, [95, 111])).toBe('normal');
    expect(sexRatioStatus(107, [95, 111])).toBe('normal');
    expect(sexRatioStatus(112.766, [99.6, 127.67])).toBe('uncertain');
    expect(sexRatioStatus(102.9, [101, 104.8])).toBe('uncertain');
    // The bounds must lie strictly beyond 107 and 103.
    expect(sexRatioStatus(110, [107, 113])).toBe('uncertain');
    expect(sexRatioStatus(110, [107.01, 113])).toBe('high');
    expect(sexRatioStatus(99, [95, 103])).toBe('uncertain');
    expect(sexRatioStatus(null, null)).toBeNull();
  });

  it('gives the status of three table rows', () => {
    expect(sexRatioAtBirthSummary(5300, 4700).srb_status).toBe('high');
    expect(sexRatioAtBirthSummary(530, 470).srb_status).toBe('uncertain');
    expect(sexRatioAtBirthSummary(5150, 4850).srb_status).toBe('normal');
  });
});
