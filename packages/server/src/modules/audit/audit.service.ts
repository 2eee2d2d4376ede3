// Audit: one row per read, export or write of personal data and per security event, written in the
// operation's own transaction; a sealer chains committed rows with HMAC-SM3 shortly after.
import {
  authorize,
  AuditOutcome,
  GENESIS_HASH,
  Permission,
  sealInput,
  uuidv7,
  type Actor,
  type AuditRecord,
  type Clock,
} from '@renkou/core';
import { CompiledQuery, type Db } from '@renkou/db';
import type { CryptoProvider } from '../../crypto/crypto-provider';
import {
  countUnsealed,
  insertAudit,
  lastSeal,
  listAudit,
  listSealsWithRows,
  listUnsealed,
  toRecord,
  type AuditFilter,
  type Executor,
} from './audit.repository';

export interface AuditEntry {
  action: string;
  outcome?: AuditOutcome;
  targetType?: string;
  targetIds?: string[];
  jurisdiction?: string;
  purpose?: string;
  details?: Record<string, unknown>;
}

/** Who did it, when no signed-in actor exists yet (a failed login) or it is the system itself. */
export interface AuditContext {
  actor?: Actor;
  username?: string;
  ip?: string;
  requestId?: string;
}

export interface VerifyReport {
  ok: boolean;
  checked: number;
  pending: number;
  problems: string[];
}

export class AuditService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly crypto: CryptoProvider,
  ) {}

  /** Adds one audit row inside the caller's transaction: if it fails, the operation fails. */
  async record(executor: Executor, context: AuditContext, entry: AuditEntry): Promise<void> {
    const actor = context.actor;
    const record: AuditRecord = {
      id: uuidv7(this.clock.now().getTime()),
      at: this.clock.now().toISOString(),
      userId: actor?.userId ?? null,
      username: actor?.username ?? context.username ?? null,
      role: actor?.role ?? null,
      scope: actor?.scope ?? null,
      ip: actor?.ip ?? context.ip ?? null,
      requestId: actor?.requestId ?? context.requestId ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetIds: entry.targetIds ?? [],
      jurisdiction: entry.jurisdiction ?? null,
      outcome: entry.outcome ?? AuditOutcome.Success,
      purpose: entry.purpose ?? null,
      details: entry.details ?? {},
    };
    await insertAudit(executor, record);
  }

  async list(actor: Actor, filter: AuditFilter) {
    authorize(actor, Permission.AuditRead);
    return this.db.transaction().execute(async (trx) => {
      const result = await listAudit(trx, filter);
      await this.record(
        trx,
        { actor },
        { action: 'audit.read', details: { filter: { ...filter }, returned: result.items.length } },
      );
      return result;
    });
  }

  /** Chains every committed, unsealed row. Safe to run from several processes: one waits for the other. */
  async sealPending(batchSize = 1000): Promise<number> {
    let sealed = 0;
    for (;;) {
      const count = await this.db.transaction().execute(async (trx) => {
        await trx.executeQuery(lockSealsQuery);
        const rows = await listUnsealed(trx, batchSize);
        if (rows.length === 0) return 0;
        const head = await lastSeal(trx);
        let position = head?.position ?? 0;
        let previous = head?.hash ?? GENESIS_HASH;
        const sealedAt = this.clock.now();
        const seals = rows.map((row) => {
          const hash = this.crypto.hmacSm3('audit-chain', sealInput(previous, toRecord(row)));
          position += 1;
          const seal = { position, audit_id: row.id, previous_hash: previous, hash, sealed_at: sealedAt };
          previous = hash;
          return seal;
        });
        await trx.insertInto('audit_seals').values(seals).execute();
        return rows.length;
      });
      sealed += count;
      if (count < batchSize) return sealed;
    }
  }

  /** For the auditor's console: seals what is pending, verifies, and records that it did. */
  async verifyAs(actor: Actor): Promise<VerifyReport> {
    authorize(actor, Permission.AuditRead);
    await this.sealPending();
    const report = await this.verify();
    await this.record(
      this.db,
      { actor },
      { action: 'audit.verify', details: { ok: report.ok, checked: report.checked } },
    );
    return report;
  }

  /** Walks the chain: detects an altered, removed or inserted sealed row. */
  async verify(): Promise<VerifyReport> {
    const problems: string[] = [];
    let previous = GENESIS_HASH;
    let expectedPosition = 1;
    let checked = 0;
    for (;;) {
      const seals = await listSealsWithRows(this.db, expectedPosition - 1, 5000);
      if (seals.length === 0) break;
      for (const seal of seals) {
        if (seal.position !== expectedPosition) {
          problems.push(`链位置 ${expectedPosition} 缺失（下一个为 ${seal.position}）：有封存记录被删除`);
          expectedPosition = seal.position;
        }
        if (seal.previous_hash !== previous) {
          problems.push(`链位置 ${seal.position}：前一哈希不符，链被插入或改动`);
        }
        if (seal.id === null) {
          problems.push(`链位置 ${seal.position}：审计记录 ${seal.audit_id} 已被删除`);
        } else {
          const expected = this.crypto.hmacSm3('audit-chain', sealInput(seal.previous_hash, toRecord(seal)));
          if (expected !== seal.hash)
            problems.push(`链位置 ${seal.position}：审计记录 ${seal.audit_id} 内容被篡改`);
        }
        previous = seal.hash;
        expectedPosition++;
        checked++;
      }
    }
    const pending = await countUnsealed(this.db);
    return { ok: problems.length === 0, checked, pending, problems };
  }
}

const lockSealsQuery = CompiledQuery.raw('LOCK TABLE audit_seals IN EXCLUSIVE MODE');
