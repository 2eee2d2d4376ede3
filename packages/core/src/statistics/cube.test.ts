// The aggregate tables must give exactly the scan's numbers: random persons (fixed seed) with moves,
// arrivals, departures, deaths and births around birthdays and 29 February, summed into cubes and
// read back for month-aligned periods, against computeIndicators on the same persons.
import { describe, expect, it } from 'vitest';
import {
  CubeAccumulator,
  firstDayOfMonth,
  lastDayOfMonth,
  monthOf,
  yearOfMonth,
  type BasisIndex,
  type CubePerson,
  type CubeRange,
} from './cube';
import { indicatorsFromCube, type CubeSlice } from './cube-indicators';
import { computeIndicators, type Basis, type StatPerson } from './indicators';
import type { DatedPlace } from './person-years';

const VILLAGES = ['652926100201', '652926100202', '652926101201', '652926101202', '652926102201'];
const OUTSIDE = '650102';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function dateOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
const day = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

function places(next: () => number, from: string, until: string): DatedPlace[] {
  const pick = () => (next() < 0.1 ? OUTSIDE : (VILLAGES[Math.floor(next() * VILLAGES.length)] as string));
  const list: DatedPlace[] = [{ date: from, code: pick() }];
  const changes = Math.floor(next() * 4);
  for (let i = 0; i < changes; i += 1) {
    const previous = day(list.at(-1)?.date ?? from);
    const date = previous + 1 + Math.floor(next() * Math.max(1, day(until) - previous));
    if (date > day(until)) break;
    list.push({ date: dateOf(date), code: pick() });
  }
  return list;
}

function randomPersons(seed: number, count: number): Map<string, StatPerson> {
  const next = random(seed);
  const persons = new Map<string, StatPerson>();
  const women: StatPerson[] = [];
  for (let i = 0; i < count; i += 1) {
    // Some born on 29 February, many around the register's years, the rest over a century.
    const leapBirth = next() < 0.03;
    const birthDate = leapBirth
      ? `${1936 + 4 * Math.floor(next() * 21)}-02-29`
      : dateOf(day('1925-01-01') + Math.floor(next() * (day('2022-12-31') - day('1925-01-01'))));
    const dies = next() < 0.2;
    const deathDate = dies
      ? dateOf(day(birthDate) + 1 + Math.floor(next() * (day('2023-02-01') - day(birthDate))))
      : null;
    const until = deathDate ?? '2023-01-31';
    // A first place on another day than the birth is an arrival.
    const firstPlace =
      next() < 0.8
        ? birthDate
        : dateOf(Math.max(day(birthDate), day('2017-06-01') + Math.floor(next() * 1800)));
    const mother = women.length > 0 && next() < 0.7 ? women[Math.floor(next() * women.length)] : undefined;
    const person: StatPerson = {
      key: `p${i}`,
      sex: next() < 0.52 ? 'male' : 'female',
      birthDate,
      deathDate: deathDate !== null && deathDate <= '2023-01-31' ? deathDate : null,
      residence: places(next, firstPlace, until),
      hukou: places(next, firstPlace, until),
      motherKey: mother && mother.birthDate < birthDate ? mother.key : null,
      birthOrder: next() < 0.3 ? null : 1 + Math.floor(next() * 5),
    };
    persons.set(person.key, person);
    if (person.sex === 'female') women.push(person);
  }
  return persons;
}

function cubePerson(person: StatPerson, persons: ReadonlyMap<string, StatPerson>): CubePerson {
  const mother = person.motherKey ? persons.get(person.motherKey) : undefined;
  return { ...person, motherBirthDate: mother?.birthDate ?? null };
}

/** What the server's SQL does: the cells of a basis summed over the months of [from, to]. */
function sliceOf(cube: CubeAccumulator, basis: BasisIndex, from: string, to: string): CubeSlice {
  const first = monthOf(from);
  const last = monthOf(to);
  const slice: CubeSlice = { days: [], startStock: [], endStock: [], events: [], moves: [], residents: [] };
  for (const cell of cube.populationCells()) {
    if (cell.basis !== basis) continue;
    if (cell.month >= first && cell.month <= last && cell.days !== 0)
      slice.days.push({
        code: cell.code,
        sex: cell.sex,
        age: cell.age,
        year: yearOfMonth(cell.month),
        days: cell.days,
      });
    if (cell.month === first - 1) slice.startStock.push({ code: cell.code, count: cell.stock });
    if (cell.month === last)
      slice.endStock.push({ code: cell.code, sex: cell.sex, age: cell.age, count: cell.stock });
  }
  for (const cell of cube.eventCells())
    if (cell.basis === basis && cell.month >= first && cell.month <= last) slice.events.push(cell);
  for (const cell of cube.moveCells())
    if (cell.basis === basis && cell.month >= first && cell.month <= last) slice.moves.push(cell);
  for (const cell of cube.residentCells()) if (cell.month === last) slice.residents.push(cell);
  return slice;
}

const RANGE: CubeRange = { firstMonth: monthOf('2017-12-01'), lastMonth: monthOf('2022-12-01') };
const PERIODS: [string, string][] = [
  ['2018-01-01', '2018-12-31'],
  ['2019-03-01', '2021-02-28'],
  ['2020-02-01', '2020-02-29'],
  ['2018-01-01', '2022-12-31'],
];
const JURISDICTIONS = ['652926', '652926100', '652926101', '652926100202', '652926102201'];

function cubeOf(persons: ReadonlyMap<string, StatPerson>): CubeAccumulator {
  const cube = new CubeAccumulator(RANGE);
  for (const person of persons.values()) cube.add(cubePerson(person, persons));
  return cube;
}

describe('aggregate tables (cubes)', () => {
  const persons = randomPersons(20261123, 1500);
  const cube = cubeOf(persons);

  it('months are numbered from 1970-01 and know their first and last days', () => {
    expect(monthOf('1970-01-15')).toBe(0);
    expect(monthOf('2024-02-10')).toBe(649);
    expect(lastDayOfMonth(649) - firstDayOfMonth(649) + 1).toBe(29);
    expect(yearOfMonth(649)).toBe(2024);
  });

  for (const basis of ['residence', 'hukou'] as Basis[]) {
    it(`give exactly the scan's indicators on basis ${basis}`, () => {
      let compared = 0;
      for (const [from, to] of PERIODS) {
        const slice = sliceOf(cube, basis === 'residence' ? 0 : 1, from, to);
        for (const jurisdiction of JURISDICTIONS) {
          const scanned = computeIndicators(persons, { jurisdiction, from, to, basis });
          const fromCube = indicatorsFromCube(slice, jurisdiction, (code) => code);
          expect(fromCube, `${jurisdiction} ${from}…${to}`).toEqual(scanned);
          if (jurisdiction === '652926' && to === '2022-12-31') {
            // The comparison means something only if every kind of count occurs.
            const { births, deaths, moves_in, moves_out, migrant_share, tfr } = scanned;
            expect(Math.min(births, deaths, moves_in, moves_out)).toBeGreaterThan(10);
            if (basis === 'residence') expect(migrant_share).toBeGreaterThan(0);
            expect(tfr).not.toBeNull();
          }
          compared += 1;
        }
      }
      expect(compared).toBe(PERIODS.length * JURISDICTIONS.length);
    });
  }

  it('follow retired codes to their successors like the scan', () => {
    const successor = (code: string) => (code === '652926100202' ? '652926101202' : code);
    const mapped = new Map(
      [...persons].map(([key, p]) => [
        key,
        {
          ...p,
          residence: p.residence.map((place) => ({ ...place, code: successor(place.code) })),
          hukou: p.hukou.map((place) => ({ ...place, code: successor(place.code) })),
        },
      ]),
    );
    const slice = sliceOf(cube, 0, '2019-01-01', '2020-12-31');
    for (const jurisdiction of ['652926100', '652926101'])
      expect(indicatorsFromCube(slice, jurisdiction, successor)).toEqual(
        computeIndicators(mapped, { jurisdiction, from: '2019-01-01', to: '2020-12-31', basis: 'residence' }),
      );
  });

  it('apply a change as (new − old) of one person, equal to summing everything again', () => {
    const changed = new Map(persons);
    const incremental = cubeOf(persons);
    const edits: [string, (p: StatPerson) => StatPerson][] = [
      ['p10', (p) => ({ ...p, deathDate: p.deathDate ?? '2021-06-15' })],
      ['p20', (p) => ({ ...p, residence: [...p.residence, { date: '2022-03-03', code: OUTSIDE }] })],
      [
        'p30',
        (p) => ({
          ...p,
          birthDate: '2020-02-29',
          residence: [{ date: '2020-02-29', code: VILLAGES[0] as string }],
        }),
      ],
    ];
    for (const [key, edit] of edits) {
      const before = changed.get(key) as StatPerson;
      const after = edit(before);
      incremental.add(cubePerson(before, changed), -1);
      changed.set(key, after);
      incremental.add(cubePerson(after, changed));
    }
    const sorted = (c: CubeAccumulator) => ({
      population: [...c.populationCells()].map((x) => JSON.stringify(x)).sort(),
      events: [...c.eventCells()].map((x) => JSON.stringify(x)).sort(),
      moves: [...c.moveCells()].map((x) => JSON.stringify(x)).sort(),
      residents: [...c.residentCells()].map((x) => JSON.stringify(x)).sort(),
    });
    expect(sorted(incremental)).toEqual(sorted(cubeOf(changed)));
  });
});
