// Months and periods. A benefit is computed month by month: a month is 'YYYY-MM', a payment period is a
// month ('2025-03') or a year ('2025'). Dates are plain 'YYYY-MM-DD' strings, compared as strings.

/** 'YYYY-MM'. */
export type YearMonth = string;

export type BenefitPeriod = { kind: 'month'; year: number; month: number } | { kind: 'year'; year: number };

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;
const yearPattern = /^\d{4}$/;

export function formatYearMonth(year: number, month: number): YearMonth {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function monthOfDate(date: string): YearMonth {
  return date.slice(0, 7);
}

export function firstDayOf(month: YearMonth): string {
  return `${month}-01`;
}

/** Months since year 0, so that month arithmetic is integer arithmetic. */
export function monthIndex(month: YearMonth): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function monthFromIndex(index: number): YearMonth {
  return formatYearMonth(Math.floor(index / 12), (index % 12) + 1);
}

export function addMonths(month: YearMonth, count: number): YearMonth {
  return monthFromIndex(monthIndex(month) + count);
}

/** Whole calendar months from `from` to `to` (negative when `to` is earlier). */
export function monthsBetween(from: YearMonth, to: YearMonth): number {
  return monthIndex(to) - monthIndex(from);
}

/** Parses '2025' or '2025-03'; undefined for anything else. */
export function parsePeriod(text: string): BenefitPeriod | undefined {
  if (yearPattern.test(text)) return { kind: 'year', year: Number(text) };
  const match = monthPattern.exec(text);
  if (!match) return undefined;
  return { kind: 'month', year: Number(match[1]), month: Number(match[2]) };
}

export function formatPeriod(period: BenefitPeriod): string {
  return period.kind === 'year'
    ? String(period.year).padStart(4, '0')
    : formatYearMonth(period.year, period.month);
}

export function monthsOfPeriod(period: BenefitPeriod): YearMonth[] {
  if (period.kind === 'month') return [formatYearMonth(period.year, period.month)];
  return Array.from({ length: 12 }, (_, index) => formatYearMonth(period.year, index + 1));
}

/** `date` plus `days` days; UTC arithmetic only, so no time zone can shift the day. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(year, month - 1, day) + days * 86_400_000);
  return shifted.toISOString().slice(0, 10);
}
