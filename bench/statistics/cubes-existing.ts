// Statistics from the aggregate tables against the scan, side by side in one process, on a register
// that is already imported (the demo county's import takes minutes, longer than this benchmark
// needs). Not part of `npm run bench`; run by hand:
//   DATABASE_URL=postgres://…/db RENKOU_MASTER_KEY=<hex of the import> npx tsx bench/statistics/cubes-existing.ts [label]
// It rebuilds the tables (timed), then times each query by both methods (cold: first request of a
// fresh service; warm: median of 5 repeats in the same service with its kept results forgotten), an
// incremental refresh after one posted birth, and a second rebuild that must find nothing to correct.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role, type Actor } from '@renkou/core';
import { createDatabase, sql } from '@renkou/db';
import { createApplication, SoftwareCryptoProvider, type Application } from '@renkou/server';
import { resultsDir } from '../lib/results';

type StatsQuery = Parameters<Application['statistics']['compute']>[0];

const [label = 'existing register'] = process.argv.slice(2);
const url = process.env.DATABASE_URL;
const keyHex = process.env.RENKOU_MASTER_KEY;
if (!url || !keyHex) {
  console.error('usage: DATABASE_URL=… RENKOU_MASTER_KEY=… tsx bench/statistics/cubes-existing.ts [label]');
  process.exit(2);
}
const crypto = new SoftwareCryptoProvider(Buffer.from(keyHex, 'hex'));
const db = await createDatabase({ kind: 'postgres', url });
const open = () => createApplication({ db, crypto });
const seconds = (since: number) => (performance.now() - since) / 1000;
const register = (
  await sql<{ persons: string; events: string }>`
  SELECT (SELECT count(*) FROM persons)::text AS persons, (SELECT count(*) FROM register_events)::text AS events`.execute(
    db,
  )
).rows[0];

const started = performance.now();
const rebuilt = await open().statistics.cubes.rebuild();
console.log(`rebuild: ${seconds(started).toFixed(1)} s`, rebuilt?.cells);

const queries: [string, StatsQuery][] = [
  ['county + 14 townships, 2024', { jurisdiction: '652926', from: '2024-01-01', to: '2024-12-31' }],
  ['county + 14 townships, March 2024', { jurisdiction: '652926', from: '2024-03-01', to: '2024-03-31' }],
  ['county + 14 townships, 2010–2024', { jurisdiction: '652926', from: '2010-01-01', to: '2024-12-31' }],
  ['township + villages, 2024', { jurisdiction: '652926100', from: '2024-01-01', to: '2024-12-31' }],
];
const figures: Record<string, unknown>[] = [];
for (const [name, query] of queries) {
  const row: Record<string, unknown> = { query: name };
  for (const method of ['cubes', 'scan'] as const) {
    const app = open();
    let t = performance.now();
    await app.statistics.compute(query, method);
    row[`${method}_cold_s`] = Number(seconds(t).toFixed(3));
    const warm: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      t = performance.now();
      // The service keeps results per register version; forget them so that this request computes.
      (app.statistics as unknown as { results: Map<string, unknown> }).results.clear();
      await app.statistics.compute(query, method);
      warm.push(seconds(t));
    }
    warm.sort((a, b) => a - b);
    row[`${method}_warm_median_s`] = Number((warm[2] ?? 0).toFixed(3));
  }
  row.scan_over_cubes_warm = Number(
    ((row.scan_warm_median_s as number) / (row.cubes_warm_median_s as number)).toFixed(1),
  );
  console.log(row);
  figures.push(row);
}

const app = open();
let t = performance.now();
const trend = await app.statistics.computeTrend({
  jurisdiction: '652926',
  from: '2010-01',
  to: '2024-12',
  granularity: 'month',
});
const trendSeconds = seconds(t);
console.log(`trend, 180 months: ${trendSeconds.toFixed(3)} s (${trend.points.length} points)`);

// One birth through the form path, then the request that counts it (an incremental refresh).
const mother = (
  await sql<{ person_key: string; residence_code: string }>`
    SELECT person_key, residence_code FROM persons WHERE sex = 2 AND death_date IS NULL
      AND birth_date BETWEEN '1990-01-01' AND '1995-12-31' AND residence_code LIKE '652926100%'
    ORDER BY person_key LIMIT 1`.execute(db)
).rows[0];
if (!mother) throw new Error('no mother found');
const officer: Actor = {
  userId: randomUUID(),
  username: 'bench',
  role: Role.TownshipOfficer,
  scope: '652926100',
};
await app.persons.recordEvent(officer, {
  event_id: `bench-birth-${Date.now()}`,
  type: 'birth',
  date: '2024-12-30',
  mother_id: mother.person_key,
  name: '测试婴儿',
  sex: '1',
  hukou_code: mother.residence_code,
  residence_code: mother.residence_code,
});
t = performance.now();
await app.statistics.compute(queries[0]?.[1] as StatsQuery, 'cubes');
const afterBirthSeconds = seconds(t);
console.log(
  `first request after a posted birth (incremental refresh + query): ${afterBirthSeconds.toFixed(3)} s`,
);
const check = await app.statistics.cubes.rebuild();
console.log(`second rebuild: differences ${check?.differences}, ${check?.seconds.toFixed(1)} s`);

const sizes = (
  await sql<{ table: string; size: string }>`
    SELECT relname AS table, pg_size_pretty(pg_total_relation_size(relid)) AS size
    FROM pg_stat_user_tables WHERE relname LIKE 'stat_cube%' ORDER BY relname`.execute(db)
).rows;
const result = {
  name: 'statistics-cubes-existing',
  description: `statistics from the aggregate tables vs the scan on ${label} (PostgreSQL, one process)`,
  command: `tsx bench/statistics/cubes-existing.ts "${label}"`,
  date: new Date().toISOString(),
  register,
  rebuild: { seconds: rebuilt?.seconds, rows: rebuilt?.cells, persons: rebuilt?.persons },
  tableSizes: sizes,
  queries: figures,
  trendMonthly180Seconds: trendSeconds,
  firstRequestAfterPostedBirthSeconds: afterBirthSeconds,
  secondRebuild: { seconds: check?.seconds, differences: check?.differences },
};
writeFileSync(join(resultsDir, 'statistics-cubes.json'), `${JSON.stringify(result, null, 2)}\n`);
await db.destroy();
