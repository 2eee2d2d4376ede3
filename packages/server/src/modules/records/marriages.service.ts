// Marriages and divorces civil affairs registered that the register lacks (婚姻登记未入库), for the
// user's scope (either party living or registered there). The clerk records the event through the
// register's own marriage or divorce form (the entry carries what to prefill), after which the item
// leaves the list by itself, or dismisses it with a reason. Reads and dismissals are audited.
import {
  authorize,
  DomainError,
  ErrorCode,
  maskIdNumber,
  Permission,
  type Actor,
  type Clock,
  type MarriageEntry,
  type MarriageParty,
} from '@renkou/core';
import type { Db } from '@renkou/db';
import type { CryptoProvider } from '../../crypto/crypto-provider';
import type { AuditService } from '../audit';
import {
  countOpenMarriages,
  dismissedBy,
  dismissMarriage,
  listOpenMarriages,
  spouseNames,
  type MarriageRow,
} from './marriages.repository';
import type { PersonSide } from './duplicates.repository';
import { idNumberOf, side as sideOf } from './duplicates.service';

export class MarriagesService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly crypto: CryptoProvider,
  ) {}

  async count(actor: Actor): Promise<number> {
    authorize(actor, Permission.PersonRead);
    return countOpenMarriages(this.db, actor.scope);
  }

  async list(
    actor: Actor,
    page: { page: number; pageSize: number },
  ): Promise<{ items: MarriageEntry[]; total: number }> {
    authorize(actor, Permission.PersonRead);
    const total = await countOpenMarriages(this.db, actor.scope);
    const rows = await listOpenMarriages(this.db, actor.scope, {
      limit: page.pageSize,
      offset: (page.page - 1) * page.pageSize,
    });
    const spouses = await spouseNames(
      this.db,
      rows.flatMap((r) => [r.spouse_a, r.spouse_b]).filter((k): k is string => k !== null),
    );
    const items = rows.map((row) => this.entry(row, spouses));
    await this.audit.record(
      this.db,
      { actor },
      {
        action: 'records.marriages',
        targetType: 'person',
        targetIds: items.flatMap((i) => i.parties.map((p) => p.person.personKey)),
        jurisdiction: actor.scope,
        details: { page: page.page, records: items.map((i) => i.recordId) },
      },
    );
    return { items, total };
  }

  /** 已核实，不需登记: the item leaves the list for good. Idempotent for the same record. */
  async dismiss(actor: Actor, recordId: string, reasonText: string): Promise<{ recordId: string }> {
    authorize(actor, Permission.PersonWrite);
    const reason = reasonText.trim();
    if (reason.length < 2)
      throw new DomainError(ErrorCode.ValidationFailed, '请填写处理原因（至少 2 个字）', [
        { field: 'reason', reason: '必填' },
      ]);
    if (await dismissedBy(this.db, recordId, actor.username)) return { recordId }; // a retry
    const [row] = await listOpenMarriages(this.db, actor.scope, { limit: 1, offset: 0 }, recordId);
    if (!row) throw new DomainError(ErrorCode.NotFound, `婚姻登记事项 ${recordId} 不在您的待办中`);
    await this.db.transaction().execute(async (trx) => {
      await dismissMarriage(trx, { recordId, reason, by: actor.username, at: this.clock.now() });
      await this.audit.record(
        trx,
        { actor },
        {
          action: 'records.marriage_dismiss',
          targetType: 'person',
          targetIds: [row.a.person_key, row.b.person_key],
          jurisdiction: row.a.residence_code,
          purpose: reason,
          details: { recordId, event: row.event },
        },
      );
    });
    return { recordId };
  }

  private entry(row: MarriageRow, spouses: Map<string, string>): MarriageEntry {
    const party = (
      side: '1' | '2',
      recordName: string,
      person: PersonSide,
      marital: string | null,
      spouse: string | null,
    ): MarriageParty => ({
      side,
      recordName,
      person: {
        ...sideOf(person, maskIdNumber(idNumberOf(this.crypto, person))),
        maritalStatus: marital,
        spouse: spouse ? { personKey: spouse, name: spouses.get(spouse) ?? '' } : null,
      },
    });
    return {
      recordId: row.record_id,
      event: row.event,
      date: row.date,
      parties: [
        party('1', row.name_a, row.a, row.marital_a, row.spouse_a),
        party('2', row.name_b, row.b, row.marital_b, row.spouse_b),
      ],
      prefill: {
        form: row.event,
        query: { person: row.a.person_key },
        values: { person_id: row.a.person_key, spouse_id: row.b.person_key, date: row.date },
      },
    };
  }
}
