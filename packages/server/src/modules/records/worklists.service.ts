// The reconciliation worklists of the user's township: births the hospitals recorded and the register
// lacks (漏报), fields that disagree between a department and the register, deaths civil affairs knows
// of for people alive in the register (benefit recipients first), and review pairs. Every list read and
// every resolution is audited; a resolution names its reason and, where the register must change,
// returns what the register's form needs (a service to the family, not a case against it). A baby
// both the hospital and the hukou office recorded is one item: the hospital's, with the hukou row on
// it, resolved together (ADR 0019).
import {
  ACTIONS_OF,
  assertRecordInScope,
  authorize,
  DomainError,
  ErrorCode,
  Permission,
  WORKLIST_ITEMS,
  type Actor,
  type Clock,
  type Prefill,
  type ResolveAction,
  type ResolveResult,
  type WorklistEntry,
  type WorklistItem,
} from '@renkou/core';
import type { Db } from '@renkou/db';
import type { CryptoProvider } from '../../crypto/crypto-provider';
import type { AuditService } from '../audit';
import {
  countItems,
  findDecision,
  insertResolution,
  itemOnList,
  listItems,
  personByIdIndex,
  resolutionsOf,
  setReviewVerdict,
  type DecisionRow,
  type ItemRow,
  type ResolvedItem,
} from './worklists.repository';
import { BIRTH_SOURCES, isSplit, refreshSameBirths, splitSameBirth } from './same-births';
import { entry, EVENT_LABELS, fieldConflicts, sameBirthOf, sealedOf, text } from './worklist-entries';

export class WorklistsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly crypto: CryptoProvider,
  ) {}

  /** How many open items each list holds in the actor's scope (the page's tabs, the home page). */
  async summary(actor: Actor): Promise<Record<WorklistItem, number>> {
    authorize(actor, Permission.PersonRead);
    const counts = {} as Record<WorklistItem, number>;
    for (const item of WORKLIST_ITEMS) counts[item] = await countItems(this.db, item, actor.scope);
    return counts;
  }

  async list(
    actor: Actor,
    item: WorklistItem,
    page: { page: number; pageSize: number },
  ): Promise<{ items: WorklistEntry[]; total: number }> {
    authorize(actor, Permission.PersonRead);
    const total = await countItems(this.db, item, actor.scope);
    const rows = await listItems(this.db, item, actor.scope, {
      limit: page.pageSize,
      offset: (page.page - 1) * page.pageSize,
    });
    const items = rows.map((row) => entry(item, row, this.crypto));
    await this.audit.record(
      this.db,
      { actor },
      {
        action: 'records.worklist',
        targetType: 'person',
        targetIds: items.flatMap((i) => (i.person ? [i.person.personKey] : [])),
        jurisdiction: actor.scope,
        details: {
          item,
          page: page.page,
          records: items.map((i) => i.recordId),
          ...(items.some((i) => i.sameBirth) && {
            sameBirthRecords: items.flatMap((i) => (i.sameBirth ? [i.sameBirth.recordId] : [])),
          }),
        },
      },
    );
    return { items, total };
  }

  /** One pair for the review page: both sides, and the weight of each comparison. */
  async pair(actor: Actor, id: string) {
    authorize(actor, Permission.PersonRead);
    const row = await this.inScope(actor, id);
    await this.audit.record(
      this.db,
      { actor },
      {
        action: 'records.pair_read',
        targetType: 'person',
        targetIds: row.person_key ? [row.person_key] : [],
        ...(row.person_residence_code ? { jurisdiction: row.person_residence_code } : {}),
        details: { decisionId: id, source: row.source, recordId: row.record_id },
      },
    );
    const resolutions = await resolutionsOf(this.db, id);
    return {
      ...entry(itemOf(row), row as ItemRow, this.crypto),
      class: row.class,
      verdict: row.verdict,
      comparisons: row.comparisons,
      resolution: row.resolution
        ? {
            action: row.resolution,
            reason: row.reason ?? '',
            by: row.resolved_by ?? '',
            at: row.resolved_at ? new Date(row.resolved_at).toISOString() : '',
          }
        : null,
      resolutions: resolutions.map((r) => ({
        item: r.item,
        action: r.action,
        reason: r.reason,
        by: r.resolved_by,
        at: new Date(r.resolved_at).toISOString(),
      })),
    };
  }

  async resolve(
    actor: Actor,
    id: string,
    request: { item: WorklistItem; action: ResolveAction; reason: string; sameBirthRecordId?: string },
  ): Promise<ResolveResult> {
    authorize(actor, Permission.PersonWrite);
    const reason = request.reason.trim();
    if (reason.length < 2)
      throw new DomainError(ErrorCode.ValidationFailed, '请填写处理原因（至少 2 个字）', [
        { field: 'reason', reason: '必填' },
      ]);
    if (!ACTIONS_OF[request.item].includes(request.action))
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `“${request.action}”不能用于此清单；可选：${ACTIONS_OF[request.item].join('、')}`,
        [{ field: 'action', reason: 'not allowed for this list' }],
      );
    const row = await this.inScope(actor, id);
    if (
      request.item === 'hukou_unmatched' &&
      request.action === 'register' &&
      text(row.payload, 'event') !== 'move_in'
    )
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `记录 ${row.record_id} 是${EVENT_LABELS[text(row.payload, 'event')] ?? '户籍变动'}记录，只有迁入可办理迁入登记`,
        [{ field: 'action', reason: 'register is for a move in only' }],
      );
    if (request.action === 'split') return this.split(actor, id, row, reason, request.sameBirthRecordId);
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      if (!(await itemOnList(trx, request.item, actor.scope, id)))
        throw new DomainError(ErrorCode.Conflict, `记录 ${row.record_id} 已处理或已不在此清单中`);
      if (request.item === 'review') {
        const verdict = request.action === 'match' ? 'match' : 'non_match';
        if (!(await setReviewVerdict(trx, id, verdict, actor.username, reason, now)))
          throw new DomainError(ErrorCode.Conflict, `记录 ${row.record_id} 已由他人核对`);
        // A record found not to be this person may be a missing birth, perhaps recorded twice.
        if (verdict === 'non_match' && BIRTH_SOURCES.includes(row.source))
          await refreshSameBirths(trx, this.crypto, now);
      } else {
        const resolution = {
          decisionId: id,
          item: request.item as ResolvedItem,
          action: request.action as 'register' | 'correct' | 'keep' | 'dismiss',
          reason,
          by: actor.username,
          at: now,
        };
        await insertResolution(trx, resolution);
        // The hukou row of the same baby is resolved with the hospital's item, for the same reason.
        if (request.item === 'unregistered_birth' && row.twin_decision_id)
          await insertResolution(trx, { ...resolution, decisionId: row.twin_decision_id }, true);
      }
      await this.audit.record(
        trx,
        { actor },
        {
          action: 'records.resolve',
          targetType: 'link_decision',
          targetIds: [
            id,
            ...(request.item === 'unregistered_birth' && row.twin_decision_id ? [row.twin_decision_id] : []),
            ...(row.person_key ? [row.person_key] : []),
          ],
          jurisdiction: row.person_residence_code ?? row.jurisdiction_code ?? actor.scope,
          purpose: reason,
          details: {
            item: request.item,
            action: request.action,
            source: row.source,
            recordId: row.record_id,
            ...(request.item === 'unregistered_birth' &&
              row.twin_record_id && { sameBirthRecord: row.twin_record_id }),
          },
        },
      );
    });
    return { id, item: request.item, action: request.action, prefill: await this.prefill(request, row) };
  }

  /**
   * 不是同一个孩子: the hukou row paired with a missing birth is another baby (ADR 0019). Not a
   * resolution: both stay open, the hukou row on its own item again. The client names the hukou row it
   * saw, so a retry after the pairing moved on splits nothing else.
   */
  private async split(
    actor: Actor,
    id: string,
    row: DecisionRow,
    reason: string,
    hukouRecordId: string | undefined,
  ): Promise<ResolveResult> {
    if (!hukouRecordId)
      throw new DomainError(ErrorCode.ValidationFailed, '请指明要拆开的户籍出生记录', [
        { field: 'sameBirthRecordId', reason: '必填' },
      ]);
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      if (await isSplit(trx, row.record_id, hukouRecordId)) return;
      if (
        !(await itemOnList(trx, 'unregistered_birth', actor.scope, id)) ||
        row.twin_record_id !== hukouRecordId
      )
        throw new DomainError(
          ErrorCode.Conflict,
          `记录 ${row.record_id} 现在没有与户籍记录 ${hukouRecordId} 配对，请刷新清单`,
        );
      await splitSameBirth(trx, {
        hospital_record_id: row.record_id,
        hukou_record_id: hukouRecordId,
        reason,
        split_by: actor.username,
        split_at: now,
      });
      await refreshSameBirths(trx, this.crypto, now);
      await this.audit.record(
        trx,
        { actor },
        {
          action: 'records.split_same_birth',
          targetType: 'link_decision',
          targetIds: [id, ...(row.twin_decision_id ? [row.twin_decision_id] : [])],
          jurisdiction: row.jurisdiction_code ?? actor.scope,
          purpose: reason,
          details: { hospitalRecord: row.record_id, hukouRecord: hukouRecordId },
        },
      );
    });
    return { id, item: 'unregistered_birth', action: 'split', prefill: null };
  }

  /** The decision, if its person (or, without one, its record) lies in the actor's scope. */
  private async inScope(actor: Actor, id: string): Promise<DecisionRow> {
    const row = await findDecision(this.db, id);
    if (!row) throw new DomainError(ErrorCode.NotFound, `核对事项 ${id} 不存在`);
    // A record the register lacks belongs where the record lies, as on its list: its closest
    // candidate (kept by the run, however unlikely) may live anywhere.
    const codes =
      row.person_hukou_code !== null && row.verdict !== 'non_match'
        ? [row.person_hukou_code, row.person_residence_code ?? '']
        : [row.jurisdiction_code ?? '', row.twin_place ?? ''];
    // A review pair with a person outside the scope is not this township's, even if the record is.
    assertRecordInScope(
      actor,
      codes.filter((c) => c !== '' || actor.scope === ''),
      '核对事项',
    );
    return row;
  }

  private async prefill(
    request: { item: WorklistItem; action: ResolveAction },
    row: DecisionRow,
  ): Promise<Prefill | null> {
    if (request.item === 'unregistered_birth' && request.action === 'register') {
      // A hukou row names no mother: the clerk finds her in the form; its village is the child's hukou.
      const motherId = sealedOf(this.crypto, row.payload).mother_id_number ?? '';
      const mother = motherId
        ? await personByIdIndex(this.db, this.crypto.hmacSm3('blind-index', motherId))
        : undefined;
      const place = row.jurisdiction_code ?? '';
      const twin = sameBirthOf(row);
      const values: Record<string, string> = {
        name: text(row.payload, 'name') || (twin?.name ?? ''),
        sex: text(row.payload, 'sex'),
        date: text(row.payload, 'birth_date'),
        birth_cert_no: text(row.payload, 'birth_cert_no'),
      };
      // Without the mother in the register, the record's place is the best guess of the hukou; the
      // hukou office's row of the same baby knows it.
      if (!mother && place.length === 12) Object.assign(values, { hukou_code: place, residence_code: place });
      if (twin?.place.length === 12) values.hukou_code = twin.place;
      return { form: 'birth', query: mother ? { mother: mother.person_key } : {}, values: dropEmpty(values) };
    }
    if (request.item === 'hukou_unmatched' && request.action === 'register') {
      // No register person matched, so the form opens for a newcomer from outside with the row's name,
      // sex and birth date (the ID number is typed from the 迁移证, never handed to the browser). If
      // they were in the register after all, the clerk switches to a register person and picks them.
      return {
        form: 'hukou',
        query: {},
        values: dropEmpty({
          date: text(row.payload, 'event_date'),
          to_code: row.jurisdiction_code ?? '',
          name: text(row.payload, 'name'),
          sex: text(row.payload, 'sex'),
          birth_date: text(row.payload, 'birth_date'),
        }),
      };
    }
    if (request.item === 'death_alive' && request.action === 'register' && row.person_key)
      return {
        form: 'death',
        query: { person: row.person_key },
        values: dropEmpty({ date: text(row.payload, 'death_date') }),
      };
    if (request.item === 'conflict' && request.action === 'correct' && row.person_key) {
      const first = fieldConflicts(row as ItemRow, this.crypto)[0];
      if (!first) return null;
      // An ID number is not handed to the browser (the clerk types it from the 户口簿 or ID card).
      return {
        form: 'correction',
        query: { person: row.person_key },
        values:
          first.field === 'id_number'
            ? { field: first.field }
            : { field: first.field, value: text(row.payload, first.field) },
      };
    }
    return null;
  }
}

/** The list a decision belongs on, as far as its class and source tell (the review page's header). */
function itemOf(row: DecisionRow): WorklistItem {
  if (row.class === 'review') return 'review';
  if (row.verdict === 'non_match')
    return row.source === 'hukou' && text(row.payload, 'event') !== 'birth'
      ? 'hukou_unmatched'
      : 'unregistered_birth';
  if (row.source === 'civil_deaths' && row.person_status !== 'dead') return 'death_alive';
  return 'conflict';
}

function dropEmpty(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
}
