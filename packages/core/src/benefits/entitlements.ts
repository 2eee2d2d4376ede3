// What is due to one beneficiary for one period, month by month: each month is decided on its first
// day (a 60th birthday in May counts from June; the month of death is still paid, the next is not)
// and priced from the schedule in force that day. A yearly amount is spread over its months by
// cumulative rounding, so that 育儿补贴 is prorated by the months a child is under 3 and twelve months
// always add up to the yearly figure.
import {
  firstDayOf,
  formatPeriod,
  monthsOfPeriod,
  parsePeriod,
  type BenefitPeriod,
  type YearMonth,
} from './calendar';
import { decideEligibility, type EligibilityDecision } from './eligibility';
import { deriveFamilyFacts, type FamilyRecords } from './facts';
import { monthlyShareOfYear, sumFen, type Fen } from './money';
import { scheduleOn } from './amount-schedules';
import { paymentPeriodKey, type AmountSchedule, type ProgrammeDefinition } from './programme';

export interface MonthEntitlement {
  month: YearMonth;
  amountFen: Fen;
  categoryCode: string | null;
  schedule: AmountSchedule | null;
  decision: EligibilityDecision;
}

export interface Entitlement {
  programmeCode: string;
  beneficiaryId: string;
  /** '2025' or '2025-03'. */
  period: string;
  months: MonthEntitlement[];
  totalFen: Fen;
  /** True when some amount comes from a schedule awaiting confirmation: hold it out of payment batches. */
  usesUnverifiedAmount: boolean;
}

function amountForMonth(schedule: AmountSchedule, month: YearMonth, alreadyDueOnce: boolean): Fen {
  switch (schedule.basis) {
    case 'per_month':
      return schedule.amountFen;
    case 'per_year':
      return monthlyShareOfYear(schedule.amountFen, Number(month.slice(5, 7)));
    case 'once':
      return alreadyDueOnce ? 0 : schedule.amountFen;
  }
}

export function computeEntitlement(
  programme: ProgrammeDefinition,
  records: FamilyRecords,
  period: BenefitPeriod | string,
): Entitlement {
  const parsed = typeof period === 'string' ? parsePeriod(period) : period;
  if (!parsed) throw new RangeError(`not a period (YYYY or YYYY-MM): ${String(period)}`);
  const months: MonthEntitlement[] = [];
  let dueOnce = false;
  for (const month of monthsOfPeriod(parsed)) {
    const day = firstDayOf(month);
    const decision = decideEligibility(programme, deriveFamilyFacts(records, day));
    const schedule = decision.category
      ? (scheduleOn(decision.category, day, records.subject.hukouCode) ?? null)
      : null;
    const amountFen = schedule ? amountForMonth(schedule, month, dueOnce) : 0;
    if (schedule?.basis === 'once' && amountFen > 0) dueOnce = true;
    months.push({ month, amountFen, categoryCode: decision.category?.code ?? null, schedule, decision });
  }
  return {
    programmeCode: programme.code,
    beneficiaryId: records.subject.personId,
    period: formatPeriod(parsed),
    months,
    totalFen: sumFen(months.map((line) => line.amountFen)),
    usesUnverifiedAmount: months.some((line) => line.amountFen > 0 && line.schedule?.verified === false),
  };
}

/** The payable lines of an entitlement under the no-double-payment key (one per period key). */
export function paymentLinesOf(
  programme: ProgrammeDefinition,
  entitlement: Entitlement,
): { beneficiaryId: string; programmeCode: string; periodKey: string; amountFen: Fen }[] {
  const byKey = new Map<string, Fen>();
  for (const line of entitlement.months) {
    if (line.amountFen === 0) continue;
    const key = paymentPeriodKey(programme, line.month);
    byKey.set(key, (byKey.get(key) ?? 0) + line.amountFen);
  }
  return [...byKey].map(([periodKey, amountFen]) => ({
    beneficiaryId: entitlement.beneficiaryId,
    programmeCode: programme.code,
    periodKey,
    amountFen,
  }));
}
