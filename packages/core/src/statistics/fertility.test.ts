import { describe, expect, it } from 'vitest';
import {
  ageSpecificFertilityRates,
  ageSpecificFertilityRates5,
  countByAge,
  meanAgeAtChildbearing,
  meanAgeAtChildbearingFrom5,
  totalFertilityRate,
  totalFertilityRateFrom5,
} from './fertility';

/** 100 female person-years at every age 0…100. */
const exposure = new Array<number>(101).fill(100);

describe('age-specific fertility', () => {
  it('divides births by female person-years at the mother’s age, under 15 at 15 and over 49 at 49', () => {
    const births = countByAge([14, 15, 15, 20, 20, 20, 20, 49, 51, 13]);
    const asfr = ageSpecificFertilityRates(births, exposure);
    expect(Object.keys(asfr)).toEqual(Array.from({ length: 35 }, (_, i) => String(15 + i)));
    expect(asfr['15']).toBe(0.04);
    expect(asfr['20']).toBe(0.04);
    expect(asfr['49']).toBe(0.02);
    expect(asfr['30']).toBe(0);
  });

  it('groups by five years the same way', () => {
    const births = countByAge([12, 17, 19, 22, 48, 50]);
    const personYears = exposure.map((value, age) => (age === 19 ? 50 : value));
    const asfr5 = ageSpecificFertilityRates5(births, personYears);
    expect(Object.keys(asfr5)).toEqual(['15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49']);
    expect(asfr5['15-19']).toBe(3 / 450);
    expect(asfr5['20-24']).toBe(1 / 500);
    expect(asfr5['45-49']).toBe(2 / 500);
  });

  it('gives null where there is no exposure, and then no TFR', () => {
    const personYears = exposure.map((value, age) => (age === 33 ? 0 : value));
    const asfr = ageSpecificFertilityRates(countByAge([25, 33]), personYears);
    expect(asfr['33']).toBeNull();
    expect(asfr['25']).toBe(0.01);
    expect(totalFertilityRate(asfr)).toBeNull();
    expect(meanAgeAtChildbearing(asfr)).toBeNull();
    const noExposure = ageSpecificFertilityRates([], []);
    expect(Object.values(noExposure).every((value) => value === null)).toBe(true);
  });

  it('sums single-year rates into the TFR and weights ages at x + 0.5', () => {
    const births = countByAge([...new Array<number>(30).fill(25), ...new Array<number>(10).fill(35)]);
    const asfr = ageSpecificFertilityRates(births, exposure);
    expect(totalFertilityRate(asfr)).toBeCloseTo(0.4, 12);
    // (25.5 × 0.3 + 35.5 × 0.1) / 0.4 = 28
    expect(meanAgeAtChildbearing(asfr)).toBeCloseTo(28, 12);
    expect(meanAgeAtChildbearing(ageSpecificFertilityRates([], exposure))).toBeNull();
  });
});

describe('fertility from 5-year rates (Preston Box 6.2, Sweden 1993)', () => {
  const sweden = { 15: 0.012, 20: 0.0908, 25: 0.1499, 30: 0.1125, 35: 0.0441, 40: 0.0074, 45: 0.0003 };

  it('TFR 2.085 and mean age 28.81 (derived in the fixture, not published)', () => {
    expect(Math.abs(totalFertilityRateFrom5(sweden) - 2.085)).toBeLessThan(1e-9);
    expect(Math.abs((meanAgeAtChildbearingFrom5(sweden) ?? 0) - 28.8106)).toBeLessThan(0.5e-4);
  });
});
