import { sql, type Db, type Transaction, type Database } from '@renkou/db';
import type { AuditRecord } from '@renkou/core';

export type Executor = Db | Transaction<Database>;

export interface AuditFilter {
  from?: string;
  to?: string;
  username?: string;
  action?: string;
  outcome?: string;
  page: number;
  pageSize: number;
}

export interface StoredAuditRecord extends AuditRecord {
  seq: number;
  sealed: boolean;
}

export async function insertAudit(executor: Executor, record: AuditRecord): Promise<void> {
  await executor
    .insertInto('audit_log')
    .values({
      id: record.id,
      at: record.at,
      user_id: record.userId,
      username: record.username,
      role: record.role,
      scope: record.scope,
      ip: record.ip,
      request_id: record.requestId,
      action: record.action,
      target_type: record.targetType,
      target_ids: record.targetIds,
      jurisdiction: record.jurisdiction,
      outcome: record.outcome,
      purpose: record.purpose,
      details: JSON.stringify(record.details),
    })
    .execute();
}

const auditColumns = [
  'a.seq',
  'a.id',
  'a.at',
  'a.user_id',
  'a.username',
  'a.role',
  'a.scope',
  'a.ip',
  'a.request_id',
  'a.action',
  'a.target_type',
  'a.target_ids',
  'a.jurisdiction',
  'a.outcome',
  'a.purpose',
  'a.details',
] as const;

type AuditRow = {
  seq: number;
  id: string;
  at: Date;
  user_id: string | null;
  username: string | null;
  role: string | null;
  scope: string | null;
  ip: string | null;
  request_id: string | null;
  action: string;
  target_type: string | null;
  target_ids: string[];
  jurisdiction: string | null;
  outcome: string;
  purpose: string | null;
  details: Record<string, unknown>;
};

export function toRecord(row: AuditRow): AuditRecord {
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    userId: row.user_id,
    username: row.username,
    role: row.role,
    scope: row.scope,
    ip: row.ip,
    requestId: row.request_id,
    action: row.action,
    targetType: row.target_type,
    targetIds: row.target_ids ?? [],
    jurisdiction: row.jurisdiction,
    outcome: row.outcome as AuditRecord['outcome'],
    purpose: row.purpose,
    details: row.details ?? {},
  };
}

export async function listAudit(
  db: Executor,
  filter: AuditFilter,
): Promise<{ items: StoredAuditRecord[]; total: number }> {
  let query = db.selectFrom('audit_log as a').leftJoin('audit_seals as s', 's.audit_id', 'a.id');
  if (filter.from) query = query.where('a.at', '>=', new Date(`${filter.from}T00:00:00+08:00`));
  if (filter.to)
    query = query.where(
      'a.at',
      '<',
      sql<Date>`${`${filter.to}T00:00:00+08:00`}::timestamptz + interval '1 day'`,
    );
  if (filter.username) query = query.where('a.username', '=', filter.username.toLowerCase());
  if (filter.action) query = query.where('a.action', 'like', `${filter.action}%`);
  if (filter.outcome) query = query.where('a.outcome', '=', filter.outcome);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select([...auditColumns, 's.position'])
    .orderBy('a.seq', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return {
    total: Number(total.n),
    items: rows.map((row) => ({ ...toRecord(row as AuditRow), seq: row.seq, sealed: row.position !== null })),
  };
}

/** Committed rows not yet in the chain, oldest first. */
export async function listUnsealed(db: Executor, limit: number): Promise<AuditRow[]> {
  return (await db
    .selectFrom('audit_log as a')
    .leftJoin('audit_seals as s', 's.audit_id', 'a.id')
    .where('s.audit_id', 'is', null)
    .select([...auditColumns])
    .orderBy('a.seq')
    .limit(limit)
    .execute()) as AuditRow[];
}

export async function lastSeal(db: Executor): Promise<{ position: number; hash: string } | undefined> {
  return db
    .selectFrom('audit_seals')
    .select(['position', 'hash'])
    .orderBy('position', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Seals in chain order with their rows (null where a sealed row is missing). */
export async function listSealsWithRows(db: Executor, afterPosition: number, limit: number) {
  return db
    .selectFrom('audit_seals as s')
    .leftJoin('audit_log as a', 'a.id', 's.audit_id')
    .select(['s.position', 's.audit_id', 's.previous_hash', 's.hash', ...auditColumns])
    .where('s.position', '>', afterPosition)
    .orderBy('s.position')
    .limit(limit)
    .execute() as Promise<
    (AuditRow & { position: number; audit_id: string; previous_hash: string; hash: string })[]
  >;
}

export async function countUnsealed(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('audit_log as a')
    .leftJoin('audit_seals as s', 's.audit_id', 'a.id')
    .where('s.audit_id', 'is', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
