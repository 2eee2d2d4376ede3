// SQL of the person pages: search within a scope, one person with their family, their places.
import { sql, type Db, type RawBuilder } from '@renkou/db';
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

const likeEscape = (text: string) => text.replace(/[%_\\]/g, (c) => `\\${c}`);

/**
 * The scope and division as conditions on the places of `alias` (persons p or person_name_grams g).
 * A division inside the scope implies the scope (both are code prefixes): only it is tested.
 */
function placeFilters(search: PersonSearch, alias: 'p' | 'g'): RawBuilder<boolean>[] {
  const within = search.within ?? '';
  const prefixes = within !== '' && within.startsWith(search.scope) ? [within] : [search.scope, within];
  return prefixes
    .filter((prefix) => prefix !== '')
    .map((prefix) => {
      const pattern = `${likeEscape(prefix)}%`;
      return sql<boolean>`(${sql.ref(`${alias}.residence_code`)} like ${pattern} or ${sql.ref(`${alias}.hukou_code`)} like ${pattern})`;
    });
}

/** The other filters, on persons p. */
function personFilters(search: PersonSearch): RawBuilder<boolean>[] {
  const filters: RawBuilder<boolean>[] = [];
  if (search.idNumberIndex) filters.push(sql<boolean>`p.id_number_index = ${search.idNumberIndex}`);
  if (search.birthDate) filters.push(sql<boolean>`p.birth_date = ${search.birthDate}`);
  if (search.sex) filters.push(sql<boolean>`p.sex = ${search.sex}`);
  if (search.status) filters.push(sql<boolean>`p.status = ${search.status}`);
  return filters;
}

const all = (conditions: RawBuilder<boolean>[]) =>
  conditions.length === 0 ? sql<boolean>`true` : sql<boolean>`${sql.join(conditions, sql` and `)}`;

/** The first string after every string that starts with `prefix` (lower-case letters), if any. */
function prefixEnd(prefix: string): string | undefined {
  const head = prefix.replace(/z+$/, '');
  if (head === '') return undefined;
  return head.slice(0, -1) + String.fromCharCode(head.charCodeAt(head.length - 1) + 1);
}

/** Characters in pages of person_name_grams with fewer rows than this are not counted further. */
const GRAM_COUNT_LIMIT = 5000;

/**
 * The gram of the text read for its non-prefix matches: the text itself up to two characters, else
 * the rarest of its pairs (each counted up to GRAM_COUNT_LIMIT rows).
 */
async function rarestGram(db: Db, characters: string[]): Promise<string> {
  if (characters.length <= 2) return characters.join('');
  const pairs = [...new Set(characters.slice(1).map((c, i) => `${characters[i] ?? ''}${c}`))];
  const counted = await sql<{ gram: string; n: number }>`
    select g.gram, (select count(*) from (
      select 1 from person_name_grams n where n.gram = g.gram limit ${GRAM_COUNT_LIMIT}) as s)::int as n
    from unnest(${pairs}::text[]) as g(gram)`.execute(db);
  let best = pairs[0] ?? '';
  let fewest = Infinity;
  for (const row of counted.rows) {
    if (Number(row.n) < fewest) {
      fewest = Number(row.n);
      best = row.gram;
    }
  }
  return best;
}

/**
 * The matches of the text and filters, as branches each already in page order (rank, name_pinyin,
 * person_key) so each can stop at LIMIT, and the branches counted (they never share a person).
 */
async function textBranches(
  db: Db,
  search: PersonSearch,
): Promise<
  { branches: ((limit: number) => RawBuilder<unknown>)[]; count: RawBuilder<unknown>[] } | undefined
> {
  const others = personFilters(search);
  if (search.name) {
    // Names that start with the text (their first pair or character is marked '^'), then names
    // that merely contain it, each read from person_name_grams in page order; persons is joined
    // only for filters other than the places.
    const characters = Array.from(search.name);
    const text = likeEscape(search.name);
    const first = `^${characters.slice(0, 2).join('')}`;
    const gram = await rarestGram(db, characters);
    const join =
      others.length === 0 ? sql`` : sql`join persons p on p.person_key = g.person_key and ${all(others)}`;
    const where = all(placeFilters(search, 'g'));
    const prefixed = sql`g.gram = ${first} and g.name like ${`${text}%`} and ${where}`;
    const inside = sql`g.gram = ${gram} and g.name like ${`%${text}%`} and g.name not like ${`${text}%`}
      and ${where}`;
    return {
      branches: [
        (limit) => sql`(select 0 as rank, g.name_pinyin, g.person_key from person_name_grams g ${join}
          where ${prefixed} order by g.name_pinyin, g.person_key limit ${limit})`,
        (limit) => sql`(select 1 as rank, g.name_pinyin, g.person_key from person_name_grams g ${join}
          where ${inside} order by g.name_pinyin, g.person_key limit ${limit})`,
      ],
      count: [
        sql`select 1 from person_name_grams g ${join} where ${prefixed}`,
        sql`select 1 from person_name_grams g ${join} where ${inside}`,
      ],
    };
  }
  if (search.pinyin) {
    // Pinyin prefixes as a range of persons_pinyin (the page's order, so LIMIT stops early), then
    // the initials that match where the pinyin does not: few for a real prefix, sorted after the
    // OFFSET 0 fence (without it the planner walks persons_pinyin to the end hoping to find them).
    const pattern = `${likeEscape(search.pinyin)}%`;
    const end = prefixEnd(search.pinyin);
    const where = all([...placeFilters(search, 'p'), ...others]);
    const byPinyin = sql`p.name_pinyin >= ${search.pinyin} and ${
      end === undefined ? sql`true` : sql`p.name_pinyin < ${end}`
    } and p.name_pinyin like ${pattern} and ${where}`;
    const byInitials = sql`p.name_initials like ${pattern} and p.name_pinyin not like ${pattern} and ${where}`;
    return {
      branches: [
        (limit) => sql`(select 0 as rank, p.name_pinyin, p.person_key from persons p
          where ${byPinyin} order by p.name_pinyin, p.person_key limit ${limit})`,
        (limit) => sql`(select 0 as rank, i.name_pinyin, i.person_key from (
            select p.name_pinyin, p.person_key from persons p where ${byInitials} offset 0) as i
          order by i.name_pinyin, i.person_key limit ${limit})`,
      ],
      count: [
        sql`select 1 from persons p where ${byPinyin}`,
        sql`select 1 from persons p where ${byInitials}`,
      ],
    };
  }
  return undefined;
}

export async function searchPersons(
  db: Db,
  search: PersonSearch,
): Promise<{ items: PersonHit[]; total: number; totalCapped: boolean }> {
  const countLimit = search.countLimit ?? SEARCH_COUNT_LIMIT;
  const offset = (search.page - 1) * search.pageSize;
  const text = await textBranches(db, search);
  if (text) {
    const capped = sql.join(
      text.count.map((branch) => sql`(${branch} limit ${countLimit + 1})`),
      sql` union all `,
    );
    const counted = await sql<{ n: string | number }>`
      select count(*) as n from (select 1 from (${capped}) as b limit ${countLimit + 1}) as matches`.execute(
      db,
    );
    const n = Number(counted.rows[0]?.n ?? 0);
    const hits = sql.join(
      text.branches.map((branch) => branch(offset + search.pageSize)),
      sql` union all `,
    );
    const items = await sql<PersonHit>`
      select p.*, r.name as residence_name
      from (${hits}) as h
        join persons p on p.person_key = h.person_key
        left join jurisdictions r on r.code = p.residence_code
      order by h.rank, h.name_pinyin, h.person_key
      limit ${search.pageSize} offset ${offset}`.execute(db);
    return { items: items.rows, total: Math.min(n, countLimit), totalCapped: n > countLimit };
  }
  const filters = [...placeFilters(search, 'p'), ...personFilters(search)];
  if ((search.within ?? '').length >= 12) {
    // A village's listing: its few persons sorted, after the OFFSET 0 fence (without it the
    // planner walks persons_pinyin through the county until it has met enough of them).
    const counted = await sql<{ n: string | number }>`
      select count(*) as n from (select 1 from persons p where ${all(filters)} limit ${countLimit + 1}) as m`.execute(
      db,
    );
    const n = Number(counted.rows[0]?.n ?? 0);
    const items = await sql<PersonHit>`
      select p.*, r.name as residence_name
      from (select v.name_pinyin, v.person_key from (
          select p.name_pinyin, p.person_key from persons p where ${all(filters)} offset 0) as v
        order by v.name_pinyin, v.person_key limit ${offset + search.pageSize}) as h
        join persons p on p.person_key = h.person_key
        left join jurisdictions r on r.code = p.residence_code
      order by h.name_pinyin, h.person_key
      limit ${search.pageSize} offset ${offset}`.execute(db);
    return { items: items.rows, total: Math.min(n, countLimit), totalCapped: n > countLimit };
  }
  let query = db.selectFrom('persons as p');
  for (const filter of filters) query = query.where(filter);
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
  const items = await query
    .leftJoin('jurisdictions as r', 'r.code', 'p.residence_code')
    .selectAll('p')
    .select('r.name as residence_name')
    .orderBy('p.name_pinyin')
    .orderBy('p.person_key')
    .limit(search.pageSize)
    .offset(offset)
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
