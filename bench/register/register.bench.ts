// The population register at county scale, on PGlite and PostgreSQL side by side (issue 3).
//
// Data: synthetic counties from the generator of `renkou generate` (@renkou/core createSyntheticCounty,
// written by the CLI's writeCounty) in bench/.data/register/<size>/, reused when the parameters match:
//   demo — 拜城县 (652926) at its 2020 census size, 231,113 persons, 2010–2024, seed 1;
//   2m   — the same coverage and years with 2,000,000 persons, seed 2.
// Import: a fresh database, `migrate`, createApplication (SoftwareCryptoProvider with a fixed test key),
// jurisdictions.loadCoverage('652926'), then register.importDirectory(dir) — wall time, rows/s over
// persons.csv + events.csv, the phases seen through onProgress (validation pass, persons, events,
// report), CPU seconds of this worker and of the local PostgreSQL server, peak RSS.
// Baseline: the database's own bulk load of the same two files into bare tables of text columns, in a
// fresh database (PostgreSQL: COPY FROM STDIN via pg-copy-streams; PGlite: COPY FROM '/dev/blob').
// The goal is import within 3× of COPY on PostgreSQL. Also timed: the product's CSV reader alone.
// Search: app.persons.search as a county officer (scope 652926), page size 20, seeded inputs from
// persons.csv — full ID number, 2–3 characters of a name, pinyin prefix, initials, birth date +
// township 652926100, page 2 of a village — p50/p95/p99 over --runs calls after --warmup calls, each
// call also writing its audit row. Goal: p95 < 50 ms on the 2 M register. When the import left the
// tables without planner statistics (the import does not ANALYZE; autovacuum may be off), the searches
// are measured again after an ANALYZE. EXPLAIN (ANALYZE, BUFFERS) of each search is in the result file.
// Every step (COPY, reader, import + search) runs in a worker process of its own (worker.ts), so each
// peak RSS (ru_maxrss) is that step's alone.
//
// Options: --sizes=demo,2m (or small: 20 k persons, a quick check of the benchmark itself)  --engines=pglite,postgres (default: both on demo, PostgreSQL only on 2m —
// PGlite would take hours; naming --engines applies it to every size)  --runs=200  --warmup=20
// --budget=60 (seconds per search kind before stopping early)  --no-analyze  --keep (keep PGlite folders)
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { adminUrl, createDatabase, sql } from '@renkou/db';
import { fmtBytes, fmtInt, fmtMs, fmtSeconds } from '../lib/format';
import { createFreshDatabase, describeServer, serverUrl } from '../lib/postgres';
import { resultsDir } from '../lib/results';
import type { BenchContext, BenchResult, Table } from '../lib/types';
import { COVERAGE, datasetSpecs, ensureDataset, type Dataset } from './datasets';
import {
  engineLabel,
  spawnJob,
  type CopyFigures,
  type EngineName,
  type ImportFigures,
  type ReadFigures,
  type SearchFigures,
  type Target,
} from './worker';

export const name = 'register';
export const description =
  'register import (demo county, 2 M persons) vs bare COPY, and person search latency, PGlite vs PostgreSQL';

const SEED = 0x5eed_0003;
const COPY_GOAL = 3;
const SEARCH_GOAL_MS = 50;
const DEFAULT_SIZES = ['demo', '2m'];

interface RunFigures {
  size: string;
  engine: EngineName;
  /** Set when the figures come from an earlier run's result file (a size not run this time). */
  earlierRun?: string;
  copy?: CopyFigures;
  import?: ImportFigures;
  failure?: string;
}
type Complete = RunFigures & { copy: CopyFigures; import: ImportFigures };

const searchLabels: Record<string, string> = {
  idNumber: 'full ID number (18 digits)',
  nameChars: '2–3 Chinese characters of a name',
  pinyinPrefix: 'pinyin prefix (3–6 letters)',
  initials: 'initials of a full name',
  birthDateTownship: 'birth date + township 652926100',
  villagePage2: 'village listing, page 2',
};

function list(value: string | undefined, fallback: string[]): string[] {
  return value ? value.split(',').map((s) => s.trim()) : fallback;
}

async function target(ctx: BenchContext, engine: EngineName, tag: string): Promise<Target> {
  if (engine === 'pglite') {
    const dataDir = join(ctx.dataDir, `pglite-${tag}-${Date.now()}`);
    if (ctx.option('keep') === undefined) ctx.defer(() => rmSync(dataDir, { recursive: true, force: true }));
    return { engine, dataDir };
  }
  const fresh = await createFreshDatabase(`renkou_bench_register_${tag}`);
  ctx.defer(() => fresh.drop());
  ctx.log(`PostgreSQL ${fresh.serverVersion} at ${describeServer(serverUrl())}: database ${fresh.name}`);
  return { engine, url: fresh.url };
}

async function release(ctx: BenchContext, t: Target): Promise<void> {
  if (t.engine === 'pglite') {
    if (ctx.option('keep') === undefined) rmSync(t.dataDir, { recursive: true, force: true });
    return;
  }
  // Dropped now to free the disk; the deferred drop then finds nothing.
  const dbName = new URL(t.url).pathname.slice(1);
  const admin = await createDatabase({ kind: 'postgres', url: adminUrl(serverUrl()), maxConnections: 1 });
  try {
    await sql.raw(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).execute(admin);
  } finally {
    await admin.destroy();
  }
}

interface EarlierSize {
  date: string;
  dataset: Dataset & { reader?: ReadFigures };
  results: RunFigures[];
}

/**
 * The sizes of the previous bench/results/register.json that this run does not measure, so that
 * `--sizes=demo` and `--sizes=2m` run one after the other leave both in the file (marked as earlier).
 */
function earlierSizes(skip: string[]): Record<string, EarlierSize> {
  const path = join(resultsDir, 'register.json');
  if (!existsSync(path)) return {};
  try {
    const file = JSON.parse(readFileSync(path, 'utf8')) as {
      date: string;
      figures?: {
        datasets?: Record<string, EarlierSize['dataset']>;
        results?: RunFigures[];
      };
    };
    const out: Record<string, EarlierSize> = {};
    for (const [size, dataset] of Object.entries(file.figures?.datasets ?? {})) {
      if (skip.includes(size) || !DEFAULT_SIZES.includes(size)) continue;
      out[size] = {
        date: file.date,
        dataset,
        results: (file.figures?.results ?? []).filter((r) => r.size === size),
      };
    }
    return out;
  } catch {
    return {};
  }
}

const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}×` : '–');
const pct = (part: number, whole: number) => (whole > 0 ? `${Math.round((100 * part) / whole)}%` : '–');

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const sizes = list(ctx.option('sizes'), DEFAULT_SIZES);
  const unknown = sizes.filter((s) => !datasetSpecs[s]);
  if (unknown.length)
    throw new Error(`unknown size(s) ${unknown.join(', ')}; known: ${Object.keys(datasetSpecs).join(', ')}`);
  const enginesOption = ctx.option('engines');
  const enginesFor = (size: string): EngineName[] => {
    const wanted = list(enginesOption, size === '2m' ? ['postgres'] : ['pglite', 'postgres']);
    // PostgreSQL first (so a slow PGlite run cannot starve it), then PGlite.
    return (['postgres', 'pglite'] as const).filter((e) => wanted.includes(e));
  };
  const runs = Number(ctx.option('runs') ?? 200);
  const warmup = Number(ctx.option('warmup') ?? 20);
  const budgetMs = Number(ctx.option('budget') ?? 60) * 1000;
  const analyze = ctx.option('no-analyze') === undefined;
  const notes: string[] = [];

  const datasets: Record<string, Dataset> = {};
  const reads: Record<string, ReadFigures> = {};
  const results: RunFigures[] = [];
  for (const size of sizes) {
    const spec = datasetSpecs[size];
    if (!spec) continue;
    const dataset = await ensureDataset(ctx.dataDir, spec, ctx.log);
    datasets[size] = dataset;
    reads[size] = await spawnJob<ReadFigures>(
      { kind: 'read', label: `${size} reader`, datasetDir: dataset.dir },
      ctx.log,
    );
    ctx.log(`${size}: the CSV reader alone: ${fmtSeconds(reads[size].personsMs + reads[size].eventsMs)}`);
    for (const engine of enginesFor(size)) {
      const label = `${size} ${engineLabel[engine]}`;
      const figures: RunFigures = { size, engine };
      results.push(figures);
      try {
        const copyTarget = await target(ctx, engine, `${size}_copy`);
        ctx.log(`${label}: COPY baseline…`);
        figures.copy = await spawnJob<CopyFigures>(
          { kind: 'copy', label: `${label} COPY`, datasetDir: dataset.dir, target: copyTarget },
          ctx.log,
        );
        await release(ctx, copyTarget);
        ctx.log(`${label}: COPY ${fmtSeconds(figures.copy.totalMs)}; import…`);
        const importTarget = await target(ctx, engine, `${size}_import`);
        figures.import = await spawnJob<ImportFigures>(
          {
            kind: 'import',
            label: `${label} import`,
            datasetDir: dataset.dir,
            target: importTarget,
            coverage: COVERAGE,
            expectedRows: { persons: dataset.personsRows, events: dataset.eventsRows },
            search: { runs, warmup, seed: SEED, budgetMs, analyze },
          },
          ctx.log,
        );
        await release(ctx, importTarget);
        ctx.log(
          `${label}: import ${fmtSeconds(figures.import.import.ms)} = ${ratio(figures.import.import.ms, figures.copy.totalMs)} COPY`,
        );
      } catch (error) {
        figures.failure = error instanceof Error ? error.message : String(error);
        ctx.log(`${label}: FAILED: ${figures.failure}`);
        notes.push(`${label} failed: ${figures.failure}`);
      }
    }
  }

  const earlier = earlierSizes(sizes);
  for (const [size, e] of Object.entries(earlier)) {
    datasets[size] = e.dataset;
    if (e.dataset.reader) reads[size] = e.dataset.reader;
    for (const r of e.results) results.push({ ...r, earlierRun: r.earlierRun ?? e.date });
    notes.push(
      `${size}: figures carried over from the run of ${e.date} (this run measured ${sizes.join(', ')}).`,
    );
  }

  const tables: Table[] = [];
  tables.push({
    title: 'Datasets (synthetic counties of the generator, coverage 652926, 2010-01-01 to 2024-12-31)',
    columns: ['size', 'seed', 'persons.csv rows', 'events.csv rows', 'files', 'generated', 'reader alone'],
    rows: Object.entries(datasets).map(([size, d]) => [
      size,
      d.spec.seed,
      fmtInt(d.personsRows),
      fmtInt(d.eventsRows),
      `${fmtBytes(d.personsBytes)} + ${fmtBytes(d.eventsBytes)}`,
      `${fmtSeconds(d.generateMs)}${d.reused ? ' (reused)' : ''}`,
      reads[size]
        ? `${fmtSeconds(reads[size].personsMs + reads[size].eventsMs)} (${fmtInt(reads[size].rowsPerSecond)} rows/s)`
        : '–',
    ]),
    footnotes: [
      'reader alone: one pass over both files with the import’s own CSV reader (openTable), no validation, no database; the import makes two passes.',
    ],
  });

  const ok = results.filter((r): r is Complete => r.import !== undefined && r.copy !== undefined);
  const columnOf = (r: RunFigures) => `${r.size} ${engineLabel[r.engine]}${r.earlierRun ? ' (earlier)' : ''}`;
  const columns = ok.map(columnOf);
  const row = (label: string, cell: (r: Complete) => string) => [label, ...ok.map(cell)];
  if (ok.length) {
    tables.push({
      title: 'Import: register.importDirectory vs the database’s bare COPY of the same files',
      columns: ['', ...columns],
      rows: [
        row('rows (persons + events)', (r) => fmtInt(r.import.import.rows)),
        row('accepted / rejected / unchanged', (r) =>
          [r.import.import.accepted, r.import.import.rejected, r.import.import.unchanged]
            .map(fmtInt)
            .join(' / '),
        ),
        row('import time', (r) => fmtSeconds(r.import.import.ms)),
        row('import rows/s', (r) => fmtInt(r.import.import.rowsPerSecond)),
        row('  validation pass (both files)', (r) => fmtSeconds(r.import.import.phases.validateMs)),
        row('  persons.csv applied', (r) => fmtSeconds(r.import.import.phases.personsMs)),
        row('  events.csv applied', (r) => fmtSeconds(r.import.import.phases.eventsMs)),
        row('  report + problems + audit', (r) => fmtSeconds(r.import.import.phases.finishMs)),
        row(
          '  worker CPU (node)',
          (r) =>
            `${fmtSeconds(r.import.import.processCpuSeconds * 1000)} (${pct(r.import.import.processCpuSeconds * 1000, r.import.import.ms)})`,
        ),
        row('  PostgreSQL server CPU', (r) =>
          r.import.import.serverCpuSeconds === undefined
            ? '(in process)'
            : `${fmtSeconds(r.import.import.serverCpuSeconds * 1000)} (${pct(r.import.import.serverCpuSeconds * 1000, r.import.import.ms)})`,
        ),
        row(
          'COPY time (persons + events)',
          (r) =>
            `${fmtSeconds(r.copy.totalMs)} (${fmtSeconds(r.copy.persons.ms)} + ${fmtSeconds(r.copy.events.ms)})`,
        ),
        row('COPY rows/s', (r) => fmtInt(r.copy.rowsPerSecond)),
        row(`import / COPY (goal ≤ ${COPY_GOAL}× on PostgreSQL)`, (r) =>
          ratio(r.import.import.ms, r.copy.totalMs),
        ),
        row('peak RSS: import worker', (r) => fmtBytes(r.import.import.maxRssBytes)),
        row('peak RSS: COPY worker', (r) => fmtBytes(r.copy.maxRssBytes)),
        row('database size after import', (r) => fmtBytes(r.import.databaseBytes)),
        row(
          '  register_events (rows, size)',
          (r) =>
            `${fmtInt(r.import.tables.register_events?.rows ?? NaN)}, ${fmtBytes(r.import.tables.register_events?.bytes ?? NaN)}`,
        ),
        row(
          '  persons (rows, size)',
          (r) =>
            `${fmtInt(r.import.tables.persons?.rows ?? NaN)}, ${fmtBytes(r.import.tables.persons?.bytes ?? NaN)}`,
        ),
        row(
          '  person_places (rows, size)',
          (r) =>
            `${fmtInt(r.import.tables.person_places?.rows ?? NaN)}, ${fmtBytes(r.import.tables.person_places?.bytes ?? NaN)}`,
        ),
        row('bare COPY tables size', (r) => fmtBytes(r.copy.persons.tableBytes + r.copy.events.tableBytes)),
      ],
      footnotes: [
        'Both on an empty database, each in a fresh worker process. rows/s counts the rows of persons.csv + events.csv.',
        'Phases from onProgress: validation = start → first persons progress (pass 1 reads both files, checks every row and the parents); report = after the last events row (import-report.csv, problem rows, audit).',
        'Peak RSS = ru_maxrss of the worker process; PGlite runs inside it, PostgreSQL does not. CPU: getrusage of the worker; PostgreSQL server CPU from /proc (postmaster and children).',
        'COPY baseline: bare tables of text columns, no constraints or indexes; PostgreSQL via pg-copy-streams, PGlite via COPY FROM /dev/blob.',
      ],
    });
  }

  const searchTable = (after: boolean): Table | undefined => {
    const withSearch = ok.filter((r) => (after ? r.import?.searchAfterAnalyze : r.import?.search));
    if (!withSearch.length) return undefined;
    const keys = Object.keys(searchLabels);
    const stats = (r: RunFigures, key: string): SearchFigures | undefined =>
      (after ? r.import?.searchAfterAnalyze : r.import?.search)?.[key];
    return {
      title: `Search latency (ms) of app.persons.search as county officer (scope ${COVERAGE}), ${runs} runs after ${warmup} warm-up calls${after ? ', after ANALYZE' : ', as the import left the tables'}`,
      columns: ['query', ...withSearch.flatMap((r) => [`${columnOf(r)} p50`, 'p95', 'p99', 'hits'])],
      rows: keys.map((key) => [
        searchLabels[key] ?? key,
        ...withSearch.flatMap((r) => {
          const s = stats(r, key);
          if (!s) return ['–', '', '', ''];
          const mark = s.stoppedEarly ? `*${s.runs}` : '';
          return [fmtMs(s.p50Ms), `${fmtMs(s.p95Ms)}${mark}`, fmtMs(s.p99Ms), fmtInt(s.meanTotal)];
        }),
      ]),
      footnotes: [
        `Page size 20; every call also writes its audit row. hits = mean total matches per call. Goal: p95 < ${SEARCH_GOAL_MS} ms on the 2 M register.`,
        '*N: stopped after N measured calls (the --budget per search kind ran out).',
      ],
    };
  };
  for (const table of [searchTable(false), searchTable(true)]) if (table) tables.push(table);

  for (const r of ok.filter((x) => !x.earlierRun)) {
    const label = `${r.size} ${engineLabel[r.engine]}`;
    const imp = r.import;
    if (imp.import.rows !== imp.import.accepted + imp.import.rejected + imp.import.unchanged)
      notes.push(`${label}: outcome counts do not add up.`);
    const expected = (datasets[r.size]?.personsRows ?? 0) + (datasets[r.size]?.eventsRows ?? 0);
    if (imp.import.rows !== expected)
      notes.push(`${label}: ${fmtInt(imp.import.rows)} outcomes for ${fmtInt(expected)} rows in the files.`);
    if (!imp.analyzedBySearch)
      notes.push(
        `${label}: persons had no planner statistics when the searches ran (the import does not ANALYZE${r.engine === 'postgres' ? '; autovacuum on this server: see pg_settings' : '; PGlite has no autovacuum'}).`,
      );
    for (const [key, error] of Object.entries(imp.searchErrors ?? {}))
      notes.push(`${label} ${key}: search failed: ${error}`);
    for (const [key, s] of Object.entries({ ...imp.search, ...imp.searchAfterAnalyze }))
      if (s.stoppedEarly) notes.push(`${label} ${key}: stopped early at ${s.runs} runs (budget).`);
  }
  if (sizes.includes('2m') && !enginesFor('2m').includes('pglite'))
    notes.push(
      'PGlite is measured on the demo county only: at its demo-county import rate the 2 M dataset would take hours (run it with --sizes=2m --engines=pglite).',
    );

  return {
    tables,
    figures: {
      seed: SEED,
      runs,
      warmup,
      budgetMs,
      goals: { importOverCopy: COPY_GOAL, searchP95Ms: SEARCH_GOAL_MS },
      datasets: Object.fromEntries(
        Object.entries(datasets).map(([size, d]) => [size, { ...d, reader: reads[size] }]),
      ),
      results,
    },
    notes,
  };
}
