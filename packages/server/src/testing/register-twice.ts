// Persons registered a second time, as clerks do by mistake: an arrival of someone already in the
// register, in four ways (the same ID number; no ID number; a typo in the name; no ID number and the
// birth date with day and month swapped). The truth for the duplicates tests and benchmark.
import { Role } from '@renkou/core';
import type { Application } from '../application';
import { actor } from './test-application';

export const TWICE_WAYS = ['same ID', 'no ID', 'name typo', 'no ID, day/month swapped'] as const;

export interface RegisteredTwice {
  /** original person key → the key of its second record */
  truth: Map<string, string>;
  /** second record's key → the way it was written (an index of TWICE_WAYS) */
  ways: Map<string, number>;
}

/** Registers a second record of `count` living persons born before 2010, spread over the register. */
export async function registerTwice(app: Application, count: number): Promise<RegisteredTwice> {
  const clerk = actor(Role.CountyOfficer, '652926');
  const people = await app.db
    .selectFrom('persons')
    .selectAll()
    .where('status', '=', 'resident')
    .where('hukou_code', 'like', '652926%')
    .where('birth_date', '<', '2010-01-01')
    .where('sensitive', 'is not', null)
    .orderBy('person_key')
    .execute();
  const step = Math.floor(people.length / count);
  const truth = new Map<string, string>();
  const ways = new Map<string, number>();
  for (let i = 0; i < count; i += 1) {
    const person = people[i * step];
    if (!person) throw new Error(`only ${people.length} persons to register twice`);
    const idNumber = app.register.cipher.openPerson(person.sensitive).idNumber ?? '';
    const [year, month, day] = person.birth_date.split('-') as [string, string, string];
    const way = i % TWICE_WAYS.length;
    const name =
      way === 2 ? `${person.name.slice(0, -1)}${person.name.endsWith('明') ? '鸣' : '明'}` : person.name;
    const swapped = way === 3 && Number(day) <= 12 && day !== month;
    const key = `dup-${i}`;
    await app.persons.recordEvent(clerk, {
      event_id: `E-${key}`,
      type: 'hukou',
      date: '2024-06-01',
      person_id: key,
      from_code: '650102000000',
      to_code: person.hukou_code.padEnd(12, '0'),
      name,
      sex: String(person.sex),
      birth_date: swapped ? `${year}-${day}-${month}` : person.birth_date,
      id_number: way === 1 || way === 3 ? '' : idNumber,
      ethnicity: person.ethnicity ?? '',
    });
    truth.set(person.person_key, key);
    ways.set(key, way);
  }
  return { truth, ways };
}
