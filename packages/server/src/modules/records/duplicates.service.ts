// The register's duplicates (重复登记) of the user's scope: pairs a register run found likely to be one
// person, both sides with the weight of each comparison. A clerk merges a pair (a duplicate_of
// correction on the record that goes, written through the register like a form's, so both logs stay
// and nothing is deleted) or says they are two people. Reads and decisions are audited.
import {
  authorize,
  chinaDate,
  DomainError,
  ErrorCode,
  Permission,
  type Actor,
  type Clock,
  type DuplicateAction,
  type DuplicateEntry,
  type DuplicateSide,
  type EventRow,
} from '@renkou/core';
import type { Db } from '@renkou/db';
import type { CryptoProvider } from '../../crypto/crypto-provider';
import type { AuditService } from '../audit';
import {
  countOpenPairs,
  findPair,
  listOpenPairs,
  resolvePair,
  type PairRow,
  type PersonSide,
} from './duplicates.repository';
import { maskedIdPair } from './worklist-entries';

/** What merging needs of the register: a form's event, checked and written with the actor's scope. */
export interface EventRecorder {
  recordEvent(actor: Actor, input: EventRow): Promise<unknown>;
}

export interface DuplicateResolution {
  action: DuplicateAction;
  /** merge: the record that stays (one of the pair); the other becomes its duplicate. */
  keep?: string | undefined;
  reason: string;
}

export class DuplicatesService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly crypto: CryptoProvider,
    private readonly register: EventRecorder,
  ) {}

  async count(actor: Actor): Promise<number> {
    authorize(actor, Permission.PersonRead);
    return countOpenPairs(this.db, actor.scope);
  }

  async list(
    actor: Actor,
    page: { page: number; pageSize: number },
  ): Promise<{ items: DuplicateEntry[]; total: number }> {
    authorize(actor, Permission.PersonRead);
    const total = await countOpenPairs(this.db, actor.scope);
    const rows = await listOpenPairs(this.db, actor.scope, {
      limit: page.pageSize,
      offset: (page.page - 1) * page.pageSize,
    });
    const items = rows.map((row) => this.entry(row));
    await this.audit.record(
      this.db,
      { actor },
      {
        action: 'records.duplicates',
        targetType: 'person',
        targetIds: items.flatMap((i) => [i.a.personKey, i.b.personKey]),
        jurisdiction: actor.scope,
        details: { page: page.page, pairs: items.map((i) => i.id) },
      },
    );
    return { items, total };
  }

  async resolve(
    actor: Actor,
    id: string,
    request: DuplicateResolution,
  ): Promise<{ id: string; merged: string | null }> {
    authorize(actor, Permission.PersonWrite);
    const reason = request.reason.trim();
    if (reason.length < 2)
      throw new DomainError(ErrorCode.ValidationFailed, '请填写处理原因（至少 2 个字）', [
        { field: 'reason', reason: '必填' },
      ]);
    const row = await findPair(this.db, id);
    const sides = row ? [row.a, row.b] : [];
    if (!row || !sides.some((side) => inScope(actor, side)))
      throw new DomainError(ErrorCode.NotFound, `重复登记事项 ${id} 不存在`);
    if (row.resolution !== null || sides.some((side) => side.status === 'merged'))
      throw new DomainError(ErrorCode.Conflict, '此事项已处理或其中一人已被合并');
    let merged: string | null = null;
    if (request.action === 'merge') {
      const kept = sides.find((side) => side.person_key === request.keep);
      if (!kept)
        throw new DomainError(ErrorCode.ValidationFailed, '请选择保留哪一条记录', [
          { field: 'keep', reason: '须为这一对中的一人' },
        ]);
      merged = kept === row.a ? row.b.person_key : row.a.person_key;
      // The register checks the scope of the record that goes and refuses a merge it cannot apply;
      // the event's key makes a retry after a failure below write nothing twice.
      await this.register.recordEvent(actor, {
        event_id: `merge-${id}`,
        type: 'correction',
        date: chinaDate(this.clock.now()),
        person_id: merged,
        field: 'duplicate_of',
        value: kept.person_key,
        reason,
      });
    }
    await this.db.transaction().execute(async (trx) => {
      const decided = await resolvePair(trx, id, {
        resolution: request.action,
        keptKey: request.action === 'merge' ? (request.keep ?? null) : null,
        reason,
        by: actor.username,
        at: this.clock.now(),
      });
      if (!decided) throw new DomainError(ErrorCode.Conflict, '此事项已由他人处理');
      await this.audit.record(
        trx,
        { actor },
        {
          action: 'records.duplicate_resolve',
          targetType: 'person',
          targetIds: [row.a.person_key, row.b.person_key],
          jurisdiction: row.a.residence_code,
          purpose: reason,
          details: { pairId: id, action: request.action, kept: request.keep ?? null, merged },
        },
      );
    });
    return { id, merged };
  }

  private entry(row: PairRow): DuplicateEntry {
    const [idA, idB] = maskedIdPair(idNumberOf(this.crypto, row.a), idNumberOf(this.crypto, row.b));
    return {
      id: row.id,
      probability: row.probability,
      matchWeight: row.match_weight,
      comparisons: row.comparisons,
      a: side(row.a, idA),
      b: side(row.b, idB),
    };
  }
}

/** The person's ID number, opened ('' without one). */
export function idNumberOf(crypto: CryptoProvider, person: Pick<PersonSide, 'sensitive'>): string {
  if (!person.sensitive) return '';
  return (
    (JSON.parse(crypto.decrypt(person.sensitive)) as { idNumber?: string }).idNumber ?? ''
  ).toUpperCase();
}

function inScope(actor: Actor, person: PersonSide): boolean {
  return person.hukou_code.startsWith(actor.scope) || person.residence_code.startsWith(actor.scope);
}

export function side(person: PersonSide, idNumber: string): DuplicateSide {
  return {
    personKey: person.person_key,
    name: person.name,
    sex: String(person.sex),
    birthDate: String(person.birth_date),
    hukouCode: person.hukou_code,
    residenceCode: person.residence_code,
    status: person.status,
    deathDate: person.death_date === null ? null : String(person.death_date),
    idNumber,
  };
}
