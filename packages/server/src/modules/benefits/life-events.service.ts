// Life events that stop payments. A death suspends every live enrolment of the person from the month
// after the month of death (through the core's state machine, as the system) and records what was
// paid for later months as an overpayment to recover. Idempotent: a second call changes nothing.
//
// The register calls this after it accepts a death event (see index.ts for where); until then a
// county officer can run it for one person, and the overpayment worklist shows the results.
import {
  assertRecordInScope,
  authorize,
  DomainError,
  ErrorCode,
  firstMonthAfterDeath,
  normalizeJurisdictionCode,
  overpaymentAfterDeath,
  Permission,
  uuidv7,
  type Actor,
  type MonthAmount,
} from '@renkou/core';
import { findApplicationRow } from './application.repository';
import { actingAs, type ActingAs } from './application-commands';
import type { LifeEvent } from '../register';
import type { ApplicationsService } from './applications.service';
import { notFound, SYSTEM_USER, type BenefitsContext } from './benefits-context';
import { findPersonRecord } from './family.repository';
import { paidMonthsOf } from './payment.repository';

export interface DeathOutcome {
  personKey: string;
  deathDate: string;
  stopFrom: string;
  suspended: { enrolmentId: string; programmeCode: string; applicationId: string }[];
  overpayments: { enrolmentId: string; programmeCode: string; months: MonthAmount[]; totalFen: number }[];
  /** Lines not yet settled that pay months after the death: finance holds or cancels them. */
  pendingLines: { lineId: string; batchId: string; periodKey: string; amountFen: number }[];
}

const KEYS_PER_QUERY = 5000;

export class LifeEventsService {
  constructor(
    private readonly context: BenefitsContext,
    private readonly applications: ApplicationsService,
  ) {}

  /**
   * The register's deaths and merges: only persons with an enrolment are acted on, found in one query
   * per KEYS_PER_QUERY persons (an import of a county's history holds tens of thousands of deaths,
   * and few of the dead were ever enrolled).
   */
  async onRegisterEvents(events: readonly LifeEvent[]): Promise<void> {
    const enrolled = new Set<string>();
    const keys = [...new Set(events.map((event) => event.personKey))];
    for (let at = 0; at < keys.length; at += KEYS_PER_QUERY) {
      const rows = await this.context.db
        .selectFrom('benefit_enrolments')
        .select('person_key')
        .distinct()
        .where('person_key', 'in', keys.slice(at, at + KEYS_PER_QUERY))
        .where('status', 'in', ['active', 'suspended'])
        .execute();
      for (const row of rows) enrolled.add(row.person_key);
    }
    for (const event of events) {
      if (!enrolled.has(event.personKey)) continue;
      if (event.type === 'death') await this.onDeath(event.personKey, event.date);
      else await this.onMerged(event.personKey, event.date, event.into);
    }
  }

  /**
   * A record merged into another as its duplicate (重复登记): its live enrolments are suspended from
   * the month after the merge, as the system, with the reason naming the record that stays. Nothing is
   * recovered: whether the person was entitled is decided on the kept record. Idempotent.
   */
  async onMerged(personKey: string, date: string, into: string): Promise<string[]> {
    const stopFrom = firstMonthAfterDeath(date);
    const enrolments = await this.context.db
      .selectFrom('benefit_enrolments')
      .selectAll()
      .where('person_key', '=', personKey)
      .where('status', '=', 'active')
      .execute();
    await this.applications.prepare();
    const suspended: string[] = [];
    for (const enrolment of enrolments) {
      if (enrolment.suspended_from !== null && enrolment.suspended_from <= stopFrom) continue;
      await this.context.db.transaction().execute(async (trx) => {
        const row = (await findApplicationRow(trx, enrolment.application_id))!;
        await this.applications.apply(
          { userId: SYSTEM_USER, username: SYSTEM_USER },
          row,
          {
            action: 'suspend',
            reason: `重复登记，已并入 ${into}（${date}），自 ${stopFrom} 起停发；如应继续享受，请在保留的记录名下办理`,
            fromMonth: stopFrom,
          },
          trx,
        );
      });
      suspended.push(enrolment.id);
    }
    return suspended;
  }

  /** For the register's death handling: acts as the system. */
  async onDeath(personKey: string, deathDate: string, who?: ActingAs): Promise<DeathOutcome> {
    const acting = who ?? { userId: SYSTEM_USER, username: SYSTEM_USER };
    const { db, clock } = this.context;
    const stopFrom = firstMonthAfterDeath(deathDate);
    const outcome: DeathOutcome = {
      personKey,
      deathDate,
      stopFrom,
      suspended: [],
      overpayments: [],
      pendingLines: [],
    };
    const enrolments = await db
      .selectFrom('benefit_enrolments')
      .selectAll()
      .where('person_key', '=', personKey)
      .where('status', 'in', ['active', 'suspended'])
      .execute();
    await this.applications.prepare();
    for (const enrolment of enrolments) {
      await db.transaction().execute(async (trx) => {
        const alreadyStopped = enrolment.suspended_from !== null && enrolment.suspended_from <= stopFrom;
        if (!alreadyStopped && enrolment.status === 'active') {
          const row = (await findApplicationRow(trx, enrolment.application_id))!;
          await this.applications.apply(
            acting,
            row,
            {
              action: 'suspend',
              reason: `本人死亡（${deathDate}），自 ${stopFrom} 起停发`,
              fromMonth: stopFrom,
            },
            trx,
          );
          outcome.suspended.push({
            enrolmentId: enrolment.id,
            programmeCode: enrolment.programme_code,
            applicationId: row.id,
          });
        }
        const lines = await paidMonthsOf(trx, enrolment.id);
        const paid = lines.filter((line) => line.status === 'paid').flatMap((line) => line.months);
        const overpayment = overpaymentAfterDeath(deathDate, paid);
        if (overpayment.totalFen > 0) {
          const inserted = await trx
            .insertInto('benefit_overpayments')
            .values({
              id: uuidv7(clock.now().getTime()),
              enrolment_id: enrolment.id,
              person_key: personKey,
              programme_code: enrolment.programme_code,
              hukou_code: enrolment.hukou_code,
              cause: 'death',
              event_date: deathDate,
              months: JSON.stringify(overpayment.months),
              total_fen: overpayment.totalFen,
              status: 'open',
              created_at: clock.now(),
            })
            .onConflict((oc) => oc.columns(['enrolment_id', 'cause', 'event_date']).doNothing())
            .returning('id')
            .executeTakeFirst();
          if (inserted) {
            outcome.overpayments.push({
              enrolmentId: enrolment.id,
              programmeCode: enrolment.programme_code,
              months: overpayment.months,
              totalFen: overpayment.totalFen,
            });
            await this.context.audit.record(
              trx,
              acting.actor ? { actor: acting.actor } : { username: acting.username },
              {
                action: 'benefit.overpayment.record',
                targetType: 'benefit_enrolment',
                targetIds: [enrolment.id, personKey],
                jurisdiction: enrolment.hukou_code,
                details: { cause: 'death', deathDate, totalFen: overpayment.totalFen },
              },
            );
          }
        }
        for (const line of lines) {
          if (line.status !== 'pending') continue;
          if (line.months.some((m) => m.month >= stopFrom && m.amountFen > 0)) {
            outcome.pendingLines.push({
              lineId: line.id,
              batchId: line.batch_id,
              periodKey: line.period_key,
              amountFen: line.amount_fen,
            });
          }
        }
      });
    }
    return outcome;
  }

  /** A county or township officer applies a death the register already holds (until the register calls onDeath). */
  async applyRecordedDeath(actor: Actor, personKey: string): Promise<DeathOutcome> {
    authorize(actor, Permission.BenefitReview);
    const person = await findPersonRecord(this.context.db, personKey);
    if (!person) throw notFound('人员');
    assertRecordInScope(actor, [person.hukou_code, person.residence_code], '人员');
    if (person.death_date === null) {
      throw new DomainError(ErrorCode.Conflict, '登记库中此人没有死亡记录', [{ reason: 'BENEFIT_NOT_DEAD' }]);
    }
    return this.onDeath(personKey, person.death_date, actingAs(actor));
  }

  /** The worklist of overpayments to recover within a jurisdiction. */
  async overpayments(actor: Actor, jurisdiction?: string) {
    authorize(actor, Permission.BenefitRead);
    const within = jurisdiction ? normalizeJurisdictionCode(jurisdiction) : actor.scope;
    authorize(actor, Permission.BenefitRead, within);
    let query = this.context.db
      .selectFrom('benefit_overpayments as o')
      .leftJoin('persons as p', 'p.person_key', 'o.person_key')
      .select([
        'o.id',
        'o.person_key',
        'p.name',
        'o.programme_code',
        'o.hukou_code',
        'o.cause',
        'o.event_date',
        'o.months',
        'o.total_fen',
        'o.status',
      ]);
    if (within !== '') query = query.where('o.hukou_code', 'like', `${within}%`);
    const rows = await query.orderBy('o.created_at').execute();
    await this.context.audit.record(
      this.context.db,
      { actor },
      {
        action: 'benefit.overpayment.list',
        targetType: 'person',
        targetIds: rows.map((r) => r.person_key),
        jurisdiction: within,
      },
    );
    return {
      items: rows.map((row) => ({
        id: row.id,
        personKey: row.person_key,
        name: row.name,
        programmeCode: row.programme_code,
        hukouCode: row.hukou_code,
        cause: row.cause,
        eventDate: row.event_date,
        months: row.months,
        totalFen: row.total_fen,
        status: row.status,
      })),
    };
  }
}
