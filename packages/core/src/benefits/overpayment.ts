// Money paid for months that turned out not to be due (most often: paid in advance for months after a
// death) is to be recovered. Paid amounts are kept per month, a yearly payment included, so the
// months after an event can be told apart from those before it.
import { addMonths, monthIndex, monthOfDate, type YearMonth } from './calendar';
import type { Entitlement } from './entitlements';
import { sumFen, type Fen } from './money';

export interface MonthAmount {
  month: YearMonth;
  amountFen: Fen;
}

export interface Overpayment {
  months: MonthAmount[];
  totalFen: Fen;
}

/** The first month not due after a death: payments stop the month after the month of death. */
export function firstMonthAfterDeath(deathDate: string): YearMonth {
  return addMonths(monthOfDate(deathDate), 1);
}

/** The months of an entitlement that carry money, e.g. to store with a yearly payment line. */
export function monthAmountsOf(entitlement: Entitlement): MonthAmount[] {
  return entitlement.months
    .filter((line) => line.amountFen !== 0)
    .map((line) => ({ month: line.month, amountFen: line.amountFen }));
}

function totalsByMonth(amounts: readonly MonthAmount[]): Map<YearMonth, Fen> {
  const totals = new Map<YearMonth, Fen>();
  for (const { month, amountFen } of amounts) totals.set(month, (totals.get(month) ?? 0) + amountFen);
  return totals;
}

/** For each month, what was paid beyond what is due (recomputed after an event); never negative. */
export function overpaymentOf(paid: readonly MonthAmount[], due: readonly MonthAmount[]): Overpayment {
  const dueByMonth = totalsByMonth(due);
  const months = [...totalsByMonth(paid)]
    .map(([month, amountFen]) => ({ month, amountFen: amountFen - (dueByMonth.get(month) ?? 0) }))
    .filter((line) => line.amountFen > 0)
    .sort((a, b) => monthIndex(a.month) - monthIndex(b.month));
  return { months, totalFen: sumFen(months.map((line) => line.amountFen)) };
}

/** After an enrolment ends: everything paid for `stopMonth` (the first month not due) and later. */
export function overpaymentFrom(stopMonth: YearMonth, paid: readonly MonthAmount[]): Overpayment {
  const stop = monthIndex(stopMonth);
  const stillDue = paid.filter((line) => monthIndex(line.month) < stop);
  return overpaymentOf(paid, stillDue);
}

/** After a death: everything paid for the months after the month of death. */
export function overpaymentAfterDeath(deathDate: string, paid: readonly MonthAmount[]): Overpayment {
  return overpaymentFrom(firstMonthAfterDeath(deathDate), paid);
}
