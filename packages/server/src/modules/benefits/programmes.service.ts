// Programmes as data: the national ones seeded from core on first use (idempotent, safe when two
// processes start at once), local ones defined by a county under its own division prefix, and new
// amounts added as schedules from a date (never an edit), a county's top-up being one for its region.
import {
  authorize,
  benefitDomainError,
  DomainError,
  ErrorCode,
  nationalProgrammes,
  Permission,
  programmeProblems,
  withNewSchedule,
  type Actor,
  type AmountSchedule,
  type ProgrammeDefinition,
} from '@renkou/core';
import type { Executor } from '../audit';
import { conflict, isUniqueViolation, notFound, type BenefitsContext } from './benefits-context';
import { insertProgramme, insertSchedule, loadProgrammes } from './programme.repository';

export class ProgrammesService {
  private seeded: Promise<void> | undefined;

  constructor(private readonly context: BenefitsContext) {}

  /** Seeds the national programmes once per process; calling it again costs nothing. */
  ensureSeeded(): Promise<void> {
    this.seeded ??= this.seedNational().catch((error: unknown) => {
      this.seeded = undefined;
      throw error;
    });
    return this.seeded;
  }

  private async seedNational(): Promise<void> {
    const { db, audit, clock } = this.context;
    await db.transaction().execute(async (trx) => {
      const added: string[] = [];
      let schedules = 0;
      for (const programme of nationalProgrammes) {
        const result = await insertProgramme(trx, programme, 'national', clock.now(), null);
        if (result.programme) added.push(programme.code);
        schedules += result.schedules;
      }
      if (added.length > 0 || schedules > 0) {
        await audit.record(
          trx,
          { username: 'system' },
          {
            action: 'benefit.programme.seed',
            targetType: 'benefit_programme',
            targetIds: added,
            details: { schedules },
          },
        );
      }
    });
  }

  async all(): Promise<ProgrammeDefinition[]> {
    await this.ensureSeeded();
    return loadProgrammes(this.context.db);
  }

  /** Inside a transaction pass it as `db` (PGlite has one connection); seeding must have run before. */
  async get(code: string, db: Executor = this.context.db): Promise<ProgrammeDefinition> {
    await this.ensureSeeded();
    const [programme] = await loadProgrammes(db, code);
    if (!programme) throw notFound(`项目 ${code} `);
    return programme;
  }

  async list(actor: Actor): Promise<ProgrammeDefinition[]> {
    authorize(actor, Permission.BenefitRead);
    const programmes = await this.all();
    return programmes
      .filter((p) => relatedToScope(actor, p.regionPrefix))
      .map((p) => withVisibleSchedules(actor, p));
  }

  /** A local programme: its region lies inside the actor's scope; checked by the core's validation. */
  async define(actor: Actor, programme: ProgrammeDefinition): Promise<ProgrammeDefinition> {
    authorize(actor, Permission.BenefitReview, programme.regionPrefix);
    if (
      actor.scope.length > 6 ||
      programme.regionPrefix.length < actor.scope.length ||
      programme.regionPrefix === ''
    ) {
      throw new DomainError(ErrorCode.Forbidden, '地方项目由县级及以上在本辖区内设立');
    }
    const problems = programmeProblems(programme);
    if (problems.length > 0) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `项目定义有误：${problems.map((p) => `${p.path} ${p.message}`).join('；')}`,
        problems.map((p) => ({ field: p.path, reason: p.message })),
      );
    }
    await this.ensureSeeded();
    const { db, audit, clock } = this.context;
    await db.transaction().execute(async (trx) => {
      const result = await insertProgramme(trx, programme, 'local', clock.now(), actor.userId);
      if (!result.programme) throw conflict(`项目代码 ${programme.code} 已存在`, 'BENEFIT_PROGRAMME_EXISTS');
      await audit.record(
        trx,
        { actor },
        {
          action: 'benefit.programme.define',
          targetType: 'benefit_programme',
          targetIds: [programme.code],
          jurisdiction: programme.regionPrefix,
          details: { documentNumber: programme.documentNumber },
        },
      );
    });
    return this.get(programme.code);
  }

  /**
   * A new amount from a date. Without a region it is the programme's own amount: only whoever covers
   * the programme's whole region adds one. With a region (a county's top-up of a national amount) the
   * region must lie in the actor's scope and the actor work at county level or above, as for a local
   * programme; the programme's own schedules are not touched.
   */
  async addSchedule(
    actor: Actor,
    code: string,
    categoryCode: string,
    input: AmountSchedule,
  ): Promise<ProgrammeDefinition> {
    const programme = await this.get(code);
    // Naming the programme's own region is its own schedule, not a top-up.
    const { region: named, ...own } = input;
    const schedule: AmountSchedule = named === undefined || named === programme.regionPrefix ? own : input;
    const region = schedule.region ?? programme.regionPrefix;
    authorize(actor, Permission.BenefitReview, region);
    if (schedule.region !== undefined && actor.scope.length > 6) {
      throw new DomainError(ErrorCode.Forbidden, '地区金额标准由县级及以上设定', [
        { field: 'schedule.region', reason: 'BENEFIT_TOP_UP_LEVEL' },
      ]);
    }
    const checked = withNewSchedule(programme, categoryCode, schedule);
    if (!checked.ok) throw benefitDomainError(checked.error);
    const { db, audit, clock } = this.context;
    try {
      await db.transaction().execute(async (trx) => {
        await insertSchedule(trx, code, categoryCode, schedule, clock.now(), actor.userId);
        await audit.record(
          trx,
          { actor },
          {
            action: 'benefit.schedule.add',
            targetType: 'benefit_programme',
            targetIds: [code],
            jurisdiction: region,
            details: {
              categoryCode,
              effectiveFrom: schedule.effectiveFrom,
              amountFen: schedule.amountFen,
              region: schedule.region ?? null,
            },
          },
        );
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict(
          `${schedule.effectiveFrom} 已有标准；请以新的生效日期新增`,
          'BENEFIT_SCHEDULE_DATE_TAKEN',
        );
      throw error;
    }
    return withVisibleSchedules(actor, await this.get(code));
  }
}

// A county sees the national programmes and its own, with its own top-ups; not another county's.
const relatedToScope = (actor: Actor, region: string) =>
  region.startsWith(actor.scope) || actor.scope.startsWith(region);

function withVisibleSchedules(actor: Actor, programme: ProgrammeDefinition): ProgrammeDefinition {
  const categories = programme.categories.map((category) => ({
    ...category,
    schedules: category.schedules.filter((s) => relatedToScope(actor, s.region ?? '')),
  }));
  return { ...programme, categories };
}
