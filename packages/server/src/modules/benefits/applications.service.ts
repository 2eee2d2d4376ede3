// Applications and their review through the core's state machine: entry by the family or a worker →
// village review → 公示 (objections resolved before it may close) → township review → county approval
// → enrolled; returns with reasons at each level; suspension, resumption, termination. Separation of
// duties is the core's (the entrant never approves, one person approves at one level only); the
// levels are the actor's scope (a township approval needs a township or wider scope, the county's a
// county or wider one). Every transition is a trail row and an audit row in the same transaction.
import {
  applicationStatusLabels,
  assertRecordInScope,
  authorize,
  benefitDomainError,
  createApplication,
  decisionText,
  DomainError,
  ErrorCode,
  normalizeJurisdictionCode,
  Permission,
  scheduleOn,
  screenFamily,
  transition,
  uuidv7,
  type Actor,
  type BenefitApplication,
  type DeclaredFacts,
  type EligibilityDecision,
  type ProgrammeDefinition,
} from '@renkou/core';
import type { Executor } from '../audit';
import {
  authorizeEntry,
  conflict,
  isUniqueViolation,
  maskAccount,
  notFound,
  openSensitive,
  today,
  type BenefitsContext,
} from './benefits-context';
import {
  findApplicationRow,
  insertApplication,
  insertNotice,
  insertObjection,
  insertSteps,
  listApplications,
  loadApplication,
  noticesOn,
  stateOf,
  takeDownNotices,
  updateApplication,
  updateObjection,
  type ApplicationRow,
} from './application.repository';
import {
  actingAs,
  authorizeAction,
  categoryFor,
  commandOf,
  type ActingAs,
  type ApplicationAction,
  type ApplicationQuery,
  type NewApplicationInput,
} from './application-commands';
import { applicationView } from './application-view';
import { familiesOf, findPersonRecord, type PersonRecord } from './family.repository';
import type { ProgrammesService } from './programmes.service';

export class ApplicationsService {
  constructor(
    private readonly context: BenefitsContext,
    private readonly programmes: ProgrammesService,
  ) {}

  private async decide(
    db: Executor,
    programme: ProgrammeDefinition,
    person: PersonRecord,
    declared: DeclaredFacts,
    date: string,
  ): Promise<EligibilityDecision> {
    const families = await familiesOf(
      db,
      [person],
      openSensitive(this.context),
      new Map([[person.person_key, declared]]),
    );
    return screenFamily(programme, families.get(person.person_key)!, date);
  }

  async create(actor: Actor, input: NewApplicationInput) {
    authorizeEntry(actor);
    const { db, audit, clock, crypto } = this.context;
    const person = await findPersonRecord(db, input.personKey);
    if (!person) throw notFound('人员');
    assertRecordInScope(actor, [person.hukou_code], '人员');
    authorizeEntry(actor, person.hukou_code);
    const programme = await this.programmes.get(input.programmeCode);
    if (!person.hukou_code.startsWith(programme.regionPrefix)) {
      throw conflict(`${programme.shortName}不适用于户籍地 ${person.hukou_code}`, 'BENEFIT_OUTSIDE_REGION');
    }
    const date = today(clock);
    const declared = input.declared ?? {};
    const decision = await this.decide(db, programme, person, declared, date);
    if (decision.outcome === 'ineligible') {
      throw new DomainError(
        ErrorCode.Conflict,
        `不符合${programme.shortName}条件：${decisionText(decision)}`,
        [{ reason: 'BENEFIT_NOT_ELIGIBLE' }],
      );
    }
    const app = createApplication({
      id: uuidv7(clock.now().getTime()),
      programmeCode: programme.code,
      beneficiaryId: person.person_key,
      channel: input.channel,
      enteredBy: actor.userId,
      date,
    });
    try {
      await db.transaction().execute(async (trx) => {
        await insertApplication(trx, {
          id: app.id,
          programme_code: programme.code,
          person_key: person.person_key,
          hukou_code: person.hukou_code,
          channel: input.channel,
          entered_by: actor.userId,
          entered_on: date,
          status: app.status,
          state: stateOf(app),
          declared: JSON.stringify(declared),
          screening: JSON.stringify(decision),
          account_sealed: input.bankAccount ? crypto.encrypt(input.bankAccount) : null,
          account_masked: input.bankAccount ? maskAccount(input.bankAccount) : null,
          account_name: input.accountName ?? null,
          updated_at: clock.now(),
        });
        await insertSteps(trx, app.id, 1, app.trail, actor.username, clock.now());
        await audit.record(
          trx,
          { actor },
          {
            action: 'benefit.application.create',
            targetType: 'benefit_application',
            targetIds: [app.id, person.person_key],
            jurisdiction: person.hukou_code,
            details: { programmeCode: programme.code, channel: input.channel, outcome: decision.outcome },
          },
        );
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict(`该人员已有在办的${programme.shortName}申请或已纳入`, 'BENEFIT_APPLICATION_EXISTS');
      throw error;
    }
    return applicationView(db, (await findApplicationRow(db, app.id))!);
  }

  private async rowInScope(actor: Actor, id: string): Promise<ApplicationRow> {
    const row = await findApplicationRow(this.context.db, id);
    if (!row) throw notFound('申请');
    assertRecordInScope(actor, [row.hukou_code], '申请');
    return row;
  }

  async get(actor: Actor, id: string) {
    authorize(actor, Permission.BenefitRead);
    const row = await this.rowInScope(actor, id);
    const view = await applicationView(this.context.db, row);
    await this.context.audit.record(
      this.context.db,
      { actor },
      {
        action: 'benefit.application.read',
        targetType: 'benefit_application',
        targetIds: [row.id, row.person_key],
        jurisdiction: row.hukou_code,
      },
    );
    return view;
  }

  async list(actor: Actor, query: ApplicationQuery) {
    authorize(actor, Permission.BenefitRead);
    const within = query.jurisdiction ? normalizeJurisdictionCode(query.jurisdiction) : actor.scope;
    authorize(actor, Permission.BenefitRead, within);
    const result = await listApplications(this.context.db, {
      within,
      ...(query.status ? { status: query.status } : {}),
      ...(query.programmeCode ? { programmeCode: query.programmeCode } : {}),
      page: query.page,
      pageSize: query.pageSize,
    });
    const items = result.items.map((row) => ({
      id: row.id,
      programmeCode: row.programme_code,
      personKey: row.person_key,
      name: row.name,
      idNumberMasked: row.id_number_masked,
      hukouCode: row.hukou_code,
      status: row.status,
      statusLabel: applicationStatusLabels[row.status as BenefitApplication['status']],
      enteredOn: row.entered_on,
    }));
    await this.context.audit.record(
      this.context.db,
      { actor },
      {
        action: 'benefit.application.list',
        targetType: 'benefit_application',
        targetIds: items.map((item) => item.id),
        jurisdiction: within,
        details: { status: query.status ?? null, programmeCode: query.programmeCode ?? null },
      },
    );
    return { total: result.total, items };
  }

  /** One action on one case, checked by the core and written with its trail, side effects and audit. */
  async act(actor: Actor, id: string, action: ApplicationAction) {
    const row = await this.rowInScope(actor, id);
    authorizeAction(actor, action.action, row.hukou_code);
    await this.apply(actingAs(actor), row, action);
    return applicationView(this.context.db, (await findApplicationRow(this.context.db, id))!);
  }

  /** A bulk action over a township's list: each case changes or is refused on its own. */
  async actMany(actor: Actor, ids: readonly string[], action: ApplicationAction) {
    const results: { id: string; ok: boolean; status?: string; code?: string; message?: string }[] = [];
    for (const id of ids) {
      try {
        const view = await this.act(actor, id, action);
        results.push({ id, ok: true, status: view.status });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.push({ id, ok: false, code: error.details[0]?.reason ?? error.code, message: error.message });
      }
    }
    return {
      results,
      changed: results.filter((r) => r.ok).length,
      refused: results.filter((r) => !r.ok).length,
    };
  }

  /**
   * Applies an action as `who` (a user, or the system after a life event). Returns the new state;
   * throws the core's refusal as a DomainError (403 for separation of duties, 409 for the state).
   */
  async apply(who: ActingAs, row: ApplicationRow, action: ApplicationAction, executor?: Executor) {
    const { db, audit, clock } = this.context;
    const date = today(clock);
    await this.programmes.ensureSeeded();
    const run = async (trx: Executor) => {
      const { app } = await loadApplication(trx, row);
      const command = commandOf(action, date);
      const result = transition(app, command, { userId: who.userId, date });
      if (!result.ok) throw benefitDomainError(result.error);
      const next = result.value;
      const programme = await this.programmes.get(row.programme_code, trx);
      const details: Record<string, unknown> = { action: action.action, from: app.status, to: next.status };
      if (command.type === 'villageApprove' || command.type === 'countyApprove') {
        const person = await findPersonRecord(trx, row.person_key);
        if (!person) throw notFound('人员');
        const decision = await this.decide(trx, programme, person, row.declared as DeclaredFacts, date);
        const category = categoryFor(programme, decision);
        if (decision.outcome === 'ineligible' || category === null) {
          throw new DomainError(
            ErrorCode.Conflict,
            `${decision.outcome === 'ineligible' ? '现已不符合条件' : '缺少信息，无法确定类别'}：${decisionText(decision)}`,
            [
              {
                reason:
                  decision.outcome === 'ineligible' ? 'BENEFIT_NOT_ELIGIBLE' : 'BENEFIT_CATEGORY_UNKNOWN',
              },
            ],
          );
        }
        const schedule =
          scheduleOn(category, date, person.hukou_code) ??
          category.schedules.filter((s) => person.hukou_code.startsWith(s.region ?? '')).at(-1);
        if (command.type === 'villageApprove') {
          const notice = next.notice!;
          await insertNotice(trx, {
            id: uuidv7(clock.now().getTime()),
            applicationId: row.id,
            round: notice.round,
            villageCode: row.hukou_code,
            programmeCode: programme.code,
            personName: person.name,
            idNumberMasked: person.id_number_masked,
            amountFen: schedule?.amountFen ?? 0,
            amountBasis: schedule?.basis ?? 'once',
            firstDay: notice.firstDay,
            lastDay: notice.lastDay,
          });
        } else {
          const enrolment = next.enrolment!;
          await trx
            .insertInto('benefit_enrolments')
            .values({
              id: uuidv7(clock.now().getTime()),
              application_id: row.id,
              programme_code: programme.code,
              person_key: row.person_key,
              hukou_code: row.hukou_code,
              category_code: category.code,
              from_month: enrolment.fromMonth,
              suspended_from: null,
              ends_before: null,
              status: 'active',
              account_sealed: row.account_sealed,
              account_masked: row.account_masked,
              account_name: row.account_name,
              created_at: clock.now(),
              updated_at: clock.now(),
            })
            .execute();
          details.enrolFrom = enrolment.fromMonth;
          details.categoryCode = category.code;
        }
      }
      if (command.type === 'raiseObjection') {
        await insertObjection(trx, row.id, next.objections[next.objections.length - 1]!);
      }
      if (command.type === 'resolveObjection') {
        await updateObjection(
          trx,
          next.objections.find((o) => o.id === command.objectionId)!,
        );
      }
      if (app.status === 'public_notice' && next.status !== 'public_notice') {
        await takeDownNotices(trx, row.id, date);
      }
      if (command.type === 'suspend' || command.type === 'resume' || command.type === 'terminate') {
        const enrolment = next.enrolment!;
        await trx
          .updateTable('benefit_enrolments')
          .set({
            status:
              next.status === 'enrolled'
                ? 'active'
                : next.status === 'suspended'
                  ? 'suspended'
                  : 'terminated',
            suspended_from: enrolment.suspendedFrom,
            ends_before: enrolment.endsBefore,
            updated_at: clock.now(),
          })
          .where('application_id', '=', row.id)
          .execute();
        details.fromMonth = command.fromMonth;
      }
      if (!(await updateApplication(trx, row.id, row.version, next, clock.now()))) {
        throw conflict('该申请已被他人更新，请刷新后重试', 'BENEFIT_STALE');
      }
      await insertSteps(
        trx,
        row.id,
        app.trail.length + 1,
        next.trail.slice(app.trail.length),
        who.username,
        clock.now(),
      );
      await audit.record(trx, who.actor ? { actor: who.actor } : { username: who.username }, {
        action: `benefit.application.${action.action}`,
        targetType: 'benefit_application',
        targetIds: [row.id, row.person_key],
        jurisdiction: row.hukou_code,
        details,
      });
      return next;
    };
    return executor ? run(executor) : db.transaction().execute(run);
  }

  /** Seeds the programmes if needed: call before opening a transaction that will apply actions. */
  prepare(): Promise<void> {
    return this.programmes.ensureSeeded();
  }

  /** 公示 list of a village (or of the villages under a prefix): only the permitted fields. */
  async notices(actor: Actor, village: string, date?: string) {
    const code = normalizeJurisdictionCode(village);
    authorize(actor, Permission.BenefitRead, code);
    const on = date ?? today(this.context.clock);
    const rows = await noticesOn(this.context.db, code, on);
    await this.context.audit.record(
      this.context.db,
      { actor },
      {
        action: 'benefit.notice.list',
        targetType: 'benefit_notice',
        jurisdiction: code,
        details: { date: on, count: rows.length },
      },
    );
    return {
      date: on,
      items: rows.map((row) => ({
        name: row.person_name,
        villageCode: row.village_code,
        villageName: row.village_name,
        programme: row.programme_name,
        amountFen: row.amount_fen,
        amountBasis: row.amount_basis,
        idNumberMasked: row.id_number_masked,
        firstDay: row.first_day,
        lastDay: row.last_day,
      })),
    };
  }
}

export type ApplicationView = Awaited<ReturnType<ApplicationsService['get']>>;
