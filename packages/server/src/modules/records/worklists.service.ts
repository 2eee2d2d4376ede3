// The reconciliation worklists of the user's township: births the hospitals recorded and the register
// lacks (漏报), fields that disagree between a department and the register, deaths civil affairs knows
// of for people alive in the register (benefit recipients first), and review pairs. Every list read and
// every resolution is audited; a resolution names its reason and, where the register must change,
// returns what the register's form needs (a service to the family, not a case against it).
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
  type FieldConflict,
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

const FIELD_LABELS = { name: '姓名', birth_date: '出生日期', sex: '性别' } as const;
const SEX = { '1': '男', '2': '女' } as Record<string, string>;

function text(payload: unknown, key: string): string {
  const value = (payload as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : '';
}

const dots = (name: string) => name.replace(/[•・‧.]/g, '·');

export function fieldConflicts(
  row: Pick<ItemRow, 'payload' | 'person_name' | 'person_sex' | 'person_birth_date'>,
): FieldConflict[] {
  if (row.person_name === null) return [];
  const pairs: [FieldConflict['field'], string, string][] = [
    ['name', text(row.payload, 'name'), row.person_name],
    ['birth_date', text(row.payload, 'birth_date'), row.person_birth_date ?? ''],
    ['sex', text(row.payload, 'sex'), String(row.person_sex ?? '')],
  ];
  return pairs
    .filter(
      ([field, record, register]) =>
        record !== '' && (field === 'name' ? dots(record) !== dots(register) : record !== register),
    )
    .map(([field, record, register]) => ({
      field,
      label: FIELD_LABELS[field],
      record: field === 'sex' ? (SEX[record] ?? record) : record,
      register: field === 'sex' ? (SEX[register] ?? register) : register,
    }));
}

function entry(item: WorklistItem, row: ItemRow): WorklistEntry {
  return {
    id: row.id,
    item,
    source: row.source,
    recordId: row.record_id,
    probability: row.probability,
    matchWeight: row.match_weight,
    record: {
      name: text(row.payload, 'name'),
      sex: text(row.payload, 'sex'),
      birthDate: text(row.payload, 'birth_date'),
      date: row.record_date,
      place: row.jurisdiction_code,
      motherName: text(row.payload, 'mother_name'),
      hospital: text(row.payload, 'hospital'),
    },
    person:
      row.person_key && row.person_name !== null
        ? {
            personKey: row.person_key,
            name: row.person_name,
            sex: String(row.person_sex),
            birthDate: row.person_birth_date ?? '',
            hukouCode: row.person_hukou_code ?? '',
            residenceCode: row.person_residence_code ?? '',
            status: row.person_status ?? '',
          }
        : null,
    conflicts: item === 'unregistered_birth' ? [] : fieldConflicts(row),
    benefits: row.benefits ?? [],
  };
}

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
    const items = rows.map((row) => entry(item, row));
    await this.audit.record(
      this.db,
      { actor },
      {
        action: 'records.worklist',
        targetType: 'person',
        targetIds: items.flatMap((i) => (i.person ? [i.person.personKey] : [])),
        jurisdiction: actor.scope,
        details: { item, page: page.page, records: items.map((i) => i.recordId) },
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
      ...entry(itemOf(row), row as ItemRow),
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
    request: { item: WorklistItem; action: ResolveAction; reason: string },
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
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      if (!(await itemOnList(trx, request.item, actor.scope, id)))
        throw new DomainError(ErrorCode.Conflict, `记录 ${row.record_id} 已处理或已不在此清单中`);
      if (request.item === 'review') {
        const verdict = request.action === 'match' ? 'match' : 'non_match';
        if (!(await setReviewVerdict(trx, id, verdict, actor.username, reason, now)))
          throw new DomainError(ErrorCode.Conflict, `记录 ${row.record_id} 已由他人核对`);
      } else {
        await insertResolution(trx, {
          decisionId: id,
          item: request.item as ResolvedItem,
          action: request.action as 'register' | 'correct' | 'keep' | 'dismiss',
          reason,
          by: actor.username,
          at: now,
        });
      }
      await this.audit.record(
        trx,
        { actor },
        {
          action: 'records.resolve',
          targetType: 'link_decision',
          targetIds: [id, ...(row.person_key ? [row.person_key] : [])],
          jurisdiction: row.person_residence_code ?? row.jurisdiction_code ?? actor.scope,
          purpose: reason,
          details: {
            item: request.item,
            action: request.action,
            source: row.source,
            recordId: row.record_id,
          },
        },
      );
    });
    return { id, item: request.item, action: request.action, prefill: await this.prefill(request, row) };
  }

  /** The decision, if its person (or, without one, its record) lies in the actor's scope. */
  private async inScope(actor: Actor, id: string): Promise<DecisionRow> {
    const row = await findDecision(this.db, id);
    if (!row) throw new DomainError(ErrorCode.NotFound, `核对事项 ${id} 不存在`);
    const codes =
      row.person_hukou_code !== null
        ? [row.person_hukou_code, row.person_residence_code ?? '']
        : [row.jurisdiction_code ?? ''];
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
      const sealed = text(row.payload, 'sealed');
      const secret = sealed ? (JSON.parse(this.crypto.decrypt(sealed)) as Record<string, string>) : {};
      const motherId = secret.mother_id_number ?? '';
      const mother = motherId
        ? await personByIdIndex(this.db, this.crypto.hmacSm3('blind-index', motherId))
        : undefined;
      const place = row.jurisdiction_code ?? '';
      const values: Record<string, string> = {
        name: text(row.payload, 'name'),
        sex: text(row.payload, 'sex'),
        date: text(row.payload, 'birth_date'),
        birth_cert_no: text(row.payload, 'birth_cert_no'),
      };
      // Without the mother in the register, the hospital's address is the best guess of the hukou.
      if (!mother && place.length === 12) Object.assign(values, { hukou_code: place, residence_code: place });
      return { form: 'birth', query: mother ? { mother: mother.person_key } : {}, values: dropEmpty(values) };
    }
    if (request.item === 'death_alive' && request.action === 'register' && row.person_key)
      return {
        form: 'death',
        query: { person: row.person_key },
        values: dropEmpty({ date: text(row.payload, 'death_date') }),
      };
    if (request.item === 'conflict' && request.action === 'correct' && row.person_key) {
      const first = fieldConflicts(row as ItemRow)[0];
      if (!first) return null;
      return {
        form: 'correction',
        query: { person: row.person_key },
        values: { field: first.field, value: text(row.payload, first.field) },
      };
    }
    return null;
  }
}

/** The list a decision belongs on, as far as its class and source tell (the review page's header). */
function itemOf(row: DecisionRow): WorklistItem {
  if (row.class === 'review') return 'review';
  if (row.verdict === 'non_match') return 'unregistered_birth';
  if (row.source === 'civil_deaths' && row.person_status !== 'dead') return 'death_alive';
  return 'conflict';
}

function dropEmpty(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
}
