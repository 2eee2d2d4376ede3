// Published answer: UN World Population Prospects 2024 e0 for China (PPgp/wpp2024 e0F5/e0M5), from the
// WPP 5-year abridged death rates (mxF5/mxM5, ages 0, 1, 5, …, 100+). WPP builds its e0 from single-year
// tables, so an abridged table (n/2, Coale–Demeny West a0 and 4a1 by Preston Table 3.3) lands a few
// hundredths below: the fixture allows 0.05 years.
// Source: United Nations, DESA, Population Division. World Population Prospects 2024 (CC BY 3.0 IGO).
import { describe, expect, it } from 'vitest';
import type { SexKey } from './person-years';
import { abridgedLifeTable } from './life-table';
import { coaleDemenyWestFromM0, midpointSeparationFactors } from './separation-factors';

const AGES = [0, 1, ...Array.from({ length: 20 }, (_, i) => 5 + 5 * i)];

const CASES: { period: string; sex: SexKey; wppE0: number; mx: number[] }[] = [
  {
    period: '1950-1955',
    sex: 'female',
    wppE0: 47.4578,
    mx: [
      0.12475409, 0.02169342, 0.00867492, 0.00467502, 0.0041861, 0.00535573, 0.00585053, 0.00653831,
      0.00790469, 0.01055675, 0.01306416, 0.01823195, 0.02363136, 0.03990409, 0.06130117, 0.08984432,
      0.13034426, 0.19742177, 0.27714348, 0.37803684, 0.50297762, 0.62620339,
    ],
  },
  {
    period: '1950-1955',
    sex: 'male',
    wppE0: 43.9838,
    mx: [
      0.139529, 0.02137838, 0.00793369, 0.00547621, 0.00493155, 0.00603006, 0.00681703, 0.0076818, 0.0092665,
      0.01368744, 0.01853111, 0.02778123, 0.03729658, 0.06037463, 0.08532099, 0.11824988, 0.15888254,
      0.22313218, 0.30644391, 0.4241083, 0.59132043, 0.83725218,
    ],
  },
  {
    period: '1990-1995',
    sex: 'female',
    wppE0: 71.7356,
    mx: [
      0.03703806, 0.00313441, 0.00123785, 0.000718, 0.00067951, 0.00094864, 0.00113651, 0.00132601, 0.0016239,
      0.0022925, 0.00324221, 0.00516803, 0.00745061, 0.0135882, 0.02236371, 0.03635948, 0.05961681,
      0.10396478, 0.16829272, 0.27568413, 0.43399002, 0.60441185,
    ],
  },
  {
    period: '1990-1995',
    sex: 'male',
    wppE0: 66.8776,
    mx: [
      0.04183439, 0.00308492, 0.00134954, 0.00112111, 0.00111335, 0.00153763, 0.00185386, 0.00209817,
      0.00252499, 0.0037404, 0.00522578, 0.00857254, 0.01244458, 0.02191994, 0.03398386, 0.05428266,
      0.08617882, 0.14420437, 0.2342319, 0.37907533, 0.62719711, 0.99456059,
    ],
  },
  {
    period: '2015-2020',
    sex: 'female',
    wppE0: 80.4044,
    mx: [
      0.00670937, 0.0004589, 0.0003084, 0.00028859, 0.00033003, 0.00049386, 0.00055702, 0.00060788,
      0.00075336, 0.00114974, 0.00167546, 0.00273772, 0.00385689, 0.00696635, 0.01193689, 0.02121015,
      0.03717788, 0.07029145, 0.12254554, 0.21537465, 0.35918228, 0.53465841,
    ],
  },
  {
    period: '2015-2020',
    sex: 'male',
    wppE0: 74.8307,
    mx: [
      0.00783544, 0.00045297, 0.00035351, 0.0004532, 0.00053241, 0.00077738, 0.00094565, 0.00105759,
      0.00132405, 0.00221723, 0.00346547, 0.00580011, 0.00832887, 0.01485116, 0.02323263, 0.03711008,
      0.06013746, 0.10357923, 0.17260393, 0.29298323, 0.51175699, 0.89299663,
    ],
  },
];

describe('WPP 2024 China: abridged mx → e0', () => {
  it.each(CASES)('$period $sex: e0 within 0.05 years of WPP $wppE0', ({ sex, wppE0, mx }) => {
    const ax = midpointSeparationFactors(AGES, mx, coaleDemenyWestFromM0(mx[0] ?? 0, sex));
    const table = abridgedLifeTable({ ageStart: AGES, mx, ax });
    expect(Math.abs((table.ex[0] ?? 0) - wppE0)).toBeLessThanOrEqual(0.05);
  });
});

describe('Coale–Demeny West 1a0 and 4a1 (Preston Table 3.3)', () => {
  it('follows the linear rule below 1m0 = 0.107 and the constants above', () => {
    expect(coaleDemenyWestFromM0(0.05, 'male').a0).toBeCloseTo(0.045 + 2.684 * 0.05, 12);
    expect(coaleDemenyWestFromM0(0.05, 'male').a1to4).toBeCloseTo(1.651 - 2.816 * 0.05, 12);
    expect(coaleDemenyWestFromM0(0.05, 'female').a0).toBeCloseTo(0.053 + 2.8 * 0.05, 12);
    expect(coaleDemenyWestFromM0(0.05, 'female').a1to4).toBeCloseTo(1.522 - 1.518 * 0.05, 12);
    expect(coaleDemenyWestFromM0(0.2, 'male')).toEqual({ a0: 0.33, a1to4: 1.352 });
    expect(coaleDemenyWestFromM0(0.2, 'female')).toEqual({ a0: 0.35, a1to4: 1.361 });
  });
});
