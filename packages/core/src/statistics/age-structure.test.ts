// Published answers: China 2020 census. Counts are the national row of the county tables
// (github leiii/census, NBS yearbook), which leave out the 2,000,000 active military (all 15–64,
// 548 of them 60–64); the published ratios include them.
import { describe, expect, it } from 'vitest';
import { PYRAMID_GROUP_KEYS, ageStructure, dependencyIndicators } from './age-structure';

// 0, 1–4, 5–9, …, 80–84, 85+: [start age, male, female]
const CENSUS_2020: [number, number, number][] = [
  [0, 6312409, 5675648],
  [1, 34656922, 31238909],
  [5, 48017458, 42226598],
  [10, 45606790, 39649204],
  [15, 39053343, 33630797],
  [20, 39675995, 35265680],
  [25, 48162270, 43685062],
  [30, 63871808, 60273382],
  [35, 50932037, 48080895],
  [40, 47632694, 45322636],
  [45, 58191686, 56033201],
  [50, 61105470, 60058826],
  [55, 50816026, 50584760],
  [60, 36871125, 36511813],
  [65, 36337923, 37667637],
  [70, 24162733, 25427303],
  [75, 14752433, 16486416],
  [80, 9157003, 11225875],
  [85, 6100269, 9317688],
];

/** Each group's count at its start age: enough for indicators whose bounds are multiples of 5. */
function countsByStartAge(column: 1 | 2, extra: Record<number, number> = {}): number[] {
  const counts = new Array<number>(86).fill(0);
  for (const row of CENSUS_2020) counts[row[0]] = row[column];
  for (const [age, count] of Object.entries(extra)) counts[Number(age)] = (counts[Number(age)] ?? 0) + count;
  return counts;
}

describe('age structure', () => {
  it('groups single ages into 0-4 … 80-84 and 85+, every key present', () => {
    const female = new Array<number>(101).fill(0);
    female[0] = 3;
    female[5] = 1;
    female[100] = 7;
    const pyramid = ageStructure({ male: countsByStartAge(1), female });
    expect(Object.keys(pyramid.male)).toEqual(PYRAMID_GROUP_KEYS);
    expect(PYRAMID_GROUP_KEYS.at(-1)).toBe('85+');
    expect(pyramid.male['0-4']).toBe(6312409 + 34656922);
    expect(pyramid.male['85+']).toBe(6100269);
    expect(pyramid.female).toMatchObject({ '0-4': 3, '5-9': 1, '10-14': 0, '85+': 7 });
  });

  it('reproduces the published 2020 dependency ratios on the communiqué base (within 0.01)', () => {
    // Published (China Statistical Yearbook 2021 table 2-4): total 45.88, child 26.19, old age 19.69.
    const withMilitary = {
      male: countsByStartAge(1, { 20: 2_000_000 - 548, 60: 548 }),
      female: countsByStartAge(2),
    };
    const indicators = dependencyIndicators(withMilitary);
    expect(Math.abs((indicators.dependency_total ?? 0) - 45.88)).toBeLessThanOrEqual(0.01);
    expect(Math.abs((indicators.dependency_child ?? 0) - 26.19)).toBeLessThanOrEqual(0.01);
    expect(Math.abs((indicators.dependency_old ?? 0) - 19.69)).toBeLessThanOrEqual(0.01);
    // Communiqué No. 5: 60+ 18.70 %, 65+ 13.50 %.
    expect(Math.abs((indicators.share_60_plus ?? 0) - 18.7)).toBeLessThanOrEqual(0.005);
    expect(Math.abs((indicators.share_65_plus ?? 0) - 13.5)).toBeLessThanOrEqual(0.005);
  });

  it('gives the county-table figures without the military', () => {
    // Computed in the fixture (not published): 45.976, 26.237, 19.739, ageing index 75.24, 65+ 13.52 %.
    const indicators = dependencyIndicators({ male: countsByStartAge(1), female: countsByStartAge(2) });
    expect(indicators.dependency_total).toBeCloseTo(45.976, 3);
    expect(indicators.dependency_child).toBeCloseTo(26.237, 3);
    expect(indicators.dependency_old).toBeCloseTo(19.739, 3);
    expect(indicators.ageing_index).toBeCloseTo(75.24, 2);
    expect(indicators.share_65_plus).toBeCloseTo(13.52, 2);
  });

  it('gives null on a zero denominator', () => {
    const onlyOld = dependencyIndicators({ male: [...new Array<number>(70).fill(0), 3], female: [] });
    expect(onlyOld).toEqual({
      dependency_child: null,
      dependency_old: null,
      dependency_total: null,
      ageing_index: null,
      share_60_plus: 100,
      share_65_plus: 100,
    });
    expect(dependencyIndicators({ male: [], female: [] }).share_65_plus).toBeNull();
  });
});
