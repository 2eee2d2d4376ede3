// The search rows of a name (person_name_grams, ADR 0015): each distinct pair of adjacent
// characters, and the first character and first pair marked with '^'. Migration 0010's SQL function
// person_name_grams(name) makes the same set; `renkou register verify` checks one against the other.
import { sql } from '@renkou/db';
import type { Executor } from '../audit';

export function nameGrams(name: string): string[] {
  const characters = Array.from(name);
  const grams = new Set<string>();
  for (let i = 0; i + 1 < characters.length; i++) grams.add(`${characters[i]}${characters[i + 1]}`);
  if (characters.length >= 1) grams.add(`^${characters[0]}`);
  if (characters.length >= 2) grams.add(`^${characters[0]}${characters[1]}`);
  return [...grams].sort();
}

/** A person's name as the search rows hold it. */
export interface IndexedName {
  personKey: string;
  name: string;
  pinyin: string;
}

/** Columns of gram rows, as arrays for one unnest() statement whatever their number. */
function columnsOf(names: readonly IndexedName[]): [string[], string[], string[]] {
  const grams: string[] = [];
  const pinyins: string[] = [];
  const keys: string[] = [];
  for (const n of names) {
    for (const gram of nameGrams(n.name)) {
      grams.push(gram);
      pinyins.push(n.pinyin);
      keys.push(n.personKey);
    }
  }
  return [grams, pinyins, keys];
}

/**
 * Moves the search rows of renamed, new and removed persons: the rows of their stored names go,
 * the rows of their new names come. Two statements for a whole batch.
 */
export async function replaceNameGrams(
  db: Executor,
  removed: readonly IndexedName[],
  added: readonly IndexedName[],
): Promise<void> {
  if (removed.length > 0) {
    const [grams, pinyins, keys] = columnsOf(removed);
    await sql`
      delete from person_name_grams g
      using unnest(${grams}::text[], ${pinyins}::text[], ${keys}::text[]) as d(gram, name_pinyin, person_key)
      where g.gram = d.gram and g.name_pinyin = d.name_pinyin and g.person_key = d.person_key`.execute(db);
  }
  if (added.length > 0) {
    const [grams, pinyins, keys] = columnsOf(added);
    await sql`
      insert into person_name_grams (gram, name_pinyin, person_key)
      select * from unnest(${grams}::text[], ${pinyins}::text[], ${keys}::text[])
      on conflict do nothing`.execute(db);
  }
}

/**
 * Persons whose search rows differ from the SQL function's grams of their name (rows missing or
 * extra), and search rows of keys not in persons. persons itself is proven against the log first.
 */
export async function nameGramProblems(db: Executor, limit: number): Promise<string[]> {
  const expected = sql`select g as gram, p.name_pinyin, p.person_key from persons p, person_name_grams(p.name) as g`;
  const stored = sql`select gram, name_pinyin, person_key from person_name_grams`;
  const differing = await sql<{ person_key: string; missing: boolean }>`
    select person_key, bool_or(missing) as missing from (
      (select person_key, true as missing from (${expected} except ${stored}) as m)
      union all
      (select person_key, false from (${stored} except ${expected}) as x)
    ) as d group by person_key order by person_key limit ${limit}`.execute(db);
  return differing.rows.map((r) =>
    r.missing
      ? `${r.person_key}: 姓名检索行与姓名不同`
      : `${r.person_key}: 姓名检索行与姓名不同或不属于投影中的人`,
  );
}
