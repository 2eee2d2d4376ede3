// How each indicator is shown: units and decimals as indicators.md says (rates to 2 decimals, shares to
// 1), large counts in 万 on the dashboard, and the differences between two periods.
import { formatLarge, formatNumber } from '../../lib/format';
import type { MessageKey } from '../../lib/i18n';
import type { Indicators } from './api';

const EMPTY = '—';

/** `ratio`: per 100 (dependency ratios, the ageing index), no unit sign. */
export type Kind = 'count' | 'permille' | 'percent' | 'ratio' | 'srb' | 'tfr' | 'years';

/** The numeric indicators of the table and the cards, with how to show them. */
export const NUMERIC = {
  population_start: 'count',
  population_end: 'count',
  births: 'count',
  births_male: 'count',
  births_female: 'count',
  deaths: 'count',
  moves_in: 'count',
  moves_out: 'count',
  cbr: 'permille',
  cdr: 'permille',
  natural_growth_rate: 'permille',
  srb: 'srb',
  tfr: 'tfr',
  mean_age_childbearing: 'years',
  share_60_plus: 'percent',
  share_65_plus: 'percent',
  dependency_child: 'ratio',
  dependency_old: 'ratio',
  dependency_total: 'ratio',
  ageing_index: 'ratio',
  migrant_share: 'percent',
} as const satisfies Partial<Record<keyof Indicators, Kind>>;

export type NumericName = keyof typeof NUMERIC;

export const label = (name: NumericName): MessageKey => `ind.${name}`;

export const decimals: Record<Kind, number> = {
  count: 0,
  permille: 2,
  percent: 1,
  ratio: 1,
  srb: 1,
  tfr: 2,
  years: 1,
};

/** The Excel number format with the indicator's decimals. */
export function excelFormat(name: NumericName): string {
  const digits = decimals[NUMERIC[name]];
  return digits === 0 ? '#,##0' : `#,##0.${'0'.repeat(digits)}`;
}

const suffix: Record<Kind, string> = {
  count: '',
  permille: '‰',
  percent: '%',
  ratio: '',
  srb: '',
  tfr: '',
  years: '',
};

/** A value for a table cell or a printed report: thousands separators, the indicator's decimals. */
export function formatValue(name: NumericName, value: number | null | undefined, withUnit = true): string {
  if (value === null || value === undefined || Number.isNaN(value)) return EMPTY;
  const kind = NUMERIC[name];
  const text = formatNumber(value, decimals[kind]);
  return withUnit ? `${text}${suffix[kind]}` : text;
}

/** A value for a dashboard card: counts of 100,000 and more in 万. */
export function formatHeadline(name: NumericName, value: number | null | undefined): string {
  return NUMERIC[name] === 'count' ? formatLarge(value) : formatValue(name, value);
}

/** The change from the comparison period: +1,234, −0.52‰; counts in 万 when large. */
export function formatChange(
  name: NumericName,
  value: number | null | undefined,
  before: number | null | undefined,
): string {
  if (value === null || value === undefined || before === null || before === undefined) return EMPTY;
  const change = value - before;
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const magnitude = Math.abs(change);
  const text = NUMERIC[name] === 'count' ? formatLarge(magnitude) : formatValue(name, magnitude);
  return `${sign}${text}`;
}

/** Sort with empty values last, whichever the direction. */
export function compareValues(
  a: number | null | undefined,
  b: number | null | undefined,
  order?: 'ascend' | 'descend' | null,
): number {
  const an = a === null || a === undefined || Number.isNaN(a);
  const bn = b === null || b === undefined || Number.isNaN(b);
  // antd reverses the result for a descending sort; empty values stay at the bottom anyway.
  const last = order === 'descend' ? -1 : 1;
  if (an && bn) return 0;
  if (an) return last;
  if (bn) return -last;
  return a - b;
}

/** Births of each order (3 and later together), from the shares: share × births is a whole number. */
export function birthsByOrder(ind: Indicators): { first: number; second: number; thirdPlus: number } {
  const count = (key: string) => Math.round((ind.birth_order_share[key] ?? 0) * ind.births);
  return { first: count('1'), second: count('2'), thirdPlus: count('3') + count('4+') };
}
