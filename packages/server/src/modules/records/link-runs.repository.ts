// SQL of link runs and their decisions: a run's row and progress, and replacing a source's open
// decisions with a new run's (a decision a clerk has touched is kept as it is).
import type { LinkRunProgress } from '@renkou/core';
import { sql } from '@renkou/db';
import type { Executor } from '../audit';
import type { ComparisonWeight } from './record-linking';

export type DecisionClass = 'auto_match' | 'review' | 'non_match';

export interface NewDecision {
  id: string;
  recordId: string;
  personKey: string | null;
  probability: number;
  matchWeight: number | null;
  comparisons: ComparisonWeight[];
  class: DecisionClass;
}

export type RunProgress = LinkRunProgress;

const SLICE = 500;

export async function insertRun(
  db: Executor,
  run: { id: string; source: string; startedAt: Date; startedBy: string },
): Promise<void> {
  await db
    .insertInto('link_runs')
    .values({
      id: run.id,
      source: run.source,
      started_at: run.startedAt,
      started_by: run.startedBy,
      status: 'running',
      progress: JSON.stringify({ stage: 'queued', done: 0, total: 1 }),
      counts: '{}',
    })
    .execute();
}

export async function setRunProgress(db: Executor, id: string, progress: RunProgress): Promise<void> {
  await db
    .updateTable('link_runs')
    .set({ progress: JSON.stringify(progress) })
    .where('id', '=', id)
    .execute();
}

export async function finishRun(
  db: Executor,
  id: string,
  at: Date,
  outcome: { counts: Record<string, number> } | { failure: string },
): Promise<void> {
  await db
    .updateTable('link_runs')
    .set(
      'failure' in outcome
        ? { status: 'failed', finished_at: at, failure: outcome.failure.slice(0, 2000) }
        : {
            status: 'done',
            finished_at: at,
            counts: JSON.stringify(outcome.counts),
            progress: JSON.stringify({ stage: 'done', done: 1, total: 1 }),
          },
    )
    .where('id', '=', id)
    .execute();
}

export async function findRun(db: Executor, id: string) {
  return db.selectFrom('link_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function runningRun(db: Executor, source: string) {
  return db
    .selectFrom('link_runs')
    .selectAll()
    .where('source', '=', source)
    .where('status', '=', 'running')
    .executeTakeFirst();
}

/** The last run of each source. */
export async function latestRuns(db: Executor) {
  const rows = await db
    .selectFrom('link_runs')
    .selectAll()
    .orderBy('source')
    .orderBy('seq', 'desc')
    .execute();
  return rows.filter((row, i) => i === 0 || rows[i - 1]?.source !== row.source);
}

/**
 * Deletes the source's decisions nobody has touched (no verdict on a review pair, no resolved item),
 * then inserts the run's; records whose decision was kept keep it. Returns how many were kept.
 */
export async function replaceOpenDecisions(
  db: Executor,
  runId: string,
  source: string,
  decisions: readonly NewDecision[],
  createdAt: Date,
  onSlice: (done: number) => Promise<void> = async () => undefined,
): Promise<number> {
  await db
    .deleteFrom('link_decisions')
    .where('source', '=', source)
    .where('resolution', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('link_resolutions')
            .select(sql`1`.as('one'))
            .whereRef('link_resolutions.decision_id', '=', 'link_decisions.id'),
        ),
      ),
    )
    .execute();
  let inserted = 0;
  for (let i = 0; i < decisions.length; i += SLICE) {
    const result = await db
      .insertInto('link_decisions')
      .values(
        decisions.slice(i, i + SLICE).map((d) => ({
          id: d.id,
          run_id: runId,
          source,
          record_id: d.recordId,
          person_key: d.personKey,
          probability: d.probability,
          match_weight: d.matchWeight,
          comparisons: JSON.stringify(d.comparisons),
          class: d.class,
          verdict: d.class === 'auto_match' ? 'match' : d.class === 'non_match' ? 'non_match' : null,
          created_at: createdAt,
        })),
      )
      .onConflict((oc) => oc.columns(['source', 'record_id']).doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
    await onSlice(Math.min(i + SLICE, decisions.length));
  }
  return decisions.length - inserted;
}
