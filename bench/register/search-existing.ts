// Search latency on a register that is already imported (`renkou import register` into PostgreSQL),
// for a size whose full import does not fit the benchmark's time: the same searches, actor and
// measurement as register.bench.ts. Not part of `npm run bench`; run by hand:
//   DATABASE_URL=postgres://…/db RENKOU_MASTER_KEY=<hex of the import> \
//     npx tsx bench/register/search-existing.ts bench/.data/register/2m/persons.csv [label] [--out FILE] [--fixed] [--runs N]
// The master key must be the import's: ID-number search goes through its blind index. `--out` names
// the results file (in bench/results, default register-2m-search.json); `--fixed` adds the named
// searches of ADR 0015 (common and rare name fragments, common pinyin prefixes) to the sampled ones.
// Every call writes an audit row (person.search): run it on a copy of a database others read.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role, type Actor } from '@renkou/core';
import { createDatabase, sql } from '@renkou/db';
import { createApplication, SoftwareCryptoProvider } from '@renkou/server';
import { resultsDir } from '../lib/results';
import { buildSearches, fixedSearches } from './search-queries';
import { measureSearches } from './worker';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : undefined;
};
const outFile = option('--out') ?? 'register-2m-search.json';
const runsOption = option('--runs');
const fixed = args.includes('--fixed');
if (fixed) args.splice(args.indexOf('--fixed'), 1);
const [personsCsv, label = 'existing register'] = args;
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
const runs = Number(runsOption ?? 200);
const warmup = 20;
const counts = await sql<{ persons: string; events: string }>`
  SELECT (SELECT count(*) FROM persons)::text AS persons, (SELECT count(*) FROM register_events)::text AS events`.execute(
  db,
);
const searches = [
  ...(fixed ? fixedSearches : []),
  ...(await buildSearches(personsCsv, coverage, runs + warmup, 0x5eed_0003)),
];
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
  command: `tsx bench/register/search-existing.ts ${personsCsv} "${label}" --out ${outFile}${fixed ? ' --fixed' : ''}${runsOption ? ` --runs ${runsOption}` : ''}`,
  date: new Date().toISOString(),
  register: counts.rows[0],
  figures: measured.figures,
  errors: measured.errors,
  plans: measured.plans,
};
writeFileSync(join(resultsDir, outFile), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify({ register: result.register, figures: result.figures }, null, 2));
await app.close();
