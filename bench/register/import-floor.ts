// The lowest time any import into Renkou's register tables could take, next to the bare COPY of the
// issue's baseline, in one run on the same server. The rows an import left in an existing database
// (register_events, persons, person_places, person_name_grams) are copied out, then loaded with
// COPY into a fresh database migrated to the product's schema (indexes, keys, checks): no parsing,
// validation, encryption or projection is left to do, so no import can be faster. Run by hand:
//   DATABASE_URL=postgres://…/imported npx tsx bench/register/import-floor.ts DATASET_DIR [--out=NAME.json]
import { createReadStream, createWriteStream, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { createDatabase, migrate } from '@renkou/db';
import { createFreshDatabase } from '../lib/postgres';
import { machineInfo, resultsDir } from '../lib/results';
import { timed } from '../lib/timing';
import { bareTable, headerOf } from './worker';
import { writeFileSync } from 'node:fs';

const TABLES = ['register_events', 'persons', 'person_places', 'person_name_grams'] as const;

const [datasetDir] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const outName =
  process.argv.find((a) => a.startsWith('--out='))?.slice('--out='.length) ?? 'register-import-floor.json';
const source = process.env.DATABASE_URL;
if (!datasetDir || !source) {
  console.error('usage: DATABASE_URL=… tsx bench/register/import-floor.ts DATASET_DIR [--out=NAME.json]');
  process.exit(2);
}
const work = join(import.meta.dirname, '..', '.data', 'import-floor');
mkdirSync(work, { recursive: true });

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

// 1. The import's rows, as COPY text files.
const rows: Record<string, number> = {};
await withClient(source, async (client) => {
  for (const table of TABLES) {
    const stream = client.query(copyTo(`COPY ${table} TO STDOUT`));
    await pipeline(stream, createWriteStream(join(work, `${table}.copy`)));
    rows[table] = Number(stream.rowCount);
  }
});

// 2. A fresh database with the product's schema; the same server takes the bare COPY.
const target = await createFreshDatabase('renkou_bench_floor');
try {
  const db = await createDatabase({ kind: 'postgres', url: target.url });
  await migrate(db);
  await db.destroy();
  const figures = await withClient(target.url, async (client) => {
    const load = async (sqlText: string, file: string) =>
      timed(async () => {
        const stream = client.query(copyFrom(sqlText));
        await pipeline(createReadStream(file), stream);
        return Number(stream.rowCount);
      });
    const bare: Record<string, { rows: number; ms: number }> = {};
    for (const name of ['persons', 'events'] as const) {
      const file = join(datasetDir, `${name}.csv`);
      await client.query(bareTable(`bare_${name}`, headerOf(file)));
      const run = await load(`COPY bare_${name} FROM STDIN WITH (FORMAT csv, HEADER true)`, file);
      bare[name] = { rows: run.result, ms: run.ms };
    }
    const floor: Record<string, { rows: number; ms: number; bytes: number }> = {};
    await client.query('BEGIN');
    for (const table of TABLES) {
      const file = join(work, `${table}.copy`);
      const run = await load(`COPY ${table} FROM STDIN`, file);
      floor[table] = { rows: run.result, ms: run.ms, bytes: statSync(file).size };
    }
    await client.query('COMMIT');
    return { bare, floor };
  });
  const bareMs = Object.values(figures.bare).reduce((sum, f) => sum + f.ms, 0);
  const floorMs = Object.values(figures.floor).reduce((sum, f) => sum + f.ms, 0);
  const result = {
    name: 'register-import-floor',
    description:
      'COPY of the rows an import wrote into the register tables with their indexes (the floor of any import) vs the bare COPY of the dataset files',
    command: `tsx bench/register/import-floor.ts ${datasetDir} --out=${outName}`,
    date: new Date().toISOString(),
    machine: machineInfo(),
    server: target.serverVersion,
    sourceRows: rows,
    bare: figures.bare,
    floor: figures.floor,
    bareMs,
    floorMs,
    floorOverBare: floorMs / bareMs,
  };
  writeFileSync(join(resultsDir, outName), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify({ bare: figures.bare, floor: figures.floor, bareMs, floorMs }, null, 2));
  console.log(`floor / bare COPY = ${(floorMs / bareMs).toFixed(1)}×`);
} finally {
  await target.drop();
}
