// Ending an enrolment once staff confirm why (a life event on the worklist, or a failed 年审): the
// application is terminated through the core's state machine from the first month no longer due,
// what was paid for that month or later is recorded as an overpayment to recover, and lines still
// pending for those months are reported so that finance can hold them. One transaction.
import { overpaymentFrom, uuidv7, type MonthAmount, type YearMonth } from '@renkou/core';
import type { Executor } from '../audit';
import { findApplicationRow } from './application.repository';
import type { ActingAs } from './application-commands';
import type { ApplicationsService } from './applications.service';
import type { BenefitsContext } from './benefits-context';
import type { EnrolmentRow } from './enrolment.repository';
import { paidMonthsOf } from './payment.repository';

export type EndCause = 'death' | 'hukou_move' | 'age_limit' | 'other';

export interface EnrolmentEnd {
  cause: EndCause;
  eventDate: string;
  endsBefore: YearMonth;
  reason: string;
}

export interface EndOutcome {
  enrolmentId: string;
  applicationId: string;
  programmeCode: string;
  personKey: string;
  cause: EndCause;
  endsBefore: YearMonth;
  overpayment: { months: MonthAmount[]; totalFen: number } | null;
  /** Lines not yet settled that pay months from the end on: finance holds or cancels them. */
  pendingLines: { lineId: string; batchId: string; periodKey: string; amountFen: number }[];
}

export async function endEnrolment(
  context: BenefitsContext,
  applications: ApplicationsService,
  who: ActingAs,
  enrolment: EnrolmentRow,
  end: EnrolmentEnd,
): Promise<EndOutcome> {
  await applications.prepare();
  return context.db.transaction().execute(async (trx: Executor) => {
    const row = (await findApplicationRow(trx, enrolment.application_id))!;
    await applications.apply(
      who,
      row,
      { action: 'terminate', reason: end.reason, fromMonth: end.endsBefore },
      trx,
    );
    const lines = await paidMonthsOf(trx, enrolment.id);
    const paid = lines.filter((line) => line.status === 'paid').flatMap((line) => line.months);
    const overpayment = overpaymentFrom(end.endsBefore, paid);
    let recorded: EndOutcome['overpayment'] = null;
    if (overpayment.totalFen > 0) {
      // A death already suspended has its overpayment recorded under the same key: kept as it is.
      const inserted = await trx
        .insertInto('benefit_overpayments')
        .values({
          id: uuidv7(context.clock.now().getTime()),
          enrolment_id: enrolment.id,
          person_key: enrolment.person_key,
          programme_code: enrolment.programme_code,
          hukou_code: enrolment.hukou_code,
          cause: end.cause,
          event_date: end.eventDate,
          months: JSON.stringify(overpayment.months),
          total_fen: overpayment.totalFen,
          status: 'open',
          created_at: context.clock.now(),
        })
        .onConflict((oc) => oc.columns(['enrolment_id', 'cause', 'event_date']).doNothing())
        .returning('id')
        .executeTakeFirst();
      recorded = { months: overpayment.months, totalFen: overpayment.totalFen };
      if (inserted) {
        await context.audit.record(trx, who.actor ? { actor: who.actor } : { username: who.username }, {
          action: 'benefit.overpayment.record',
          targetType: 'benefit_enrolment',
          targetIds: [enrolment.id, enrolment.person_key],
          jurisdiction: enrolment.hukou_code,
          details: { cause: end.cause, eventDate: end.eventDate, totalFen: overpayment.totalFen },
        });
      }
    }
    const pendingLines = lines
      .filter((line) => line.status === 'pending')
      .filter((line) => line.months.some((m) => m.month >= end.endsBefore && m.amountFen > 0))
      .map((line) => ({
        lineId: line.id,
        batchId: line.batch_id,
        periodKey: line.period_key,
        amountFen: line.amount_fen,
      }));
    return {
      enrolmentId: enrolment.id,
      applicationId: enrolment.application_id,
      programmeCode: enrolment.programme_code,
      personKey: enrolment.person_key,
      cause: end.cause,
      endsBefore: end.endsBefore,
      overpayment: recorded,
      pendingLines,
    };
  });
}
