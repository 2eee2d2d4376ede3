// Per-value normalisation before values are interned, one rule per comparison kind, so that
// spellings of the same value share one id (and exact agreement is an integer comparison).
import { normalizeChineseName } from './chinese/name-keys';
import { citizenIdKey } from './comparators/citizen-id';
import { parseDateKey } from './comparators/dates';
import type { ComparisonKind } from './model-config';

/** NFKC, lower case, single spaces: "  Mary  Ann " → "mary ann". */
export function normalizeText(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function normalizeForKind(kind: ComparisonKind, value: string): string {
  if (value === '') return '';
  switch (kind) {
    case 'string':
      return normalizeText(value);
    case 'date':
      return parseDateKey(value)?.digits ?? '';
    case 'citizenId':
      return citizenIdKey(value)?.id ?? '';
    case 'chineseName':
      return normalizeChineseName(value);
  }
}

/** Normalises a whole column, computing each distinct raw value once. */
export function normalizeColumn(kind: ComparisonKind, values: readonly string[]): string[] {
  const memo = new Map<string, string>();
  const out = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const raw = values[i] as string;
    let normalized = memo.get(raw);
    if (normalized === undefined) {
      normalized = normalizeForKind(kind, raw);
      memo.set(raw, normalized);
    }
    out[i] = normalized;
  }
  return out;
}
