// The generated county against its parameters: census age/sex structure, SRB and TFR of the births.
import { describe, expect, it } from 'vitest';
import { ageOn } from '../register/dates';
import { AGE_GROUP_STARTS, BAICHENG_PYRAMID } from './census-652926';
import { createSyntheticCounty, generateSyntheticCounty } from './generator';
import type { SyntheticEventRow } from './rows';
import { TEST_VILLAGES } from './test-villages';

describe('baseline structure', () => {
  const county = createSyntheticCounty({ villages: TEST_VILLAGES, persons: 20_000, seed: 3 });
  const persons = [...county.persons()];

  it('follows the census shares by sex and 5-year age group', () => {
    const total = [...BAICHENG_PYRAMID.male, ...BAICHENG_PYRAMID.female].reduce((a, b) => a + b, 0);
    const counts = new Array<number>(AGE_GROUP_STARTS.length * 2).fill(0);
    for (const person of persons) {
      const age = ageOn(person.birth_date, county.options.from);
      const group = AGE_GROUP_STARTS.findLastIndex((start) => age >= start);
      const index = (person.sex === '1' ? 0 : AGE_GROUP_STARTS.length) + group;
      counts[index] = (counts[index] ?? 0) + 1;
    }
    [...BAICHENG_PYRAMID.male, ...BAICHENG_PYRAMID.female].forEach((census, index) => {
      expect(Math.abs((counts[index] ?? 0) / persons.length - census / total)).toBeLessThan(0.002);
    });
  });

  it('has households with one head each and women with their live births', () => {
    const heads = new Map<string, number>();
    for (const p of persons)
      if (p.relation === 'head') heads.set(p.household_id, (heads.get(p.household_id) ?? 0) + 1);
    const households = new Set(persons.map((p) => p.household_id));
    expect([...households].every((h) => heads.get(h) === 1)).toBe(true);
    expect(persons.length / households.size).toBeGreaterThan(2.5);
    const children = new Map<string, number>();
    for (const p of persons) if (p.mother_id) children.set(p.mother_id, (children.get(p.mother_id) ?? 0) + 1);
    const byId = new Map(persons.map((p) => [p.person_id, p]));
    for (const [mother, linked] of children) {
      expect(Number(byId.get(mother)?.children_ever_born || 0)).toBeGreaterThanOrEqual(linked);
    }
  });

  it('is mostly Uyghur, with names written 本名·父名', () => {
    const uyghur = persons.filter((p) => p.ethnicity === '05');
    expect(uyghur.length / persons.length).toBeGreaterThan(0.75);
    expect(uyghur.every((p) => /^[\u4e00-\u9fff]+·[\u4e00-\u9fff]+$/.test(p.name))).toBe(true);
    const han = persons.filter((p) => p.ethnicity === '01');
    expect(han.every((p) => /^[\u4e00-\u9fff]{2,3}$/.test(p.name))).toBe(true);
  });
});

/** Births by mother's completed age on 1 January, over women alive and present on that day, summed over ages. */
function observedFertility(
  persons: {
    person_id: string;
    sex: string;
    birth_date: string;
    hukou_code: string;
    residence_code: string;
  }[],
  events: SyntheticEventRow[],
  coverage: string,
) {
  const people = new Map<
    string,
    { sex: string; birth: string; hukou: string; residence: string; dead: boolean }
  >();
  for (const p of persons) {
    people.set(p.person_id, {
      sex: p.sex,
      birth: p.birth_date,
      hukou: p.hukou_code,
      residence: p.residence_code || p.hukou_code,
      dead: false,
    });
  }
  const present = (p: { hukou: string; residence: string }) =>
    p.hukou.startsWith(coverage) || p.residence.startsWith(coverage);
  const rates: number[] = [];
  let boys = 0;
  let girls = 0;
  let index = 0;
  const firstYear = Number(events[0]?.date.slice(0, 4));
  const lastYear = Number(events.at(-1)?.date.slice(0, 4));
  for (let year = firstYear; year <= lastYear; year++) {
    const newYear = `${year}-01-01`;
    const women = new Map<number, number>();
    for (const p of people.values()) {
      if (p.sex !== '2' || p.dead || !present(p)) continue;
      const age = ageOn(p.birth, newYear);
      women.set(age, (women.get(age) ?? 0) + 1);
    }
    const births = new Map<number, number>();
    for (; index < events.length && events[index]!.date.startsWith(String(year)); index++) {
      const e = events[index]!;
      const person = people.get(e.person_id);
      if (e.type === 'birth') {
        people.set(e.person_id, {
          sex: e.sex!,
          birth: e.date,
          hukou: e.hukou_code!,
          residence: e.residence_code!,
          dead: false,
        });
        if (e.sex === '1') boys++;
        else girls++;
        const age = ageOn(people.get(e.mother_id!)!.birth, newYear);
        births.set(age, (births.get(age) ?? 0) + 1);
      } else if (e.type === 'death' && person) person.dead = true;
      else if ((e.type === 'move' || e.type === 'hukou') && person)
        person[e.type === 'move' ? 'residence' : 'hukou'] = e.to_code!;
      else if (e.type === 'move' || e.type === 'hukou') {
        const arriving =
          e.type === 'move'
            ? { hukou: e.from_code!, residence: e.to_code! }
            : { hukou: e.to_code!, residence: e.from_code! };
        people.set(e.person_id, { sex: e.sex!, birth: e.birth_date!, ...arriving, dead: false });
      }
    }
    if (year > firstYear && year < lastYear) {
      let tfr = 0;
      for (const [age, count] of births) tfr += count / Math.max(1, women.get(age) ?? 0);
      rates.push(tfr);
    }
  }
  return { tfr: rates.reduce((a, b) => a + b, 0) / rates.length, srb: (100 * boys) / girls };
}

describe('births on a larger run', () => {
  const county = generateSyntheticCounty({
    villages: TEST_VILLAGES,
    persons: 120_000,
    from: '2012-01-01',
    to: '2021-12-31',
    seed: 11,
    tfr: 2.2,
    srb: 112,
    missedBirthRate: 0,
  });
  const events = county.records.filter((r) => r.file === 'events').map((r) => r.row as SyntheticEventRow);
  const observed = observedFertility(county.persons, events, county.options.coverage);

  it('has the sex ratio at birth of the parameter', () => {
    expect(Math.abs(observed.srb - 112)).toBeLessThan(5);
  });

  it('has the total fertility rate of the parameter', () => {
    expect(Math.abs(observed.tfr / 2.2 - 1)).toBeLessThan(0.05);
  });
});
