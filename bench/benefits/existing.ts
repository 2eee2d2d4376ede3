// The benefits steps (steps.ts) on a register that is already imported (`renkou import register` into
// PostgreSQL), for a size whose import does not fit a benchmark run (the 2 M register). Not part of
// `npm run bench`; run by hand:
//   DATABASE_URL=postgres://root@127.0.0.1:5432/renkou_2m RENKOU_MASTER_KEY=<hex of the import> \
//     npx tsx bench/benefits/existing.ts [--out=benefits-2m.json] [--lines=100000] [--sample=50]
//     [--date=2025-01-01] [--period=2025] [--scope=652926]
// The master key must be the import's: the register's sealed fields (ID numbers) are opened with it and
// bank accounts are sealed with it.
//
// It WRITES into that database (the point is to measure the writes): a county schedule confirming
// 奖扶's national amount for --scope from --date (append-only, once), yearly budgets of --period's year,
// up to --lines enrolments per programme (with their applications, trail, 公示 rows and audit rows) and
// one exported batch per programme for --period. A second run reuses the enrolments and finds the
// period already in batches: run it on a copy (createdb -T DB COPY) or pass another --period.
// Prints the tables and writes bench/results/<out> (default benefits-existing.json).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDatabase, sql } from '@renkou/db';
import { createApplication, SoftwareCryptoProvider } from '@renkou/server';
import { fmtInt, fmtSeconds } from '../lib/format';
import { maxRssBytes } from '../lib/memory';
import { machineInfo, resultsDir } from '../lib/results';
import { printTable } from '../lib/table';
import { benefitTables } from './report';
import { registerSize, runBenefitSteps, type StepOptions } from './steps';

const argv = process.argv.slice(2);
const option = (key: string): string | undefined =>
  argv.find((a) => a.startsWith(`--${key}=`))?.slice(key.length + 3);
const url = process.env.DATABASE_URL;
const keyHex = process.env.RENKOU_MASTER_KEY;
if (!url || !keyHex || !/^[0-9a-fA-F]{64}$/.test(keyHex)) {
  console.error(
    'usage: DATABASE_URL=postgres://…/DB RENKOU_MASTER_KEY=<64 hex> npx tsx bench/benefits/existing.ts [--out=NAME.json] [--lines=100000] [--sample=50] [--date=2025-01-01] [--period=2025] [--scope=652926]',
  );
  process.exit(2);
}
const outName = option('out') ?? 'benefits-existing.json';
const period = option('period') ?? '2025';
const parsedUrl = new URL(url);
const database = parsedUrl.pathname.slice(1);
const options: StepOptions = {
  scope: option('scope') ?? '652926',
  screeningDate: option('date') ?? '2025-01-01',
  period,
  enrolFrom: `${period.slice(0, 4)}-01`,
  targetLines: Number(option('lines') ?? 100_000),
  serviceSample: Number(option('sample') ?? 50),
  filesDir: join(import.meta.dirname, '..', '.data', 'benefits-existing', database),
  confirmJiangfuAmount: true,
};

const started = new Date();
const log = (message: string) =>
  process.stderr.write(
    `[benefits ${((Date.now() - started.getTime()) / 1000).toFixed(1).padStart(7)}s] ${message}\n`,
  );
const db = await createDatabase({ kind: 'postgres', url });
const app = createApplication({ db, crypto: new SoftwareCryptoProvider(Buffer.from(keyHex, 'hex')) });
try {
  const version = await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(db);
  const register = await registerSize(app);
  log(
    `${database} at ${parsedUrl.hostname}:${parsedUrl.port || '5432'}: ${fmtInt(register.persons)} persons, ${fmtInt(register.events)} events`,
  );
  const result = await runBenefitSteps(app, options, log);
  const tables = benefitTables(
    result,
    options,
    `${database} (${fmtInt(register.persons)} persons, ${fmtInt(register.events)} events)`,
  );
  for (const table of tables) printTable(table);
  if (result.notes.length) console.log(`\nNotes:\n${result.notes.map((n) => `- ${n}`).join('\n')}`);
  const durationMs = Date.now() - started.getTime();
  const file = {
    name: 'benefits-existing',
    description: `benefits steps on the already imported register ${database}`,
    command:
      `DATABASE_URL=postgres://${parsedUrl.username ? `${parsedUrl.username}@` : ''}${parsedUrl.host}/${database} RENKOU_MASTER_KEY=… npx tsx bench/benefits/existing.ts ${argv.join(' ')}`.trim(),
    date: started.toISOString(),
    durationSeconds: Math.round(durationMs / 100) / 10,
    processMaxRssBytes: maxRssBytes(),
    machine: machineInfo(),
    register: { database, ...register, postgres: version.rows[0]?.v },
    tables,
    figures: {
      options: { ...options, filesDir: undefined },
      today: result.today,
      steps: result.steps,
      programmes: result.programmes,
    },
    notes: result.notes,
  };
  writeFileSync(join(resultsDir, outName), `${JSON.stringify(file, null, 2)}\n`);
  console.log(
    `\n${fmtSeconds(durationMs)}; wrote bench/results/${outName}; bank files in ${options.filesDir}`,
  );
} finally {
  await app.close();
}
