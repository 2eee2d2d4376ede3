// Search latency on a register that is already imported (`renkou import register` into PostgreSQL),
// for a size whose full import does not fit the benchmark's time: the same searches, actor and
// measurement as register.bench.ts. Not part of `npm run bench`; run by hand:
//   DATABASE_URL=postgres://…/db RENKOU_MASTER_KEY=<hex of the import> \
//     npx tsx bench/register/search-existing.ts bench/.data/register/2m/persons.csv [label] [--out=NAME.json]
// The master key must be the import's: ID-number search goes through its blind index.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role, type Actor } from '@renkou/core';
import { createDatabase, sql } from '@renkou/db';
import { createApplication, SoftwareCryptoProvider } from '@renkou/server';
import { resultsDir } from '../lib/results';
import { buildSearches } from './search-queries';
import { measureSearches } from './worker';

const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const outName =
  process.argv.find((a) => a.startsWith('--out='))?.slice('--out='.length) ?? 'register-2m-search.json';
const [personsCsv, label = 'existing register'] = positional;
const url = process.env.DATABASE_URL;
const keyHex = process.env.RENKOU_MASTER_KEY;
if (!personsCsv || !url || !keyHex) {
  console.error(
    'usage: DATABASE_URL=… RENKOU_MASTER_KEY=… tsx bench/register/search-existing.ts PERSONS.csv [label]',
  );
  process.exit(2);
}
const db = await createDatabase({ kind: 'postgres', url });
const app = createApplication({ db, crypto: new SoftwareCryptoProvider(Buffer.from(keyHex, 'hex')) });
const coverage = '652926';
const actor: Actor = {
  userId: randomUUID(),
  username: 'bench-county',
  role: Role.CountyOfficer,
  scope: coverage,
};
const runs = 200;
const warmup = 20;
const counts = await sql<{ persons: string; events: string }>`
  SELECT (SELECT count(*) FROM persons)::text AS persons, (SELECT count(*) FROM register_events)::text AS events`.execute(
  db,
);
const searches = await buildSearches(personsCsv, coverage, runs + warmup, 0x5eed_0003);
const measured = await measureSearches(
  app,
  actor,
  searches,
  { runs, warmup, budgetMs: 60_000 },
  console.log,
  '',
);
const result = {
  name: 'register-search-existing',
  description: `person search latency on ${label}`,
  command: `tsx bench/register/search-existing.ts ${personsCsv} "${label}" --out=${outName}`,
  date: new Date().toISOString(),
  register: counts.rows[0],
  figures: measured.figures,
  errors: measured.errors,
  plans: measured.plans,
};
writeFileSync(join(resultsDir, outName), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify({ register: result.register, figures: result.figures }, null, 2));
await app.close();
