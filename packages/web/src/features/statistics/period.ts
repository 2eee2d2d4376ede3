// Periods of the dashboard: a calendar year by default, clamped to the dates the register covers (the
// server refuses a period outside them), or any range of days.
import type { Dataset } from './api';

export interface Period {
  from: string;
  to: string;
}

const yearOf = (date: string) => Number(date.slice(0, 4));

/** The year clamped to the register's dates; undefined when the year lies outside them. */
export function yearPeriod(year: number, dataset: Dataset): Period | undefined {
  const from = `${year}-01-01` < dataset.start ? dataset.start : `${year}-01-01`;
  const to = `${year}-12-31` > dataset.end ? dataset.end : `${year}-12-31`;
  return from <= to ? { from, to } : undefined;
}

/** The last calendar year the register covers in full; else everything it covers. */
export function defaultPeriod(dataset: Dataset): Period {
  const last = dataset.end.endsWith('-12-31') ? yearOf(dataset.end) : yearOf(dataset.end) - 1;
  if (`${last}-01-01` >= dataset.start) return { from: `${last}-01-01`, to: `${last}-12-31` };
  return { from: dataset.start, to: dataset.end };
}

/** The same period one year earlier, clamped; the default comparison. */
export function previousYear(period: Period, dataset: Dataset): Period | undefined {
  const shift = (date: string) => `${yearOf(date) - 1}${date.slice(4)}`.replace(/-02-29$/, '-02-28');
  const from = shift(period.from);
  const to = shift(period.to);
  if (to < dataset.start) return undefined;
  return { from: from < dataset.start ? dataset.start : from, to };
}

/** A whole calendar year (for the year picker and the report's title). */
export function wholeYear(period: Period): number | undefined {
  const year = yearOf(period.from);
  return period.from === `${year}-01-01` && period.to === `${year}-12-31` ? year : undefined;
}

export function isPeriod(from: string | null, to: string | null): boolean {
  const date = /^\d{4}-\d{2}-\d{2}$/;
  return from !== null && to !== null && date.test(from) && date.test(to) && from <= to;
}
