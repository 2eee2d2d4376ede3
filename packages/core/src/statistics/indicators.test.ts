import { describe, expect, it } from 'vitest';
import { computeIndicators, type StatPerson } from './indicators';

const J = '652926100';
const inJ = '652926100101';
const elsewhere = '652926200101';

function person(p: Partial<StatPerson> & Pick<StatPerson, 'key' | 'sex' | 'birthDate'>): StatPerson {
  return { deathDate: null, residence: [], hukou: [], motherKey: null, birthOrder: null, ...p };
}

// Five people in 2021: a mother and her new son, a death, a move out and an arrival.
const people = [
  person({
    key: 'A',
    sex: 'female',
    birthDate: '1990-06-15',
    residence: [{ date: '1990-06-15', code: inJ }],
  }),
  person({
    key: 'B',
    sex: 'male',
    birthDate: '2021-07-01',
    residence: [{ date: '2021-07-01', code: inJ }],
    motherKey: 'A',
    birthOrder: 2,
  }),
  person({
    key: 'C',
    sex: 'male',
    birthDate: '1950-01-01',
    deathDate: '2021-04-01',
    residence: [{ date: '1950-01-01', code: inJ }],
  }),
  person({
    key: 'D',
    sex: 'female',
    birthDate: '1980-01-01',
    residence: [
      { date: '1980-01-01', code: inJ },
      { date: '2021-10-01', code: elsewhere },
    ],
    hukou: [{ date: '1980-01-01', code: inJ }],
  }),
  person({ key: 'E', sex: 'male', birthDate: '1985-05-05', residence: [{ date: '2021-03-01', code: inJ }] }),
];
const persons = new Map(people.map((p) => [p.key, p]));
const year2021 = { jurisdiction: J, from: '2021-01-01', to: '2021-12-31', basis: 'residence' as const };

describe('computeIndicators', () => {
  const result = computeIndicators(persons, year2021);

  it('counts the flows so that start + births − deaths + in − out = end', () => {
    expect(result).toMatchObject({
      population_start: 3,
      births: 1,
      births_male: 1,
      births_female: 0,
      deaths: 1,
      moves_in: 1,
      moves_out: 1,
      population_end: 3,
    });
  });

  it('counts person-years by day: 1 + 184/365 + 90/365 + 273/365 + 306/365', () => {
    expect(result.person_years).toBeCloseTo(1 + (184 + 90 + 273 + 306) / 365, 12);
    expect(result.cbr).toBeCloseTo((1 / result.person_years) * 1000, 12);
    // A turns 31 on 15 June: 165 days at 30, 200 at 31.
    expect(result.person_years_by_age.female['30']).toBeCloseTo(165 / 365, 12);
    expect(result.person_years_by_age.female['31']).toBeCloseTo(200 / 365, 12);
  });

  it('gives fertility by the mother’s age on the day of birth, null where nobody was exposed', () => {
    expect(result.asfr['31']).toBeCloseTo(365 / 200, 12);
    expect(result.asfr['20']).toBeNull();
    expect(result.tfr).toBeNull();
    expect(result.mean_age_childbearing).toBeNull();
    expect(result.birth_order_share).toEqual({ '1': 0, '2': 1, '3': 0, '4+': 0 });
    expect(result.srb).toBeNull();
  });

  it('takes the pyramid and the migrant share on the last day', () => {
    expect(result.age_structure.male['0-4']).toBe(1);
    expect(result.age_structure.male['35-39']).toBe(1);
    expect(result.age_structure.female['30-34']).toBe(1);
    // E lives in J with no hukou code known: a migrant; A and B have none either.
    expect(result.migrant_share).toBeCloseTo(100, 12);
  });

  it('uses hukou codes on the hukou basis', () => {
    const hukou = computeIndicators(persons, { ...year2021, basis: 'hukou' });
    expect(hukou).toMatchObject({ population_start: 1, population_end: 1, moves_out: 0, births: 0 });
  });

  it('gives null rates, not errors, for a jurisdiction with nobody in it', () => {
    const empty = computeIndicators(persons, { ...year2021, jurisdiction: '652926300' });
    expect(empty).toMatchObject({ person_years: 0, cbr: null, cdr: null, migrant_share: null, births: 0 });
  });
});
