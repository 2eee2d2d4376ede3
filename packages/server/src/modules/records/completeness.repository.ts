// SQL of completeness (统计求实率): a source's records in a scope by township (the first 9 digits of the
// record's place) and month of its date, counted by where their link stands.
import { sql } from '@renkou/db';
import type { Executor } from '../audit';

const township = sql<string>`substr(r.jurisdiction_code, 1, 9)`;
const month = sql<string>`to_char(r.record_date, 'YYYY-MM')`;

function recordsIn(db: Executor, source: string, within: string) {
  return db
    .selectFrom('department_records as r')
    .where('r.source', '=', source)
    .where('r.jurisdiction_code', 'like', `${within}%`)
    .where('r.record_date', 'is not', null);
}

export async function completenessCounts(db: Executor, source: string, within: string, year?: string) {
  let rows = recordsIn(db, source, within)
    .leftJoin('link_decisions as d', (join) =>
      join.onRef('d.source', '=', 'r.source').onRef('d.record_id', '=', 'r.record_id'),
    )
    .leftJoin('jurisdictions as j', (join) => join.on('j.code', '=', township));
  if (year)
    rows = rows.where('r.record_date', '>=', `${year}-01-01`).where('r.record_date', '<=', `${year}-12-31`);
  return rows
    .select([
      township.as('township'),
      sql<string>`coalesce(max(j.name), '')`.as('township_name'),
      month.as('month'),
      sql<number>`count(*)`.as('records'),
      sql<number>`count(*) filter (where d.verdict = 'match')`.as('found'),
      sql<number>`count(*) filter (where d.verdict = 'non_match')`.as('not_found'),
      sql<number>`count(*) filter (where d.id is not null and d.verdict is null)`.as('pending'),
      sql<number>`count(*) filter (where d.id is null)`.as('unlinked'),
    ])
    .groupBy([township, month])
    .orderBy(township)
    .orderBy(month)
    .execute();
}

/** Years with records in the scope, newest first. */
export async function recordYears(db: Executor, source: string, within: string): Promise<string[]> {
  const rows = await recordsIn(db, source, within)
    .select(sql<string>`to_char(r.record_date, 'YYYY')`.as('year'))
    .distinct()
    .orderBy('year', 'desc')
    .execute();
  return rows.map((r) => r.year);
}

export async function lastLinkedRun(db: Executor, source: string) {
  const row = await db
    .selectFrom('link_runs')
    .select('finished_at')
    .where('source', '=', source)
    .where('status', '=', 'done')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.finished_at ?? null;
}
