// Benefits at county scale (issue 5): screening of 奖扶 and 育儿补贴 over the whole register, a payment
// batch of up to 100,000 lines per programme, and its bank file as CSV and XLSX, with the time, CPU and
// peak RSS of each step (steps.ts says what each step calls).
//
// Data: a synthetic county of the generator (bench/register/datasets.ts; default `small`, 20 k persons,
// seed 3, 2010–2024, in bench/.data/benefits/<size>/, reused when the parameters match), imported by
// register.importDirectory into a fresh PostgreSQL database (bench/lib/postgres.ts), then the steps on
// the application of createApplication (SoftwareCryptoProvider with a fixed test key, system clock).
// A small county gives batches of a few hundred lines; the 2 M register is measured by hand with
// existing.ts on a database imported beforehand (its import alone takes longer than a benchmark may).
//
// Options: --size=small|demo  --lines=100000 (wanted per batch)  --sample=50 (cases per programme
// through the review services)  --date=2025-01-01 (screening day)  --period=2025  --keep (keep the
// database and print its name)
import { createDatabase, migrate } from '@renkou/db';
import { createApplication, SoftwareCryptoProvider } from '@renkou/server';
import { fmtInt, fmtSeconds } from '../lib/format';
import { createFreshDatabase, describeServer, serverUrl } from '../lib/postgres';
import type { BenchContext, BenchResult } from '../lib/types';
import { COVERAGE, datasetSpecs, ensureDataset } from '../register/datasets';
import { measureStep } from './measure';
import { benefitTables } from './report';
import { registerSize, runBenefitSteps, type StepOptions } from './steps';

export const name = 'benefits';
export const description =
  'benefits: screening 奖扶 and 育儿补贴 over a generated register, building a payment batch and its CSV/XLSX bank files (time, peak RSS)';

/** Fixed test key: the same ciphertexts on every run. */
const TEST_KEY = Buffer.from('72656e6b6f752d62656e63682d62656e65666974732d6b65792d303030303031', 'hex');

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const size = ctx.option('size') ?? 'small';
  const spec = datasetSpecs[size];
  if (!spec) throw new Error(`unknown size ${size}; known: ${Object.keys(datasetSpecs).join(', ')}`);
  const options: StepOptions = {
    scope: COVERAGE,
    screeningDate: ctx.option('date') ?? '2025-01-01',
    period: ctx.option('period') ?? '2025',
    enrolFrom: `${(ctx.option('period') ?? '2025').slice(0, 4)}-01`,
    targetLines: Number(ctx.option('lines') ?? 100_000),
    serviceSample: Number(ctx.option('sample') ?? 50),
    filesDir: ctx.dataDir,
    confirmJiangfuAmount: true,
  };
  const dataset = await ensureDataset(ctx.dataDir, spec, ctx.log);

  const fresh = await createFreshDatabase('renkou_bench_benefits');
  const keep = ctx.option('keep') !== undefined;
  if (!keep) ctx.defer(() => fresh.drop());
  ctx.log(`PostgreSQL ${fresh.serverVersion} at ${describeServer(serverUrl())}: database ${fresh.name}`);
  const db = await createDatabase({ kind: 'postgres', url: fresh.url });
  const app = createApplication({ db, crypto: new SoftwareCryptoProvider(TEST_KEY) });
  ctx.defer(() => app.close());
  await migrate(db);
  await app.jurisdictions.loadCoverage(COVERAGE);
  const imported = await measureStep(
    'import',
    `setup: register.importDirectory of the ${spec.label} county`,
    () => app.register.importDirectory(dataset.dir, { username: 'bench' }),
    (r) => ({ accepted: r.accepted, rejected: r.rejected }),
  );
  ctx.log(`import: ${fmtSeconds(imported.figures.ms)} ${JSON.stringify(imported.figures.detail)}`);
  const register = await registerSize(app);

  const result = await runBenefitSteps(app, options, ctx.log);
  const tables = benefitTables(
    { ...result, steps: [imported.figures, ...result.steps] },
    options,
    `${spec.label} (${fmtInt(register.persons)} persons, ${fmtInt(register.events)} events)`,
  );
  const notes = [...result.notes];
  if (keep) notes.push(`database kept: ${fresh.name}`);
  notes.push(
    `The 2 M register: DATABASE_URL=… RENKOU_MASTER_KEY=… npx tsx bench/benefits/existing.ts (see its header).`,
  );
  return {
    tables,
    figures: {
      dataset: { size, ...dataset.parameters, files: dataset.files },
      register,
      server: { version: fresh.serverVersion, at: describeServer(serverUrl()) },
      options: { ...options, filesDir: undefined },
      today: result.today,
      steps: [imported.figures, ...result.steps],
      programmes: result.programmes,
    },
    notes,
  };
}
