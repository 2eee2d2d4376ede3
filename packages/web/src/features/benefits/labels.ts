// Labels, colours and money for the benefits pages. Amounts arrive in integer fen and are shown as
// ¥ with two decimals; an unknown code is shown as it is.
import { scheduleOn } from '@renkou/core';
import { formatNumber } from '../../lib/format';
import { isMessageKey, type MessageKey, type Params } from '../../lib/i18n';
import type { Outcome, Programme, Schedule } from './api';

export type T = (key: MessageKey, params?: Params) => string;

export function codeLabel(t: T, prefix: string, code: string | null | undefined, fallback?: string): string {
  if (code === null || code === undefined || code === '') return '—';
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? t(key) : (fallback ?? code);
}

/** 59000 → ¥590.00 (integer fen, so the division is exact to the cent). */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}¥${formatNumber(yuan)}.${cents}`;
}

/** ¥590.00 元/月. */
export function formatAmount(t: T, fen: number | null | undefined, basis: string | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return basis ? `${formatFen(fen)} ${codeLabel(t, 'benefit.basis', basis)}` : formatFen(fen);
}

/** '12.34' (yuan, at most two decimals) → 1234 fen, without floating-point rounding. */
export function fenFromYuanText(text: string): number | undefined {
  const match = /^\s*(\d{1,13})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

export const outcomeColor: Record<Outcome, string> = {
  eligible: 'green',
  ineligible: 'default',
  needs_review: 'orange',
};

export const appStatusColor: Record<string, string> = {
  village_review: 'blue',
  public_notice: 'cyan',
  township_review: 'blue',
  county_review: 'geekblue',
  enrolled: 'green',
  returned_to_applicant: 'orange',
  rejected: 'red',
  withdrawn: 'default',
  suspended: 'gold',
  terminated: 'default',
};

export const batchStatusColor: Record<string, string> = {
  draft: 'orange',
  approved: 'blue',
  exported: 'cyan',
  released: 'cyan',
  reconciled: 'green',
};

/** The schedule in force today at `place` (the user's scope): the core's rule, top-ups included. */
export function currentSchedule(
  schedules: readonly Schedule[],
  today: string,
  place: string,
): Schedule | undefined {
  return scheduleOn({ code: '', name: '', schedules }, today, place);
}

export function programmeLabel(programmes: readonly Programme[] | undefined, code: string): string {
  const programme = programmes?.find((p) => p.code === code);
  return programme ? programme.shortName : code;
}
