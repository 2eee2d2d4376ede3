// SQL of the person pages: one person with their family, their places (search: person-search.ts).
import type { Executor } from '../audit';
import type { PersonRow } from './person-row';

export { searchPersons, SEARCH_COUNT_LIMIT, type PersonHit, type PersonSearch } from './person-search';

export async function findPerson(db: Executor, key: string): Promise<PersonRow | undefined> {
  return db.selectFrom('persons').selectAll().where('person_key', '=', key).executeTakeFirst();
}

export async function findRelatives(db: Executor, person: PersonRow): Promise<PersonRow[]> {
  const keys = [person.mother_key, person.father_key, person.spouse_key].filter(
    (k): k is string => k !== null,
  );
  return db
    .selectFrom('persons')
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(keys.length > 0 ? [eb('person_key', 'in', keys)] : []),
        eb('mother_key', '=', person.person_key),
        eb('father_key', '=', person.person_key),
        ...(person.household_id ? [eb('household_id', '=', person.household_id)] : []),
      ]),
    )
    .where('person_key', '<>', person.person_key)
    .orderBy('birth_date')
    .execute();
}

export async function householdMembers(db: Executor, householdId: string): Promise<PersonRow[]> {
  return db
    .selectFrom('persons')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('birth_date')
    .execute();
}

export async function jurisdictionNames(
  db: Executor,
  codes: readonly string[],
): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('jurisdictions')
    .select(['code', 'name'])
    .where('code', 'in', [...new Set(codes)])
    .execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}
