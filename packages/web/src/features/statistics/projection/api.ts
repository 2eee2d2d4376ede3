// GET /api/stats/projection: the cohort-component projection of a division from a base date, three
// fertility scenarios in 5-year steps. Answers are kept for the session (like the dashboard's), so going
// back to a projection already made shows it at once.
import type { ProjectedYear, ProjectionScenario } from '@renkou/core';
import { api } from '../../../lib/api';

export type ScenarioName = ProjectionScenario['name'];
export type { ProjectedYear, ProjectionScenario };

export const SCENARIOS: readonly ScenarioName[] = ['low', 'medium', 'high'];

export interface ProjectionQuery {
  jurisdiction: string;
  /** YYYY-MM-DD: the population on this day; rates from the five years before it. */
  base: string;
  /** 5 to 20, rounded up by the server to whole 5-year steps. */
  years: number;
  /** Total fertility of the medium scenario; the observed one when absent. */
  tfr?: number;
  migration: boolean;
}

export interface ProjectionResult {
  jurisdiction: string;
  base: string;
  /** The dates the observed rates were taken from. */
  window: { from: string; to: string };
  observed: {
    tfr: number;
    /** Male births per 100 female births. */
    srb: number;
    // A life table that could not be closed would give no e0; shown as a dash.
    e0Male: number | null;
    e0Female: number | null;
  };
  /** 5-year age groups of the pyramids: 0-4 … 85+. */
  groups: readonly string[];
  scenarios: ProjectionScenario[];
}

const KEPT = 12;
const answers = new Map<string, Promise<ProjectionResult>>();

export const projectionKey = (q: ProjectionQuery): string =>
  [q.jurisdiction, q.base, q.years, q.tfr ?? '', q.migration ? 'm' : ''].join('|');

/** One request per distinct query; a failed one is forgotten so that a retry asks again. */
export function fetchProjection(q: ProjectionQuery): Promise<ProjectionResult> {
  const key = projectionKey(q);
  const found = answers.get(key);
  if (found) return found;
  const promise = api.get<ProjectionResult>('/api/stats/projection', {
    jurisdiction: q.jurisdiction,
    base: q.base,
    years: q.years,
    tfr: q.tfr,
    migration: q.migration,
  });
  answers.set(key, promise);
  if (answers.size > KEPT) answers.delete(answers.keys().next().value as string);
  promise.catch(() => answers.delete(key));
  return promise;
}

/** The scenario of that name (the server always sends all three). */
export function scenarioOf(result: ProjectionResult, name: ScenarioName): ProjectionScenario | undefined {
  return result.scenarios.find((s) => s.name === name);
}

/** The years of the projection: the base year, then one per 5-year step. */
export function projectionYears(result: ProjectionResult): number[] {
  return (result.scenarios[0]?.years ?? []).map((y) => y.year);
}
