import { sql, type Db } from '@renkou/db';
import type { Executor } from '../audit';
import type { DivisionRow } from './division-source';

export interface JurisdictionRow {
  code: string;
  name: string;
  level: number;
  parent_code: string | null;
  valid_from: string;
  valid_to: string | null;
  successor_code: string | null;
  has_children: boolean;
}

const hasChildren = sql<boolean>`exists (select 1 from jurisdictions c where c.parent_code = j.code)`.as(
  'has_children',
);
const columns = [
  'j.code',
  'j.name',
  'j.level',
  'j.parent_code',
  'j.valid_from',
  'j.valid_to',
  'j.successor_code',
] as const;

export async function findJurisdiction(db: Executor, code: string): Promise<JurisdictionRow | undefined> {
  return db
    .selectFrom('jurisdictions as j')
    .select([...columns, hasChildren])
    .where('j.code', '=', code)
    .executeTakeFirst();
}

export async function listChildren(db: Executor, parentCode: string | null): Promise<JurisdictionRow[]> {
  return db
    .selectFrom('jurisdictions as j')
    .select([...columns, hasChildren])
    .where((eb) =>
      parentCode === null ? eb('j.parent_code', 'is', null) : eb('j.parent_code', '=', parentCode),
    )
    .orderBy('j.code')
    .execute();
}

/** Name (substring, trigram-indexed) or code-prefix search inside a scope prefix. */
export async function searchJurisdictions(
  db: Executor,
  query: string,
  scope: string,
  limit: number,
): Promise<JurisdictionRow[]> {
  const isCode = /^\d+$/.test(query);
  let q = db.selectFrom('jurisdictions as j').select([...columns, hasChildren]);
  if (scope) q = q.where('j.code', 'like', `${scope}%`);
  q = isCode
    ? q.where('j.code', 'like', `${query}%`)
    : q.where('j.name', 'like', `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return q.orderBy('j.level').orderBy('j.code').limit(limit).execute();
}

export async function pathOf(db: Executor, code: string): Promise<{ code: string; name: string }[]> {
  const prefixes = [2, 4, 6, 9, 12].filter((n) => n <= code.length).map((n) => code.slice(0, n));
  const rows = await db
    .selectFrom('jurisdictions')
    .select(['code', 'name'])
    .where('code', 'in', prefixes)
    .execute();
  return rows.sort((a, b) => a.code.length - b.code.length);
}

export async function upsertDivisions(db: Db, rows: DivisionRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('jurisdictions')
    .values(rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parent_code: r.parentCode })))
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        parent_code: eb.ref('excluded.parent_code'),
      })),
    )
    .execute();
}

export async function countJurisdictions(db: Executor, prefix: string): Promise<number> {
  const row = await db
    .selectFrom('jurisdictions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('code', 'like', `${prefix}%`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
