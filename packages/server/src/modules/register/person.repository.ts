// SQL of the person pages: search within a scope, one person with their family, their places.
import { sql, type Db } from '@renkou/db';
import type { Executor } from '../audit';
import type { PersonRow } from './person-row';

export interface PersonSearch {
  /** Division-code prefix the caller may see ('' = all). */
  scope: string;
  /** Narrower division (a township or village), already checked to lie in the scope. */
  within?: string;
  idNumberIndex?: string;
  /** Lower-case letters: pinyin or initials prefix. */
  pinyin?: string;
  /** Characters of the name. */
  name?: string;
  birthDate?: string;
  sex?: number;
  status?: string;
  page: number;
  pageSize: number;
}

export interface PersonHit extends PersonRow {
  residence_name: string | null;
}

function inPrefix(column: 'p.residence_code' | 'p.hukou_code', prefix: string) {
  return sql<boolean>`${sql.ref(column)} like ${`${prefix}%`}`;
}

export async function searchPersons(
  db: Db,
  search: PersonSearch,
): Promise<{ items: PersonHit[]; total: number }> {
  let query = db.selectFrom('persons as p');
  for (const prefix of [search.scope, search.within ?? '']) {
    if (prefix !== '') {
      query = query.where((eb) =>
        eb.or([inPrefix('p.residence_code', prefix), inPrefix('p.hukou_code', prefix)]),
      );
    }
  }
  if (search.idNumberIndex) query = query.where('p.id_number_index', '=', search.idNumberIndex);
  if (search.pinyin) {
    const pattern = `${search.pinyin}%`;
    query = query.where((eb) =>
      eb.or([eb('p.name_pinyin', 'like', pattern), eb('p.name_initials', 'like', pattern)]),
    );
  }
  if (search.name)
    query = query.where('p.name', 'like', `%${search.name.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  if (search.birthDate) query = query.where('p.birth_date', '=', search.birthDate);
  if (search.sex) query = query.where('p.sex', '=', search.sex);
  if (search.status) query = query.where('p.status', '=', search.status);
  const total = Number(
    (await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  );
  let ordered = query
    .leftJoin('jurisdictions as r', 'r.code', 'p.residence_code')
    .selectAll('p')
    .select('r.name as residence_name');
  // Names that start with the text come before names that merely contain it.
  if (search.name)
    ordered = ordered.orderBy(sql`case when p.name like ${`${search.name}%`} then 0 else 1 end`);
  const items = await ordered
    .orderBy('p.name_pinyin')
    .orderBy('p.person_key')
    .limit(search.pageSize)
    .offset((search.page - 1) * search.pageSize)
    .execute();
  return { items, total };
}

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
