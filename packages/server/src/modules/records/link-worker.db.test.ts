// Link runs in a worker thread: the stored decisions equal those of the inline path, the event loop
// answers while the worker links, and a failure or a stop inside the worker leaves a failed run and
// the stored decisions as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApplication, seedCounty } from '../../testing/test-application';
import { decideInThread, type LinkDecision } from './link-decisions';
import { decideInWorker } from './link-in-worker';
import { LinkRunsService } from './link-runs.service';
import type { DecideLinks } from './record-linking';
import { importGeneratedCounty, type App } from './records-fixtures';

let app: App;

beforeAll(async () => {
  app = await openTestApplication();
  await seedCounty(app);
  await importGeneratedCounty(app, 800);
}, 120_000);
afterAll(async () => app?.close());

const runsWith = (decide: DecideLinks) =>
  new LinkRunsService(app.db, app.audit, app.clock, app.crypto, app.jurisdictions, decide);

/** The stored decisions by record, without what differs between runs (ids, run, time). */
async function storedDecisions() {
  const rows = await app.db
    .selectFrom('link_decisions')
    .select(['record_id', 'person_key', 'probability', 'match_weight', 'comparisons', 'class', 'verdict'])
    .where('source', '=', 'hospital_births')
    .orderBy('record_id')
    .execute();
  return rows;
}

async function runRow(id: string) {
  return app.db.selectFrom('link_runs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** The run stored last. */
async function latestRun() {
  return app.db.selectFrom('link_runs').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
}

const pause = (ms: number) => new Promise<'timer'>((resolve) => setTimeout(() => resolve('timer'), ms));

describe('link runs in a worker thread', () => {
  it('stores the same decisions as the inline path, and the event loop answers meanwhile', async () => {
    const inline = await runsWith(decideInThread).run('hospital_births', 'tester');
    const expected = await storedDecisions();
    expect(expected.length).toBeGreaterThan(20);

    const observed: { timerFirst?: boolean; runningSeen?: string; stages: string[] } = { stages: [] };
    let runId = '';
    const service = runsWith(async (input, onProgress, signal) => {
      const work = decideInWorker(
        input,
        (stage, done, total) => {
          observed.stages.push(stage);
          onProgress(stage, done, total);
        },
        signal,
      );
      // A timer fires and a query is answered before the worker is done.
      observed.timerFirst = (await Promise.race([pause(20), work.then(() => 'done' as const)])) === 'timer';
      runId =
        (await app.db.selectFrom('link_runs').select('id').orderBy('seq', 'desc').executeTakeFirst())?.id ??
        '';
      observed.runningSeen = (await runRow(runId)).status;
      return work;
    });
    const viaWorker = await service.run('hospital_births', 'tester');

    expect(observed.timerFirst).toBe(true);
    expect(observed.runningSeen).toBe('running');
    expect(observed.stages).toContain('score');
    expect(viaWorker.runId).toBe(runId);
    expect(viaWorker.counts).toEqual(inline.counts);
    expect(viaWorker.decisions).toEqual(inline.decisions);
    expect(await storedDecisions()).toEqual(expected);
    expect((await runRow(viaWorker.runId)).status).toBe('done');
  }, 120_000);

  it('stores a failure inside the worker as a failed run and keeps the decisions', async () => {
    const before = await storedDecisions();
    const broken = runsWith((input, onProgress, signal) =>
      decideInWorker({ ...input, model: { ...input.model, uniqueId: 'no_such_column' } }, onProgress, signal),
    );
    const failure = await broken.run('hospital_births', 'tester').then(
      () => new Error('the run did not fail'),
      (error: unknown) => error as Error,
    );
    expect(failure.message).toMatch(/no_such_column/);
    const run = await latestRun();
    expect({ status: run.status, failure: run.failure }).toEqual({
      status: 'failed',
      failure: failure.message,
    });
    expect(await storedDecisions()).toEqual(before);
  }, 60_000);

  it('stops a run whose worker is still linking', async () => {
    const before = await storedDecisions();
    let stopped: Promise<LinkDecision[]> | undefined;
    const service: LinkRunsService = runsWith((input, onProgress, signal) => {
      stopped = decideInWorker(input, onProgress, signal);
      service.stopAll();
      return stopped;
    });
    await expect(service.run('hospital_births', 'tester')).rejects.toThrow('比对任务已取消');
    const run = await latestRun();
    expect({ status: run.status, failure: run.failure }).toEqual({
      status: 'failed',
      failure: '比对任务已取消',
    });
    expect(await storedDecisions()).toEqual(before);
  }, 60_000);
});
