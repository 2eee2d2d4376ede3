// SQL of the civil-affairs marriages and divorces the register lacks (婚姻登记未入库). A record is on the
// list when both its parties' link decisions are matches to two persons (neither merged), neither log
// holds a marriage (or divorce) between them, and no clerk has dismissed it. A marriage the register
// shows as the couple's current one (spouse_key) counts as recorded: a couple married before the
// register's baseline has no event. The logs are read through the `involved` GIN index.
import { MARRIAGE_SOURCE } from '@renkou/core';
import { sql } from '@renkou/db';
import type { Executor } from '../audit';
import { inScope, side, type PersonSide } from './duplicates.repository';

/** A record on the list: both parties' persons as duplicate pairs' sides, and their marriages now. */
export interface MarriageRow {
  record_id: string;
  event: 'marriage' | 'divorce';
  date: string;
  name_a: string;
  name_b: string;
  a: PersonSide;
  b: PersonSide;
  marital_a: string | null;
  spouse_a: string | null;
  marital_b: string | null;
  spouse_b: string | null;
}

const recordId = sql<string>`(r.payload->>'marriage_record_id')`;
const eventKind = sql<string>`(r.payload->>'event')`;

/** The register holds the event between the two (not voided), or names them as each other's spouse now. */
const inRegister = sql<boolean>`(exists (
    select 1 from register_events e
    where e.kind = ${eventKind} and e.involved @> array[a.person_key, b.person_key]::text[]
      and not exists (select 1 from register_events v
        where v.kind = 'void' and v.involved @> array[a.person_key]::text[] and v.target_key = e.event_key))
  or (${eventKind} = 'marriage' and coalesce(a.spouse_key = b.person_key, false)))`;

/** The open items of a scope: party 1's stored record joined to both decisions and persons. */
function openItems(db: Executor, scope: string) {
  return db
    .selectFrom('department_records as r')
    .innerJoin('link_decisions as d1', (join) =>
      join.on('d1.source', '=', MARRIAGE_SOURCE).onRef('d1.record_id', '=', 'r.record_id'),
    )
    .innerJoin('link_decisions as d2', (join) =>
      join.on('d2.source', '=', MARRIAGE_SOURCE).on(sql<boolean>`d2.record_id = ${recordId} || '#2'`),
    )
    .innerJoin('persons as a', 'a.person_key', 'd1.person_key')
    .innerJoin('persons as b', 'b.person_key', 'd2.person_key')
    .where('r.source', '=', MARRIAGE_SOURCE)
    .where(sql<boolean>`r.payload->>'side' = '1'`)
    .where('d1.verdict', '=', 'match')
    .where('d2.verdict', '=', 'match')
    .where(sql<boolean>`a.person_key <> b.person_key and a.status <> 'merged' and b.status <> 'merged'`)
    .where(sql<boolean>`(${inScope('a', scope)} or ${inScope('b', scope)})`)
    .where(sql<boolean>`not exists (select 1 from marriage_dismissals x where x.record_id = ${recordId})`)
    .where(sql<boolean>`not ${inRegister}`);
}

export async function countOpenMarriages(db: Executor, scope: string): Promise<number> {
  const row = await openItems(db, scope)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listOpenMarriages(
  db: Executor,
  scope: string,
  page: { limit: number; offset: number },
  only?: string,
): Promise<MarriageRow[]> {
  let query = openItems(db, scope);
  if (only !== undefined) query = query.where(sql<boolean>`${recordId} = ${only}`);
  return query
    .select([
      recordId.as('record_id'),
      eventKind.as('event'),
      sql<string>`to_char(r.record_date, 'YYYY-MM-DD')`.as('date'),
      sql<string>`coalesce(r.payload->>'name', '')`.as('name_a'),
      sql<string>`coalesce(r.payload->>'spouse_name', '')`.as('name_b'),
      side('a').as('a'),
      side('b').as('b'),
      'a.marital_status as marital_a',
      'a.spouse_key as spouse_a',
      'b.marital_status as marital_b',
      'b.spouse_key as spouse_b',
    ])
    .orderBy('r.record_date', 'desc')
    .orderBy('r.record_id')
    .limit(page.limit)
    .offset(page.offset)
    .execute() as Promise<MarriageRow[]>;
}

export async function spouseNames(db: Executor, keys: readonly string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom('persons')
    .select(['person_key', 'name'])
    .where('person_key', 'in', keys)
    .execute();
  return new Map(rows.map((r) => [r.person_key, r.name]));
}

/** Stores the dismissal; false when it was dismissed already (a retry changes nothing). */
export async function dismissMarriage(
  db: Executor,
  record: { recordId: string; reason: string; by: string; at: Date },
): Promise<boolean> {
  const result = await db
    .insertInto('marriage_dismissals')
    .values({
      record_id: record.recordId,
      reason: record.reason,
      dismissed_by: record.by,
      dismissed_at: record.at,
    })
    .onConflict((oc) => oc.column('record_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function dismissedBy(db: Executor, recordId: string, username: string): Promise<boolean> {
  const row = await db
    .selectFrom('marriage_dismissals')
    .select('record_id')
    .where('record_id', '=', recordId)
    .where('dismissed_by', '=', username)
    .executeTakeFirst();
  return row !== undefined;
}
