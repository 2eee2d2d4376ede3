// Register duplicates (重复登记) on a generated county: persons registered a second time by clerks in
// four ways (testing/register-twice.ts), then the register run (source 'register', models/register.json,
// in the worker thread as in the product), measured against that truth, beside the trivial rule (same
// ID number, or same name and birth date) computed in the same run. Not part of `npm run bench`; run by
// hand on the local PostgreSQL:
//   npx tsx bench/register/duplicates.ts [--dataset=small|demo] [--twice=200] [--out=register-duplicates.json]
import { join } from 'node:path';
import { createDatabase, migrate } from '@renkou/db';
import { createApplication, SoftwareCryptoProvider } from '@renkou/server';
import { registerTwice, TWICE_WAYS } from '../../packages/server/src/testing/register-twice';
import { fmtInt, fmtSeconds } from '../lib/format';
import { maxRssBytes, startRssSampler } from '../lib/memory';
import { createFreshDatabase, describeServer } from '../lib/postgres';
import { machineInfo, writeResult } from '../lib/results';
import { formatTable } from '../lib/table';
import type { Table } from '../lib/types';
import { datasetSpecs, ensureDataset } from './datasets';

const argv = process.argv.slice(2);
const option = (key: string) => argv.find((a) => a.startsWith(`--${key}=`))?.slice(key.length + 3);
const spec = datasetSpecs[option('dataset') ?? 'small'];
if (!spec) throw new Error(`unknown dataset; one of ${Object.keys(datasetSpecs).join(', ')}`);
const twice = Number(option('twice') ?? 200);
const started = Date.now();
const log = (message: string) =>
  process.stderr.write(
    `[duplicates ${((Date.now() - started) / 1000).toFixed(1).padStart(7)}s] ${message}\n`,
  );

const dataset = await ensureDataset(join(import.meta.dirname, '..', '.data', 'register'), spec, log);
const fresh = await createFreshDatabase('renkou_bench_dups');
const db = await createDatabase({ kind: 'postgres', url: fresh.url });
try {
  await migrate(db);
  const app = createApplication({ db, crypto: new SoftwareCryptoProvider(Buffer.alloc(32, 7)) });
  await app.jurisdictions.loadCoverage('652926');
  log(`importing ${dataset.dir}`);
  const imported = Date.now();
  await app.register.importDirectory(dataset.dir, { username: 'bench' });
  const importMs = Date.now() - imported;
  log(`registering ${twice} persons a second time`);
  const { truth, ways } = await registerTwice(app, twice);

  const sampler = startRssSampler();
  const ran = Date.now();
  const result = await app.records.runs.run('register', 'bench');
  const runMs = Date.now() - ran;
  const runPeak = sampler.stop();
  log(`run done in ${fmtSeconds(runMs)}: ${result.pairs.length} pairs`);

  const isTrue = (a: string, b: string) => truth.get(a) === b || truth.get(b) === a;
  const score = (pairs: { a: string; b: string }[]) => {
    const right = pairs.filter((p) => isTrue(p.a, p.b));
    const precision = pairs.length === 0 ? 1 : right.length / pairs.length;
    const recall = right.length / truth.size;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { pairs: pairs.length, right: right.length, precision, recall, f1, found: right };
  };
  const model = (at: number) =>
    score(result.pairs.filter((p) => p.probability >= at).map((p) => ({ a: p.personKeyA, b: p.personKeyB })));
  const trivial = score(trivialPairs(await registerRows()));

  async function registerRows() {
    const rows = await db
      .selectFrom('persons')
      .select(['person_key', 'sensitive', 'name', 'birth_date'])
      .where('status', '<>', 'merged')
      .execute();
    return rows.map((r) => ({
      key: r.person_key,
      id: app.register.cipher.openPerson(r.sensitive).idNumber ?? '',
      nameBirth: `${r.name}|${r.birth_date}`,
    }));
  }
  const rows: (string | number)[][] = [
    ['model, p ≥ 0.9 (likely)', ...cells(model(0.9))],
    ['model, p ≥ 0.5 (listed)', ...cells(model(0.5))],
    ['trivial rule: same ID, or same name and birth date', ...cells(trivial)],
  ];
  const byWay = TWICE_WAYS.map((label, way) => {
    const keys = [...ways].filter(([, w]) => w === way).map(([key]) => key);
    const foundKeys = new Set(model(0.5).found.flatMap((p) => [p.a, p.b]));
    const trivialKeys = new Set(trivial.found.flatMap((p) => [p.a, p.b]));
    return [
      label,
      fmtInt(keys.length),
      fmtInt(keys.filter((k) => foundKeys.has(k)).length),
      fmtInt(keys.filter((k) => trivialKeys.has(k)).length),
    ];
  });
  const tables: Table[] = [
    {
      title: `Register duplicates on ${spec.label}: ${fmtInt(result.counts.persons ?? 0)} persons, ${fmtInt(twice)} registered twice`,
      columns: ['rule', 'listed pairs', 'of them true', 'precision', 'recall', 'F1'],
      rows,
    },
    {
      title: 'Second records found, by how they were written',
      columns: ['way', 'records', 'model (p ≥ 0.5)', 'trivial rule'],
      rows: byWay,
    },
    {
      title: 'Time and memory (PostgreSQL ' + describeServer(fresh.url) + ')',
      columns: ['step', 'time', 'peak RSS'],
      rows: [
        ['import of the generated register', fmtSeconds(importMs), '–'],
        [
          'register run: load, link in the worker, store pairs',
          fmtSeconds(runMs),
          `${(runPeak / 2 ** 20).toFixed(0)} MiB`,
        ],
      ],
    },
  ];
  for (const table of tables) console.log(formatTable(table));
  const path = writeResult({
    name: (option('out') ?? `register-duplicates-${spec.key}.json`).replace(/\.json$/, ''),
    description:
      'register duplicates: persons registered twice, found by the register run, vs the trivial rule',
    command: `npx tsx bench/register/duplicates.ts --dataset=${spec.key} --twice=${twice}`,
    date: new Date(started).toISOString(),
    durationSeconds: (Date.now() - started) / 1000,
    withinTimeLimit: true,
    processMaxRssBytes: maxRssBytes(),
    machine: machineInfo(),
    tables,
    figures: {
      persons: result.counts.persons,
      registeredTwice: twice,
      importMs,
      runMs,
      runPeakRssBytes: runPeak,
      model09: withoutFound(model(0.9)),
      model05: withoutFound(model(0.5)),
      trivial: withoutFound(trivial),
    },
  });
  log(`wrote ${path}`);
} finally {
  await db.destroy();
  await fresh.drop();
}

function withoutFound<T extends { found: unknown }>({ found: _found, ...rest }: T) {
  return rest;
}

function cells(s: { pairs: number; right: number; precision: number; recall: number; f1: number }) {
  return [fmtInt(s.pairs), fmtInt(s.right), s.precision.toFixed(4), s.recall.toFixed(4), s.f1.toFixed(4)];
}

/** Pairs with the same ID number, or the same name and birth date (each pair once). */
function trivialPairs(rows: { key: string; id: string; nameBirth: string }[]): { a: string; b: string }[] {
  const pairs = new Map<string, { a: string; b: string }>();
  for (const field of ['id', 'nameBirth'] as const) {
    const groups = new Map<string, string[]>();
    for (const row of rows) {
      if (row[field] === '') continue;
      const group = groups.get(row[field]) ?? [];
      group.push(row.key);
      groups.set(row[field], group);
    }
    for (const group of groups.values())
      for (let i = 0; i < group.length; i += 1)
        for (let j = i + 1; j < group.length; j += 1) {
          const [a, b] = [group[i] as string, group[j] as string].sort() as [string, string];
          pairs.set(`${a}|${b}`, { a, b });
        }
  }
  return [...pairs.values()];
}
