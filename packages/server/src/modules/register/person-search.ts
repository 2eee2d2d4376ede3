// Person search within a scope, one page at a time (ADR 0015). Each kind of text is read as
// branches already in page order — names starting with the text, then names merely containing it;
// pinyin prefixes, then initials — so that each branch stops at LIMIT instead of sorting every match.
import { sql, type Db, type RawBuilder } from '@renkou/db';
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

/** The divisions tested on persons p (a division inside the scope implies the scope). */
function placePrefixes(search: PersonSearch): string[] {
  const within = search.within ?? '';
  const prefixes = within !== '' && within.startsWith(search.scope) ? [within] : [search.scope, within];
  return prefixes.filter((prefix) => prefix !== '');
}

/** Every condition on persons p: places, then the rest. */
function filtersOf(search: PersonSearch): RawBuilder<boolean>[] {
  return [
    ...placePrefixes(search).map((prefix) => {
      const pattern = `${likeEscape(prefix)}%`;
      return sql<boolean>`(p.residence_code like ${pattern} or p.hukou_code like ${pattern})`;
    }),
    ...otherFilters(search),
  ];
}

/** The conditions other than places. */
function otherFilters(search: PersonSearch): RawBuilder<boolean>[] {
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

/** Pairs with more rows than this are not counted further when choosing the rarest. */
const GRAM_COUNT_LIMIT = 5000;

/** The rarest pair of a text of three or more characters (each counted up to GRAM_COUNT_LIMIT). */
async function rarestPair(db: Db, characters: string[]): Promise<string> {
  const pairs = [...new Set(characters.slice(1).map((c, i) => `${characters[i] ?? ''}${c}`))];
  if (pairs.length === 1) return pairs[0] as string;
  const counted = await sql<{ gram: string; n: number }>`
    select g.gram, (select count(*) from (
      select 1 from person_name_grams n where n.gram = g.gram limit ${GRAM_COUNT_LIMIT}) as s)::int as n
    from unnest(${pairs}::text[]) as g(gram)`.execute(db);
  let best = pairs[0] as string;
  let fewest = Infinity;
  for (const row of counted.rows) {
    if (Number(row.n) < fewest) {
      fewest = Number(row.n);
      best = row.gram;
    }
  }
  return best;
}

/** One branch: a query of (name_pinyin, person_key) in page order, up to a limit. */
interface Branch {
  page: (limit: number) => RawBuilder<unknown>;
}

/**
 * A branch read from person_name_grams in page order, each row's person tested by key. The OFFSET 0
 * keeps the test a per-row lookup: as a join, the planner hashed all of persons for a common gram.
 */
function gramBranch(gram: string, conditions: RawBuilder<boolean>[]): Branch {
  const from = sql`from person_name_grams g where g.gram = ${gram} and exists (
    select 1 from persons p where p.person_key = g.person_key and ${all(conditions)} offset 0)`;
  return {
    page: (limit) => sql`select g.name_pinyin, g.person_key ${from}
      order by g.name_pinyin, g.person_key limit ${limit}`,
  };
}

/**
 * A branch of persons p sorted after an OFFSET 0 fence: for matches that are few, or have no
 * ordered index (without the fence the planner walks persons_pinyin hoping to meet them).
 */
function sortedBranch(conditions: RawBuilder<boolean>[]): Branch {
  const from = sql`from persons p where ${all(conditions)}`;
  return {
    page: (limit) => sql`select m.name_pinyin, m.person_key from (
        select p.name_pinyin, p.person_key ${from} offset 0) as m
      order by m.name_pinyin, m.person_key limit ${limit}`,
  };
}

/** The branches of a search, in the order their matches are listed; they never share a person. */
async function branchesOf(db: Db, search: PersonSearch): Promise<Branch[]> {
  const filters = filtersOf(search);
  if (search.name) {
    const characters = Array.from(search.name);
    const text = likeEscape(search.name);
    const starting = [...filters, sql<boolean>`p.name like ${`${text}%`}`];
    const inside = [
      ...filters,
      sql<boolean>`p.name like ${`%${text}%`}`,
      sql<boolean>`p.name not like ${`${text}%`}`,
    ];
    const first = gramBranch(`^${characters.slice(0, 2).join('')}`, starting);
    if (characters.length >= 2) return [first, gramBranch(await rarestPair(db, characters), inside)];
    // One character inside a name: no pair to read; the GIN index on characters (0004) finds them.
    const character = sql<boolean>`string_to_array(p.name, NULL) @> ${characters}::text[]`;
    return [first, sortedBranch([...inside, character])];
  }
  if (search.pinyin) {
    // Pinyin prefixes as a range of persons_pinyin (the page's order); then the initials that
    // match where the pinyin does not, few for a real prefix.
    const pattern = `${likeEscape(search.pinyin)}%`;
    const end = prefixEnd(search.pinyin);
    const byPinyin = [
      ...filters,
      sql<boolean>`p.name_pinyin >= ${search.pinyin}`,
      ...(end === undefined ? [] : [sql<boolean>`p.name_pinyin < ${end}`]),
      sql<boolean>`p.name_pinyin like ${pattern}`,
    ];
    const from = sql`from persons p where ${all(byPinyin)}`;
    const pinyinBranch: Branch = {
      page: (limit) => sql`select p.name_pinyin, p.person_key ${from}
        order by p.name_pinyin, p.person_key limit ${limit}`,
    };
    const byInitials = [
      ...filters,
      sql<boolean>`p.name_initials like ${pattern}`,
      sql<boolean>`p.name_pinyin not like ${pattern}`,
    ];
    return [pinyinBranch, sortedBranch(byInitials)];
  }
  const [only, ...more] = placePrefixes(search);
  if (only !== undefined && only.length === VILLAGE_CODE_LENGTH && more.length === 0)
    return [villageBranch(only, otherFilters(search))];
  return [sortedBranch(filters)];
}

/** Village codes are the tree's leaves: a prefix of this length is the village itself. */
const VILLAGE_CODE_LENGTH = 12;

/**
 * A village's persons in page order: its residents and those with only their hukou there, each
 * read in order from persons_residence / persons_hukou (code, name_pinyin, person_key), merged.
 */
function villageBranch(village: string, conditions: RawBuilder<boolean>[]): Branch {
  const others = all(conditions);
  return {
    page: (limit) => sql`select v.name_pinyin, v.person_key from (
        (select p.name_pinyin, p.person_key from persons p where p.residence_code = ${village} and ${others}
          order by p.name_pinyin, p.person_key limit ${limit})
        union all
        (select p.name_pinyin, p.person_key from persons p
          where p.hukou_code = ${village} and p.residence_code <> ${village} and ${others}
          order by p.name_pinyin, p.person_key limit ${limit})
      ) as v order by v.name_pinyin, v.person_key limit ${limit}`,
  };
}

/**
 * One page of persons: names starting with the text before names containing it, then by pinyin and
 * key; pinyin matches before initials matches. The total is counted up to `countLimit`.
 */
export async function searchPersons(
  db: Db,
  search: PersonSearch,
): Promise<{ items: PersonHit[]; total: number; totalCapped: boolean }> {
  const countLimit = search.countLimit ?? SEARCH_COUNT_LIMIT;
  const offset = (search.page - 1) * search.pageSize;
  const branches = await branchesOf(db, search);
  let counted = 0;
  for (const branch of branches) {
    if (counted > countLimit) break;
    const result = await sql<{ n: string | number }>`
      select count(*) as n from (${branch.page(countLimit + 1 - counted)}) as m`.execute(db);
    counted += Number(result.rows[0]?.n ?? 0);
  }
  const keys: string[] = [];
  for (const branch of branches) {
    if (keys.length >= offset + search.pageSize) break;
    const rows = await sql<{
      person_key: string;
    }>`${branch.page(offset + search.pageSize - keys.length)}`.execute(db);
    keys.push(...rows.rows.map((r) => r.person_key));
  }
  const shown = keys.slice(offset, offset + search.pageSize);
  const rows =
    shown.length === 0
      ? []
      : (
          await sql<PersonHit>`
            select p.*, r.name as residence_name
            from persons p left join jurisdictions r on r.code = p.residence_code
            where p.person_key = any(${shown}::text[])`.execute(db)
        ).rows;
  const byKey = new Map(rows.map((row) => [row.person_key, row]));
  return {
    items: shown.flatMap((key) => byKey.get(key) ?? []),
    total: Math.min(counted, countLimit),
    totalCapped: counted > countLimit,
  };
}
