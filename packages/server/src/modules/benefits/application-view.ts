// An application as the pages show it: state, screening, 公示 rounds, objections, enrolment and the
// whole review trail (who, when, from, to, why).
import { applicationStatusLabels, decisionText, type EligibilityDecision } from '@renkou/core';
import type { Executor } from '../audit';
import {
  findEnrolmentOfApplication,
  loadApplication,
  noticesOf,
  type ApplicationRow,
} from './application.repository';
import { findPersonRecord } from './family.repository';

export async function applicationView(db: Executor, row: ApplicationRow) {
  const { app, steps } = await loadApplication(db, row);
  const person = await findPersonRecord(db, row.person_key);
  const enrolment = await findEnrolmentOfApplication(db, row.id);
  const notices = await noticesOf(db, row.id);
  const screening = row.screening as EligibilityDecision;
  return {
    id: row.id,
    programmeCode: row.programme_code,
    personKey: row.person_key,
    name: person?.name ?? '',
    idNumberMasked: person?.id_number_masked ?? null,
    hukouCode: row.hukou_code,
    channel: row.channel,
    enteredBy: row.entered_by,
    enteredOn: row.entered_on,
    status: app.status,
    statusLabel: applicationStatusLabels[app.status],
    accountMasked: row.account_masked,
    accountName: row.account_name,
    screening: { outcome: screening.outcome, explanationText: decisionText(screening) },
    notice: app.notice,
    objections: app.objections.map((o) => ({ ...o })),
    approvals: {
      village: app.approvals.village,
      township: app.approvals.township,
      county: app.approvals.county,
    },
    enrolment: enrolment
      ? {
          id: enrolment.id,
          categoryCode: enrolment.category_code,
          fromMonth: enrolment.from_month,
          suspendedFrom: enrolment.suspended_from,
          endsBefore: enrolment.ends_before,
          status: enrolment.status,
        }
      : null,
    notices: notices.map((n) => ({
      round: n.round,
      firstDay: n.first_day,
      lastDay: n.last_day,
      amountFen: n.amount_fen,
      takenDownOn: n.taken_down_on,
    })),
    trail: steps.map((step) => ({
      stepNo: step.step_no,
      action: step.action,
      from: step.from_status,
      to: step.to_status,
      date: step.date,
      userId: step.user_id,
      username: step.username,
      reason: step.reason,
    })),
  };
}
