import { describe, expect, it } from 'vitest';
import {
  LIFE_TABLE_AGES,
  PROJECTION_GROUPS,
  lifeTableOf,
  projectPopulation,
  type ObservedRates,
} from './population-projection';

// A stylised population: 1,000 people in each 5-year group of each sex, death rates rising with age.
const mx = LIFE_TABLE_AGES.map((age) =>
  age === 0 ? 0.01 : 0.0005 * Math.exp(0.085 * Math.max(age - 10, 0)),
);
const exposures = LIFE_TABLE_AGES.map(() => 10_000);
const rates: ObservedRates = {
  deaths: { male: mx.map((m) => m * 10_000 * 1.2), female: mx.map((m) => m * 10_000) },
  exposures: { male: exposures, female: exposures },
  asfr5: { 15: 0.01, 20: 0.1, 25: 0.12, 30: 0.07, 35: 0.03, 40: 0.01, 45: 0 },
  srb: 1.06,
  netMigrants5: { male: PROJECTION_GROUPS.map(() => 0), female: PROJECTION_GROUPS.map(() => 0) },
};
const base = {
  year: 2024,
  female: PROJECTION_GROUPS.map(() => 1000),
  male: PROJECTION_GROUPS.map(() => 1000),
};

describe('projectPopulation', () => {
  const scenarios = projectPopulation(base, rates, 20);
  const [low, medium, high] = scenarios;

  it('runs low, medium and high fertility around the observed TFR (5 × Σ ASFR = 1.7)', () => {
    expect(scenarios.map((s) => s.name)).toEqual(['low', 'medium', 'high']);
    expect(scenarios.map((s) => s.tfr)).toEqual([1.2, 1.7, 2.2].map((t) => expect.closeTo(t, 12)));
    expect(medium?.years.map((y) => y.year)).toEqual([2024, 2029, 2034, 2039, 2044]);
  });

  it('changes births and children with fertility, not the old, who were all born before the base', () => {
    const at2044 = scenarios.map((s) => s.years[4]);
    expect(at2044[0]!.birthsPerYear).toBeLessThan(at2044[1]!.birthsPerYear as number);
    expect(at2044[1]!.birthsPerYear).toBeLessThan(at2044[2]!.birthsPerYear as number);
    expect(at2044[0]!.age6to11).toBeLessThan(at2044[2]!.age6to11);
    expect(at2044[0]!.age65plus).toBeCloseTo(at2044[2]!.age65plus, 9);
    expect(low!.years[0]).toEqual(high!.years[0]);
  });

  it('takes the observed TFR for the medium scenario unless one is given', () => {
    const given = projectPopulation(base, rates, 5, { tfr: 1.0 });
    expect(given.map((s) => s.tfr)).toEqual([0.5, 1.0, 1.5]);
    expect(given[1]!.years[1]!.birthsPerYear).toBeCloseTo(
      (medium!.years[1]!.birthsPerYear as number) / 1.7,
      9,
    );
  });

  it('ages a closed population without fertility through the life table’s survival', () => {
    const noBirths = { ...rates, asfr5: { 15: 0, 20: 0, 25: 0, 30: 0, 35: 0, 40: 0, 45: 0 } };
    const [, step] = projectPopulation(base, noBirths, 5)[1]!.years;
    const Lx = lifeTableOf(noBirths, 'female').Lx;
    // Group 10–14 after five years = the 5–9 group × 5L10 / 5L5 (life-table indices 3 and 2).
    expect(step!.female[2]).toBeCloseTo((1000 * Lx[3]!) / Lx[2]!, 9);
    expect(step!.female[0]).toBe(0);
    expect(step!.total).toBeLessThan(36_000);
  });

  it('counts school ages from evenly spread single years within each group', () => {
    const y = medium!.years[0]!;
    expect(y.age3to5).toBeCloseTo(2 * 0.4 * 1000 + 2 * 0.2 * 1000, 9);
    expect(y.age6to11).toBeCloseTo(2 * 0.8 * 1000 + 2 * 0.4 * 1000, 9);
    expect(y.age12to14).toBeCloseTo(2 * 0.6 * 1000, 9);
    expect(y.age65plus).toBeCloseTo(2 * 5 * 1000, 9);
    expect(y.age80plus).toBeCloseTo(2 * 2 * 1000, 9);
  });
});
