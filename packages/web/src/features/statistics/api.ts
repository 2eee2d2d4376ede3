// GET /api/stats (the indicators of indicators.md for a jurisdiction and period, with its children) and
// GET /api/register/dataset (the dates the register covers). A county's answer takes seconds, so
// answers are kept for the session: going back, drilling up or opening the report asks nothing again.
import type { Indicators } from '@renkou/core';
import { api } from '../../lib/api';

export type Basis = 'residence' | 'hukou';
export type SrbStatus = NonNullable<Indicators['srb_status']>;
export type { Indicators };

export interface ChildStats {
  jurisdiction: string;
  name: string;
  indicators: Indicators;
}

export interface StatsResult {
  jurisdiction: string;
  from: string;
  to: string;
  basis: Basis;
  indicators: Indicators;
  children?: ChildStats[];
}

export interface StatsQuery {
  jurisdiction: string;
  from: string;
  to: string;
  basis: Basis;
  children: boolean;
}

export interface Dataset {
  coverage: string;
  start: string;
  end: string;
}

const KEPT = 24;
const answers = new Map<string, Promise<StatsResult>>();

export const statsKey = (q: StatsQuery): string =>
  [q.jurisdiction, q.from, q.to, q.basis, q.children ? 'c' : ''].join('|');

/**
 * One request per distinct query: a second caller (the report after the dashboard, a re-render) shares
 * the first answer. A failed or cancelled request is forgotten so that a retry asks again. The request
 * is not tied to one caller's AbortSignal, since another caller may be waiting for the same answer.
 */
export function fetchStats(q: StatsQuery): Promise<StatsResult> {
  const key = statsKey(q);
  // With its children the answer also serves the same query without them.
  const found =
    answers.get(key) ?? (q.children ? undefined : answers.get(statsKey({ ...q, children: true })));
  if (found) return found;
  const promise = api.get<StatsResult>('/api/stats', {
    jurisdiction: q.jurisdiction,
    from: q.from,
    to: q.to,
    basis: q.basis,
    children: q.children,
  });
  answers.set(key, promise);
  if (answers.size > KEPT) answers.delete(answers.keys().next().value as string);
  promise.catch(() => answers.delete(key));
  return promise;
}

/** Forget every kept answer (the 刷新 button: the register may have changed since). */
export function clearStatsCache(): void {
  answers.clear();
}

export async function fetchDataset(signal?: AbortSignal): Promise<Dataset | null> {
  const answer = await api.get<{ dataset: Dataset | null }>('/api/register/dataset', undefined, signal);
  return answer.dataset;
}
