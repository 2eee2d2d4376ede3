// The projection asked for lives in the address (?j=&base=&years=&tfr=&migration=), as the dashboard's
// view does: a projection can be bookmarked or sent, and the back button returns to the previous one.
// Without base and years in the address nothing runs; the form shows the defaults (the user's scope,
// the end of the register's last full year, 20 years, the observed fertility, with migration).
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useCurrentSession } from '../../../lib/session';
import { useRequest } from '../../../lib/useRequest';
import { fetchDataset, type Dataset } from '../api';
import { defaultPeriod } from '../period';
import type { ProjectionQuery } from './api';

export const YEAR_CHOICES = [5, 10, 15, 20] as const;
export const DEFAULT_YEARS = 20;
export const TFR_MIN = 0;
export const TFR_MAX = 8;

export interface ProjectionParamsState {
  dataset: Dataset | null | undefined;
  datasetError: string | undefined;
  /** The user's own top division: the form refuses divisions outside it. */
  root: string | undefined;
  /** What the form shows: the projection asked for, or the defaults. */
  form: ProjectionQuery | undefined;
  /** The projection to run; undefined until one is asked for. */
  query: ProjectionQuery | undefined;
  run: (query: ProjectionQuery) => void;
  /** Back to the form without a projection (cancel). */
  clear: () => void;
}

const isDate = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The base date by default: the last day of the last calendar year the register covers in full. */
export function defaultBase(dataset: Dataset): string {
  return defaultPeriod(dataset).to;
}

export function parseTfr(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const tfr = Number(value);
  return Number.isFinite(tfr) && tfr >= TFR_MIN && tfr <= TFR_MAX ? tfr : undefined;
}

export function parseYears(value: string | null): number | undefined {
  const years = Number(value);
  return Number.isInteger(years) && years >= 5 && years <= 20 ? years : undefined;
}

export function toSearch(query: ProjectionQuery): Record<string, string> {
  return {
    j: query.jurisdiction,
    base: query.base,
    years: String(query.years),
    ...(query.tfr !== undefined ? { tfr: String(query.tfr) } : {}),
    ...(query.migration ? {} : { migration: 'false' }),
  };
}

export function useProjectionParams(): ProjectionParamsState {
  const session = useCurrentSession();
  const [search, setSearch] = useSearchParams();
  const dataset = useRequest((signal) => fetchDataset(signal), 'dataset');

  const parsed = useMemo(() => {
    const data = dataset.data;
    if (!data) return undefined;
    const scope = session.user.scope;
    const root = /^\d{2,12}$/.test(scope) ? scope : data.coverage;
    const j = search.get('j');
    const base = search.get('base');
    const years = parseYears(search.get('years'));
    const tfr = parseTfr(search.get('tfr'));
    const form: ProjectionQuery = {
      jurisdiction: j && /^\d{2,12}$/.test(j) && j.startsWith(root) ? j : root,
      base: isDate(base) ? base : defaultBase(data),
      years: years ?? DEFAULT_YEARS,
      ...(tfr !== undefined ? { tfr } : {}),
      migration: search.get('migration') !== 'false',
    };
    const asked = isDate(base) && years !== undefined;
    return { root, form, query: asked ? form : undefined };
  }, [dataset.data, search, session.user.scope]);

  const run = useCallback((query: ProjectionQuery) => setSearch(toSearch(query)), [setSearch]);
  const clear = useCallback(
    () => setSearch(parsed ? { j: parsed.form.jurisdiction } : {}, { replace: true }),
    [parsed, setSearch],
  );

  return {
    dataset: dataset.data,
    datasetError: dataset.error,
    root: parsed?.root,
    form: parsed?.form,
    query: parsed?.query,
    run,
    clear,
  };
}
