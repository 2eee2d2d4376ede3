// Reads what the indicator scan needs: the persons who were ever placed in a jurisdiction, their
// dated residence and hukou codes, and the successor codes of the division tree.
import type { DatedPlace, StatPerson } from '@renkou/core';
import { sql, type Db } from '@renkou/db';

/** A person as the scan reads them, with the mother's birth date (the aggregate tables need it). */
export type LoadedPerson = StatPerson & { motherBirthDate: string | null };

/** Whom to load: everyone placed under a code, or the persons with these keys. */
export type PersonFilter = { prefix: string } | { keys: readonly string[] };

/** Persons with any residence or hukou code under the prefix (or with the keys), places in date order. */
export async function loadStatPersons(db: Db, filter: PersonFilter): Promise<Map<string, LoadedPerson>> {
  const inFilter =
    'prefix' in filter
      ? sql<boolean>`person_key in (select person_key from person_places where code like ${`${filter.prefix}%`})`
      : sql<boolean>`person_key = any(${[...filter.keys]}::text[])`;
  const rows = await db
    .selectFrom('persons as p')
    .select([
      sql<string | null>`(select m.birth_date from persons m where m.person_key = p.mother_key)`.as(
        'mother_birth_date',
      ),
      'p.person_key',
      'p.sex',
      'p.birth_date',
      'p.death_date',
      'p.mother_key',
      'p.birth_order',
      sql<boolean>`exists (select 1 from register_events e where e.kind = 'baseline' and e.person_key = p.person_key)`.as(
        'in_baseline',
      ),
    ])
    .where(inFilter)
    // A record merged into another as its duplicate is that person: counted once, through the other.
    .where('p.status', '<>', 'merged')
    .execute();
  const places = await db
    .selectFrom('person_places')
    .select(['person_key', 'kind', 'valid_from', 'code'])
    .where(inFilter)
    .orderBy('person_key')
    .orderBy('kind')
    .orderBy('valid_from')
    .execute();
  const byPerson = new Map<string, { residence: DatedPlace[]; hukou: DatedPlace[] }>();
  for (const place of places) {
    let entry = byPerson.get(place.person_key);
    if (!entry) byPerson.set(place.person_key, (entry = { residence: [], hukou: [] }));
    entry[place.kind as 'residence' | 'hukou'].push({ date: place.valid_from, code: place.code });
  }
  const persons = new Map<string, LoadedPerson>();
  for (const row of rows) {
    const entry = byPerson.get(row.person_key) ?? { residence: [], hukou: [] };
    // The baseline describes people as they were before the register began: their first place
    // holds from birth, so the first day of the register is not read as everyone arriving.
    if (row.in_baseline) {
      for (const list of [entry.residence, entry.hukou]) {
        const first = list[0];
        if (first) list[0] = { ...first, date: row.birth_date };
      }
    }
    persons.set(row.person_key, {
      key: row.person_key,
      sex: row.sex === 1 ? 'male' : 'female',
      birthDate: row.birth_date,
      deathDate: row.death_date,
      residence: entry.residence,
      hukou: entry.hukou,
      motherKey: row.mother_key,
      birthOrder: row.birth_order,
      motherBirthDate: row.mother_birth_date,
    });
  }
  return persons;
}

/** Retired codes and their successors. */
export async function loadSuccessors(db: Db): Promise<Map<string, { successor: string; validTo: string }>> {
  const rows = await db
    .selectFrom('jurisdictions')
    .select(['code', 'successor_code', 'valid_to'])
    .where('successor_code', 'is not', null)
    .execute();
  return new Map(
    rows
      .filter((r) => r.successor_code !== null && r.valid_to !== null)
      .map((r) => [r.code, { successor: r.successor_code as string, validTo: r.valid_to as string }]),
  );
}
