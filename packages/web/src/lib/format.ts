// Display formats the users expect: 2024-03-05 in tables, 2024年3月5日 in documents,
// thousands separators, 万 for large figures, ¥ with two decimals, ‰ or % for rates.
import dayjs from 'dayjs';

const EMPTY = '—';

type DateInput = string | number | Date | null | undefined;

export function formatDate(value: DateInput): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY-MM-DD') : String(value);
}

export function formatDateTime(value: DateInput): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : String(value);
}

/** For printed documents: 2024年3月5日. */
export function formatDocumentDate(value: DateInput): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  const d = dayjs(value);
  return d.isValid() ? `${d.year()}年${d.month() + 1}月${d.date()}日` : String(value);
}

export function formatNumber(value: number | null | undefined, fractionDigits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return EMPTY;
  return value.toLocaleString('zh-CN', {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  });
}

/** Dashboard figures: 12,345 stays, 123,456 becomes 12.3万, 123,456,789 becomes 1.23亿. */
export function formatLarge(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return EMPTY;
  const abs = Math.abs(value);
  if (abs >= 1e8) return `${formatNumber(value / 1e8, 2)}亿`;
  if (abs >= 1e5) return `${formatNumber(value / 1e4, 1)}万`;
  return formatNumber(value);
}

export function formatMoney(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return EMPTY;
  return `¥${formatNumber(value, 2)}`;
}

/** A rate given as a fraction (0.0123): 12.30‰ or 1.23%. */
export function formatRate(
  value: number | null | undefined,
  unit: '%' | '‰' = '%',
  fractionDigits = 2,
): string {
  if (value === null || value === undefined || Number.isNaN(value)) return EMPTY;
  return `${formatNumber(value * (unit === '%' ? 100 : 1000), fractionDigits)}${unit}`;
}

export function orDash(value: string | null | undefined): string {
  return value === null || value === undefined || value === '' ? EMPTY : value;
}
