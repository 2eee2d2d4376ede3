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
  /** Count matches up to this many (default SEARCH_COUNT_LIMIT). */
  countLimit?: number;
}

/**
 * Matches are counted up to this many: a common fragment of a Uyghur name (古丽) is in tens of
 * thousands of names, and counting them all cost more than finding the page.
 */
export const SEARCH_COUNT_LIMIT = 2000;

export interface PersonHit extends PersonRow {
  residence_name: string | null;
}

function inPrefix(column: 'p.residence_code' | 'p.hukou_code', prefix: string) {
  return sql<boolean>`${sql.ref(column)} like ${`${prefix}%`}`;
}

export async function searchPersons(
  db: Db,
  search: PersonSearch,
): Promise<{ items: PersonHit[]; total: number; totalCapped: boolean }> {
  const countLimit = search.countLimit ?? SEARCH_COUNT_LIMIT;
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
  if (search.name) {
    // Every character of the text must be in the name: the GIN index on the name's characters
    // (migration 0004) narrows the rows before LIKE checks their order.
    const characters = [...new Set(search.name)];
    query = query.where(sql<boolean>`string_to_array(p.name, NULL) @> ${characters}::text[]`);
  }
  if (search.name)
    query = query.where('p.name', 'like', `%${search.name.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  if (search.birthDate) query = query.where('p.birth_date', '=', search.birthDate);
  if (search.sex) query = query.where('p.sex', '=', search.sex);
  if (search.status) query = query.where('p.status', '=', search.status);
  const counted = Number(
    (
      await db
        .selectFrom(
          query
            .select(sql<number>`1`.as('one'))
            .limit(countLimit + 1)
            .as('matches'),
        )
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
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
  return {
    items,
    total: Math.min(counted, countLimit),
    totalCapped: counted > countLimit,
  };
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
