// The person pages' service: search, one person with family and timeline, the audited reveal of
// the full ID number, and events entered through the forms. Every read and write is audited; a
// person outside the caller's scope answers 404 like a missing one, a division outside it 403.
import {
  authorize,
  chinaDate,
  DomainError,
  ErrorCode,
  normalizeJurisdictionCode,
  parseCitizenId,
  Permission,
  readEventRow,
  requireStepUp,
  scopeCovers,
  uuidv7,
  type Actor,
  type Clock,
  type EventRow,
  mergedInto,
} from '@renkou/core';
import type { Db } from '@renkou/db';
import type { AuditService } from '../audit';
import type { RegisterCipher } from './register-cipher';
import type { RegisterService } from './register.service';
import { eventsInvolving, placesOf } from './register.repository';
import { RegisterWriter, type Outcome } from './register-writer';
import {
  findPerson,
  findRelatives,
  householdMembers,
  jurisdictionNames,
  searchPersons,
} from './person.repository';
import type { PersonRow } from './person-row';
import {
  kinshipOf,
  placeCodes,
  summaryOf,
  timelineOf,
  viewOf,
  type PersonSummary,
  type PersonView,
  type PlaceView,
  type RelativeView,
  type TimelineEntry,
} from './person-views';

export interface PersonQuery {
  q?: string;
  jurisdiction?: string;
  birthDate?: string;
  sex?: number;
  status?: string;
  page: number;
  pageSize: number;
}

export interface PersonDetail {
  person: PersonView;
  relatives: RelativeView[];
  timeline: TimelineEntry[];
  places: PlaceView[];
}

const visible = (actor: Actor, row: PersonRow) =>
  scopeCovers(actor.scope, row.residence_code) || scopeCovers(actor.scope, row.hukou_code);

export class PersonService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly cipher: RegisterCipher,
    private readonly register: RegisterService,
  ) {}

  async search(
    actor: Actor,
    query: PersonQuery,
  ): Promise<{ items: PersonSummary[]; total: number; totalCapped: boolean }> {
    authorize(actor, Permission.PersonRead);
    let within: string | undefined;
    if (query.jurisdiction) {
      within = normalizeJurisdictionCode(query.jurisdiction);
      authorize(actor, Permission.PersonRead, within);
    }
    const text = (query.q ?? '').trim();
    const asId = /^[0-9０-９]{6}/.test(text)
      ? parseCitizenId(text, { today: chinaDate(this.clock.now()) })
      : undefined;
    if (asId && !asId.ok && /^[0-9０-９xX]{15,18}$/.test(text)) {
      throw new DomainError(ErrorCode.ValidationFailed, `身份证号不正确：${asId.message}`, [
        { field: 'q', reason: asId.message },
      ]);
    }
    const result = await searchPersons(this.db, {
      scope: actor.scope,
      ...(within ? { within } : {}),
      ...(asId?.ok ? { idNumberIndex: this.cipher.idIndex(asId.value) } : {}),
      ...(!asId && /^[a-zA-Z]+$/.test(text) ? { pinyin: text.toLowerCase() } : {}),
      ...(!asId && text !== '' && !/^[a-zA-Z]+$/.test(text) ? { name: text } : {}),
      ...(query.birthDate ? { birthDate: query.birthDate } : {}),
      ...(query.sex ? { sex: query.sex } : {}),
      ...(query.status ? { status: query.status } : {}),
      page: query.page,
      pageSize: query.pageSize,
    });
    const names = new Map(result.items.map((r) => [r.residence_code, r.residence_name ?? r.residence_code]));
    const items = result.items.map((r) => summaryOf(r, names));
    // The filter is recorded without the ID number itself (only whether one was searched).
    await this.audit.record(
      this.db,
      { actor },
      {
        action: 'person.search',
        targetType: 'person',
        targetIds: items.map((i) => i.personKey),
        jurisdiction: within ?? actor.scope,
        details: {
          byIdNumber: Boolean(asId?.ok),
          text: asId ? '' : text,
          total: result.total,
          page: query.page,
        },
      },
    );
    return { items, total: result.total, totalCapped: result.totalCapped };
  }

  private async requireVisible(actor: Actor, key: string): Promise<PersonRow> {
    const row = await findPerson(this.db, key);
    if (!row || !visible(actor, row)) throw new DomainError(ErrorCode.NotFound, `人员 ${key} 不存在`);
    return row;
  }

  async get(actor: Actor, key: string): Promise<PersonDetail> {
    authorize(actor, Permission.PersonRead);
    const row = await this.requireVisible(actor, key);
    const relatives = (await findRelatives(this.db, row)).filter((r) => visible(actor, r));
    const log = await eventsInvolving(this.db, this.cipher, key);
    const places = await placesOf(this.db, key);
    const names = await jurisdictionNames(this.db, [
      row.residence_code,
      row.hukou_code,
      ...places.map((p) => p.code),
      ...placeCodes(log),
    ]);
    const detail: PersonDetail = {
      person: viewOf(row, names, this.cipher.openPerson(row.sensitive)),
      relatives: relatives.map((r) => ({
        personKey: r.person_key,
        name: r.name,
        sex: r.sex,
        birthDate: r.birth_date,
        kinship: kinshipOf(row, r),
        status: r.status,
      })),
      timeline: timelineOf(key, log, names),
      places: places.map((p) => ({ ...p, name: names.get(p.code) ?? null })),
    };
    await this.audit.record(
      this.db,
      { actor },
      {
        action: 'person.read',
        targetType: 'person',
        targetIds: [key, ...relatives.map((r) => r.person_key)],
        jurisdiction: row.residence_code,
      },
    );
    return detail;
  }

  async household(actor: Actor, householdId: string): Promise<PersonSummary[]> {
    authorize(actor, Permission.PersonRead);
    const members = (await householdMembers(this.db, householdId)).filter((m) => visible(actor, m));
    if (members.length === 0) throw new DomainError(ErrorCode.NotFound, `户 ${householdId} 不存在`);
    const names = await jurisdictionNames(
      this.db,
      members.map((m) => m.residence_code),
    );
    await this.audit.record(
      this.db,
      { actor },
      {
        action: 'household.read',
        targetType: 'person',
        targetIds: members.map((m) => m.person_key),
        details: { householdId },
      },
    );
    return members.map((m) => summaryOf(m, names));
  }

  /** The full ID number: the permission, a stated purpose, a password re-entered within minutes, an audit row. */
  async revealIdNumber(actor: Actor, key: string, purpose: string): Promise<{ idNumber: string | null }> {
    authorize(actor, Permission.PersonReveal);
    if (purpose.trim().length < 2) {
      throw new DomainError(ErrorCode.ValidationFailed, '请说明查看完整身份证号的目的', [
        { field: 'purpose', reason: '必填' },
      ]);
    }
    requireStepUp(actor, this.clock.now());
    const row = await this.requireVisible(actor, key);
    const { idNumber } = this.cipher.openPerson(row.sensitive);
    await this.audit.record(
      this.db,
      { actor },
      {
        action: 'person.reveal_id',
        targetType: 'person',
        targetIds: [key],
        jurisdiction: row.residence_code,
        purpose: purpose.trim(),
      },
    );
    return { idNumber };
  }

  /**
   * One event from a form, in the events.csv shape. The client's event_id makes a retry safe; a new
   * person (birth, arrival) gets a key when the form gives none. The event must concern someone in
   * the caller's scope: the subject, or for a birth the mother, or for an arrival its destination.
   */
  async recordEvent(
    actor: Actor,
    input: EventRow,
  ): Promise<{ outcome: Outcome; personKey: string; eventId: string }> {
    authorize(actor, Permission.PersonWrite);
    const dataset = await this.register.dataset();
    if (!dataset) throw new DomainError(ErrorCode.Conflict, '登记库尚未建立：请先导入基线数据');
    const eventId = input.event_id?.trim() || uuidv7(this.clock.now().getTime());
    // A newborn's or a newcomer's key follows from the event's, so a retried form names the same person.
    const row: EventRow = {
      ...input,
      event_id: eventId,
      person_id: input.person_id?.trim() || newPersonKey(input.type, eventId),
    };
    const parsed = readEventRow(row);
    if (!parsed.ok) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        parsed.errors.map((e) => e.message).join('；'),
        parsed.errors.map((e) => ({ field: e.field, reason: e.message })),
      );
    }
    const event = parsed.event;
    const anchorKey = event.type === 'birth' ? event.motherId : event.personId;
    const anchor = await findPerson(this.db, anchorKey);
    const arriving = (event.type === 'move' || event.type === 'hukou') && !anchor;
    if (arriving) authorize(actor, Permission.PersonWrite, normalizeJurisdictionCode(event.toCode));
    else if (!anchor || !visible(actor, anchor))
      throw new DomainError(ErrorCode.NotFound, `人员 ${anchorKey} 不存在`);
    const codes = await this.register.codeBook();
    const outcome = await this.db.transaction().execute(async (trx) => {
      const [result] = await new RegisterWriter(trx, {
        coverage: dataset.coverage,
        start: dataset.start,
        codes,
        cipher: this.cipher,
        source: 'web',
        createdBy: actor.username,
        today: chinaDate(this.clock.now()),
      }).writeEvents([{ event, hash: this.cipher.contentHash(event) }]);
      if (result?.status === 'accepted') {
        await this.audit.record(
          trx,
          { actor },
          {
            action: `register.${event.type}`,
            targetType: 'person',
            targetIds: [event.personId],
            ...(anchor ? { jurisdiction: anchor.residence_code } : {}),
            details: { eventId: event.eventId },
          },
        );
      }
      return result;
    });
    if (!outcome) throw new DomainError(ErrorCode.Internal, '登记失败');
    if (outcome.status === 'rejected') {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        outcome.errors.map((e) => e.message).join('；'),
        outcome.errors.map((e) => ({ field: e.field, reason: e.message })),
      );
    }
    const into = mergedInto(event);
    if (event.type === 'death')
      await this.register.notifyLifeEvents([{ type: 'death', personKey: event.personId, date: event.date }]);
    else if (into)
      await this.register.notifyLifeEvents([
        { type: 'merged', personKey: event.personId, date: event.date, into },
      ]);
    return { outcome, personKey: event.personId, eventId: event.eventId };
  }
}

/** The key of the person a form creates: a newborn, or someone arriving from outside (move, hukou). */
function newPersonKey(type: string | undefined, eventId: string): string {
  if (type === 'birth') return `b-${eventId}`;
  if (type === 'move' || type === 'hukou') return `a-${eventId}`;
  return '';
}
