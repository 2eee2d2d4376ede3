// One measured step of the register benchmark, run in a process of its own so that its peak memory
// (getrusage ru_maxrss) is its own: `copy` (the bare-table baseline), `read` (the import's CSV reader
// alone) or `import` (a fresh application: migrate, coverage, importDirectory, then search latency).
// Started by register.bench.ts through `spawnJob`; the result comes back over the IPC channel.
import { spawn } from 'node:child_process';
import { createReadStream, openAsBlob, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Role, type Actor } from '@renkou/core';
import { createDatabase, CompiledQuery, migrate, sql, type Db } from '@renkou/db';
import { createApplication, SoftwareCryptoProvider, type Application } from '@renkou/server';
import type { KyselyPlugin } from 'kysely';
import { openTable } from '../../packages/server/src/modules/register/import/table-reader';
import { startRssSampler, maxRssBytes } from '../lib/memory';
import { measureLatency, timed, type LatencyStats } from '../lib/timing';
import { buildSearches, type SearchInput, type SearchSpec } from './search-queries';
import { postgresCpuSeconds, processCpuSeconds } from './server-cpu';

export type EngineName = 'pglite' | 'postgres';
export const engineLabel: Record<EngineName, string> = { pglite: 'PGlite', postgres: 'PostgreSQL' };

export type Target = { engine: 'pglite'; dataDir: string } | { engine: 'postgres'; url: string };

export type Job =
  | { kind: 'copy'; label: string; datasetDir: string; target: Target }
  | { kind: 'read'; label: string; datasetDir: string }
  | {
      kind: 'import';
      label: string;
      datasetDir: string;
      target: Target;
      coverage: string;
      expectedRows: { persons: number; events: number };
      search: { runs: number; warmup: number; seed: number; budgetMs: number; analyze: boolean };
    };

/** Fixed test key: the same blind index and ciphertext sizes on every run. */
const TEST_KEY = Buffer.from('72656e6b6f752d62656e63682d7265676973746572206b65792030303030303031', 'hex');

export interface CopyFigures {
  engine: EngineName;
  method: string;
  persons: { rows: number; ms: number; rowsPerSecond: number; tableBytes: number };
  events: { rows: number; ms: number; rowsPerSecond: number; tableBytes: number };
  totalMs: number;
  rowsPerSecond: number;
  maxRssBytes: number;
  serverCpuSeconds?: number;
  processCpuSeconds: number;
}

export interface ReadFigures {
  personsRows: number;
  eventsRows: number;
  personsMs: number;
  eventsMs: number;
  rowsPerSecond: number;
  maxRssBytes: number;
}

export interface SearchFigures extends LatencyStats {
  stoppedEarly: boolean;
  distinctInputs: number;
  meanRowsReturned: number;
  meanTotal: number;
  /** Share of calls that found at least one person. */
  hitRate: number;
}

export interface ImportFigures {
  engine: EngineName;
  serverVersion: string;
  openMs: number;
  migrateMs: number;
  coverage: { ms: number; rows: number };
  import: {
    ms: number;
    rows: number;
    rowsPerSecond: number;
    accepted: number;
    rejected: number;
    unchanged: number;
    warnings: number;
    /** ms from the start of the import: first progress of persons.csv (= after the validation pass) … */
    phases: { validateMs: number; personsMs: number; eventsMs: number; finishMs: number };
    progress: { file: string; rows: number; ms: number }[];
    rssBeforeBytes: number;
    peakRssSampledBytes: number;
    /** Lifetime peak of the worker process when the import ended. */
    maxRssBytes: number;
    processCpuSeconds: number;
    serverCpuSeconds?: number;
  };
  tables: Record<string, { rows: number; bytes: number }>;
  databaseBytes: number;
  analyzedBySearch: boolean;
  analyzeMs?: number;
  search: Record<string, SearchFigures>;
  searchAfterAnalyze?: Record<string, SearchFigures>;
  plans: Record<string, string>;
  plansAfterAnalyze?: Record<string, string>;
  searchSamples: Record<string, SearchInput[]>;
  searchErrors: Record<string, string>;
  auditRowsWritten: number;
}

type Log = (message: string) => void;

export function headerOf(path: string): string[] {
  const text = readFileSync(path, { encoding: 'utf8', flag: 'r' }).slice(0, 4096);
  return (text.split(/\r?\n/)[0] ?? '').replace(/^\uFEFF/, '').split(',');
}

export const bareTable = (name: string, columns: string[]) =>
  `CREATE TABLE ${name} (${columns.map((c) => `"${c}" text`).join(', ')})`;

async function copyJob(job: Extract<Job, { kind: 'copy' }>, log: Log): Promise<CopyFigures> {
  const files = { persons: join(job.datasetDir, 'persons.csv'), events: join(job.datasetDir, 'events.csv') };
  const cpu0 = processCpuSeconds();
  const server0 = job.target.engine === 'postgres' ? postgresCpuSeconds() : undefined;
  const figures: Pick<CopyFigures, 'persons' | 'events'> = {
    persons: { rows: 0, ms: 0, rowsPerSecond: 0, tableBytes: 0 },
    events: { rows: 0, ms: 0, rowsPerSecond: 0, tableBytes: 0 },
  };
  let method: string;
  if (job.target.engine === 'postgres') {
    method = 'COPY … FROM STDIN (FORMAT csv, HEADER) through pg-copy-streams, file streamed from disk';
    const client = new pg.Client({ connectionString: job.target.url });
    await client.connect();
    try {
      for (const file of ['persons', 'events'] as const) {
        await client.query(bareTable(`bare_${file}`, headerOf(files[file])));
        const run = await timed(async () => {
          const stream = client.query(
            copyFrom(`COPY bare_${file} FROM STDIN WITH (FORMAT csv, HEADER true)`),
          );
          await pipeline(createReadStream(files[file]), stream);
          return Number(stream.rowCount);
        });
        const size = await client.query<{ b: string }>(`SELECT pg_total_relation_size('bare_${file}') AS b`);
        figures[file] = {
          rows: run.result,
          ms: run.ms,
          rowsPerSecond: run.result / (run.ms / 1000),
          tableBytes: Number(size.rows[0]?.b),
        };
        log(`COPY ${file}.csv: ${run.result} rows in ${(run.ms / 1000).toFixed(1)} s`);
      }
    } finally {
      await client.end();
    }
  } else {
    method = "COPY … FROM '/dev/blob' (FORMAT csv, HEADER) with the file as the query's blob (fs.openAsBlob)";
    const pglite = await PGlite.create({ dataDir: job.target.dataDir });
    try {
      for (const file of ['persons', 'events'] as const) {
        await pglite.exec(bareTable(`bare_${file}`, headerOf(files[file])));
        const run = await timed(async () => {
          const blob = await openAsBlob(files[file]);
          const result = await pglite.query(
            `COPY bare_${file} FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`,
            [],
            { blob },
          );
          return result.affectedRows ?? 0;
        });
        const size = await pglite.query<{ b: number }>(
          `SELECT pg_total_relation_size('bare_${file}')::int8 AS b`,
        );
        figures[file] = {
          rows: run.result,
          ms: run.ms,
          rowsPerSecond: run.result / (run.ms / 1000),
          tableBytes: Number(size.rows[0]?.b),
        };
        log(`COPY ${file}.csv: ${run.result} rows in ${(run.ms / 1000).toFixed(1)} s`);
      }
    } finally {
      await pglite.close();
    }
  }
  const server1 = job.target.engine === 'postgres' ? postgresCpuSeconds() : undefined;
  const totalMs = figures.persons.ms + figures.events.ms;
  return {
    engine: job.target.engine,
    method,
    ...figures,
    totalMs,
    rowsPerSecond: (figures.persons.rows + figures.events.rows) / (totalMs / 1000),
    maxRssBytes: maxRssBytes(),
    ...(server0 !== undefined && server1 !== undefined ? { serverCpuSeconds: server1 - server0 } : {}),
    processCpuSeconds: processCpuSeconds() - cpu0,
  };
}

async function readJob(job: Extract<Job, { kind: 'read' }>): Promise<ReadFigures> {
  const count = async (file: string) => {
    const table = await openTable(join(job.datasetDir, file));
    let rows = 0;
    for await (const _row of table.rows()) rows++;
    return rows;
  };
  const persons = await timed(() => count('persons.csv'));
  const events = await timed(() => count('events.csv'));
  return {
    personsRows: persons.result,
    eventsRows: events.result,
    personsMs: persons.ms,
    eventsMs: events.ms,
    rowsPerSecond: (persons.result + events.result) / ((persons.ms + events.ms) / 1000),
    maxRssBytes: maxRssBytes(),
  };
}

/** A Kysely plugin that keeps the compiled SQL of every query (to EXPLAIN what the service ran). */
function captureQueries(db: Db): { plugin: KyselyPlugin; queries: CompiledQuery[] } {
  const queries: CompiledQuery[] = [];
  return {
    queries,
    plugin: {
      transformQuery(args) {
        queries.push(db.getExecutor().compileQuery(args.node, args.queryId));
        return args.node;
      },
      async transformResult(args) {
        return args.result;
      },
    },
  };
}

/** EXPLAIN (ANALYZE, BUFFERS) of the SELECTs one search call runs, with their parameters. */
async function explainSearch(app: Application, actor: Actor, input: SearchInput): Promise<string> {
  const { plugin, queries } = captureQueries(app.db);
  const spy = createApplication({ db: app.db.withPlugin(plugin), crypto: app.crypto, clock: app.clock });
  await spy.persons.search(actor, input);
  const plans: string[] = [];
  for (const query of queries.filter((q) => /^\s*select/i.test(q.sql))) {
    const result = await app.db.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, [...query.parameters]),
    );
    plans.push(`-- ${query.sql}\n${result.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
  }
  return plans.join('\n\n');
}

export async function measureSearches(
  app: Application,
  actor: Actor,
  searches: SearchSpec[],
  options: { runs: number; warmup: number; budgetMs: number },
  log: Log,
  tag: string,
): Promise<{
  figures: Record<string, SearchFigures>;
  plans: Record<string, string>;
  errors: Record<string, string>;
  calls: number;
}> {
  const figures: Record<string, SearchFigures> = {};
  const errors: Record<string, string> = {};
  const plans: Record<string, string> = {};
  let calls = 0;
  for (const search of searches) {
    let returned = 0;
    let totals = 0;
    let hits = 0;
    let n = 0;
    let failure: string | undefined;
    const stats = await measureLatency(
      async (i) => {
        if (failure) return;
        const input = search.inputs[i % search.inputs.length] as SearchInput;
        const result = await app.persons.search(actor, input).catch((error: unknown) => {
          failure = `${JSON.stringify(input)}: ${error instanceof Error ? error.message : String(error)}`;
          return undefined;
        });
        if (!result) return;
        returned += result.items.length;
        totals += result.total;
        if (result.total > 0) hits++;
        n++;
      },
      { runs: options.runs, warmup: options.warmup, deadline: Date.now() + options.budgetMs },
    );
    calls += n;
    if (failure) {
      log(`${tag}${search.label}: FAILED: ${failure}`);
      errors[search.key] = failure;
      continue;
    }
    figures[search.key] = {
      ...stats,
      distinctInputs: new Set(search.inputs.map((i) => JSON.stringify(i))).size,
      meanRowsReturned: returned / Math.max(1, n),
      meanTotal: totals / Math.max(1, n),
      hitRate: hits / Math.max(1, n),
    };
    log(
      `${tag}${search.label}: p50 ${stats.p50Ms.toFixed(1)} ms, p95 ${stats.p95Ms.toFixed(1)} ms, p99 ${stats.p99Ms.toFixed(1)} ms (${stats.runs} runs${stats.stoppedEarly ? ', stopped early' : ''})`,
    );
    const first = search.inputs[0];
    if (first) {
      plans[search.key] = await explainSearch(app, actor, first);
      calls++;
    }
  }
  return { figures, plans, errors, calls };
}

async function tableFigures(db: Db): Promise<{ tables: ImportFigures['tables']; databaseBytes: number }> {
  const tables: ImportFigures['tables'] = {};
  for (const table of ['persons', 'register_events', 'person_places', 'audit_log'] as const) {
    const result = await sql<{ n: number; b: number }>`
      SELECT (SELECT count(*) FROM ${sql.table(table)})::int8 AS n,
        pg_total_relation_size(${table}::regclass)::int8 AS b`.execute(db);
    tables[table] = { rows: Number(result.rows[0]?.n), bytes: Number(result.rows[0]?.b) };
  }
  const size = await sql<{ b: number }>`SELECT pg_database_size(current_database())::int8 AS b`.execute(db);
  return { tables, databaseBytes: Number(size.rows[0]?.b) };
}

async function importJob(job: Extract<Job, { kind: 'import' }>, log: Log): Promise<ImportFigures> {
  const { target } = job;
  const opened = await timed(() =>
    target.engine === 'pglite'
      ? createDatabase({ kind: 'pglite', dataDir: target.dataDir })
      : createDatabase({ kind: 'postgres', url: target.url }),
  );
  const db = opened.result;
  const app = createApplication({ db, crypto: new SoftwareCryptoProvider(TEST_KEY) });
  try {
    const version = await sql<{ v: string }>`SELECT version() AS v`.execute(db);
    const serverVersion = version.rows[0]?.v.split(' on ')[0] ?? 'unknown';
    const migrated = await timed(() => migrate(db));
    const coverage = await timed(() => app.jurisdictions.loadCoverage(job.coverage));
    log(
      `opened in ${(opened.ms / 1000).toFixed(1)} s, migrated in ${(migrated.ms / 1000).toFixed(1)} s, coverage ${job.coverage} (${coverage.result.loaded} rows) in ${(coverage.ms / 1000).toFixed(1)} s`,
    );

    // The import, through the product's path.
    const expected = job.expectedRows.persons + job.expectedRows.events;
    const progress: ImportFigures['import']['progress'] = [];
    const firstOf = new Map<string, number>();
    const lastOf = new Map<string, number>();
    const rssBefore = process.memoryUsage.rss();
    const sampler = startRssSampler();
    const cpu0 = processCpuSeconds();
    const server0 = target.engine === 'postgres' ? postgresCpuSeconds() : undefined;
    const start = performance.now();
    let nextLog = 0;
    const step = Math.max(50_000, Math.round(expected / 20 / 50_000) * 50_000);
    let nextPoint = 0;
    const imported = await timed(() =>
      app.register.importDirectory(job.datasetDir, {
        username: 'bench',
        onProgress: ({ file, rows }) => {
          sampler.sample();
          const ms = performance.now() - start;
          if (!firstOf.has(file)) firstOf.set(file, ms);
          lastOf.set(file, ms);
          const done = (file === 'events.csv' ? job.expectedRows.persons : 0) + rows;
          if (done >= nextPoint) {
            progress.push({ file, rows, ms: Math.round(ms) });
            nextPoint = done + Math.min(step, 50_000);
          }
          if (done >= nextLog) {
            log(
              `import: ${file} ${rows.toLocaleString('en-US')} rows, ${((ms / 1000) | 0).toLocaleString('en-US')} s, RSS ${(process.memoryUsage.rss() / 2 ** 20).toFixed(0)} MiB`,
            );
            nextLog = done + step;
          }
        },
      }),
    );
    const server1 = target.engine === 'postgres' ? postgresCpuSeconds() : undefined;
    const cpu = processCpuSeconds() - cpu0;
    const peakSampled = sampler.stop();
    const maxRss = maxRssBytes();
    const result = imported.result;
    const rows = result.accepted + result.rejected + result.unchanged;
    const personsFirst = firstOf.get('persons.csv') ?? 0;
    const personsLast = lastOf.get('persons.csv') ?? personsFirst;
    const eventsLast = lastOf.get('events.csv') ?? personsLast;
    log(
      `import: ${rows} rows in ${(imported.ms / 1000).toFixed(1)} s (accepted ${result.accepted}, rejected ${result.rejected}, unchanged ${result.unchanged}, warnings ${result.warnings})`,
    );
    const sizes = await tableFigures(db);

    // Search latency as the county officer, on the register as the import left it.
    const actor: Actor = {
      userId: randomUUID(),
      username: 'bench-county',
      role: Role.CountyOfficer,
      scope: job.coverage,
    };
    const calls = job.search.runs + job.search.warmup;
    const searches = await buildSearches(
      join(job.datasetDir, 'persons.csv'),
      job.coverage,
      calls,
      job.search.seed,
    );
    const stats = await sql<{ a: string | null; aa: string | null }>`
      SELECT last_analyze::text AS a, last_autoanalyze::text AS aa FROM pg_stat_user_tables
      WHERE relname = 'persons'`.execute(db);
    const analyzed = Boolean(stats.rows[0]?.a ?? stats.rows[0]?.aa);
    const measured = await measureSearches(app, actor, searches, job.search, log, '');
    let afterAnalyze: Awaited<ReturnType<typeof measureSearches>> | undefined;
    let analyzeMs: number | undefined;
    if (!analyzed && job.search.analyze) {
      analyzeMs = (await timed(() => sql`ANALYZE`.execute(db))).ms;
      log(`ANALYZE in ${(analyzeMs / 1000).toFixed(1)} s; searching again`);
      afterAnalyze = await measureSearches(app, actor, searches, job.search, log, 'after ANALYZE: ');
    }
    return {
      engine: target.engine,
      serverVersion,
      openMs: opened.ms,
      migrateMs: migrated.ms,
      coverage: { ms: coverage.ms, rows: coverage.result.loaded },
      import: {
        ms: imported.ms,
        rows,
        rowsPerSecond: rows / (imported.ms / 1000),
        accepted: result.accepted,
        rejected: result.rejected,
        unchanged: result.unchanged,
        warnings: result.warnings,
        phases: {
          validateMs: personsFirst,
          personsMs: personsLast - personsFirst,
          eventsMs: eventsLast - personsLast,
          finishMs: imported.ms - eventsLast,
        },
        progress,
        rssBeforeBytes: rssBefore,
        peakRssSampledBytes: peakSampled,
        maxRssBytes: maxRss,
        processCpuSeconds: cpu,
        ...(server0 !== undefined && server1 !== undefined ? { serverCpuSeconds: server1 - server0 } : {}),
      },
      tables: sizes.tables,
      databaseBytes: sizes.databaseBytes,
      analyzedBySearch: analyzed,
      ...(analyzeMs !== undefined ? { analyzeMs } : {}),
      search: measured.figures,
      ...(afterAnalyze ? { searchAfterAnalyze: afterAnalyze.figures } : {}),
      plans: measured.plans,
      ...(afterAnalyze ? { plansAfterAnalyze: afterAnalyze.plans } : {}),
      searchErrors: { ...measured.errors, ...afterAnalyze?.errors },
      searchSamples: Object.fromEntries(searches.map((s) => [s.key, s.inputs.slice(0, 5)])),
      auditRowsWritten: measured.calls + (afterAnalyze?.calls ?? 0),
    };
  } finally {
    await app.close();
  }
}

export type JobResult = CopyFigures | ReadFigures | ImportFigures;

async function runJob(job: Job, log: Log): Promise<JobResult> {
  switch (job.kind) {
    case 'copy':
      return copyJob(job, log);
    case 'read':
      return readJob(job);
    case 'import':
      return importJob(job, log);
  }
}

const jobFlag = '--register-job=';

/** Runs the job in a child process (same Node and loader flags as this one); rejects when it fails. */
export function spawnJob<T extends JobResult>(job: Job, log: Log): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, import.meta.filename, `${jobFlag}${JSON.stringify(job)}`],
      { stdio: ['ignore', 'inherit', 'pipe', 'ipc'] },
    );
    let result: T | undefined;
    let failure = '';
    child.on('message', (message: { result?: T; error?: string; log?: string }) => {
      if (message.log) log(`${job.label}: ${message.log}`);
      if (message.result) result = message.result;
      if (message.error) failure = message.error;
    });
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (result && code === 0) resolve(result);
      else reject(new Error(`${job.label}: ${failure || `worker exited with ${signal ?? code}`}`));
    });
  });
}

const jobArg = process.argv.find((arg) => arg.startsWith(jobFlag));
if (jobArg && process.send) {
  const send = (message: object) =>
    new Promise<void>((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));
  const job = JSON.parse(jobArg.slice(jobFlag.length)) as Job;
  try {
    const result = await runJob(job, (message) => void send({ log: message }));
    await send({ result });
    process.disconnect();
  } catch (error) {
    await send({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exitCode = 1;
    process.disconnect();
  }
}
