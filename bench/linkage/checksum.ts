// SHA-256 of the gammas, weights and match probabilities of one benchmark dataset's linkage, to prove
// that a speed-up changes no result (compare before and after), and the scoring time of each run.
//
//   npx tsx bench/linkage/checksum.ts cn_births_2m [cn_births …] [--runs=3]   (LINK_LOG=1: the job's log)
//
// Several runs link again from the same tables (the register is built once): later runs show the
// scoring time without the first run's JIT warm-up, and must print the same checksums.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { linkRecords } from '@renkou/core';
import { loadModel } from '../../packages/cli/src/commands/link-files';
import { datasets, modelsDir, tablesOf, type BenchDataset } from './datasets';
import { countyRegister } from './synthetic';

const sha256 = (view: ArrayBufferView) =>
  createHash('sha256')
    .update(new Uint8Array(view.buffer, view.byteOffset, view.byteLength))
    .digest('hex');

const args = process.argv.slice(2);
const keys = args.filter((arg) => !arg.startsWith('--'));
const runs = Number(args.find((arg) => arg.startsWith('--runs='))?.slice('--runs='.length) ?? 1);
const unknown = keys.filter((key) => !datasets.some((d) => d.key === key));
if (keys.length === 0 || unknown.length > 0) {
  throw new Error(`usage: checksum.ts KEY… [--runs=N]; KEY among ${datasets.map((d) => d.key).join(', ')}`);
}

for (const key of keys) {
  const dataset = datasets.find((d) => d.key === key) as BenchDataset;
  const log = (message: string) => process.stderr.write(`${key}: ${message}\n`);
  if (dataset.county) await countyRegister(dataset.county, log);
  const model = loadModel(join(modelsDir, dataset.model));
  const { tables } = await tablesOf(dataset, log);

  for (let run = 1; run <= runs; run++) {
    global.gc?.();
    const result = linkRecords(model, tables, process.env.LINK_LOG ? { log } : {});
    const { scoringMs } = result.timings;
    const pairs = result.pairs.length;
    process.stdout.write(
      [
        `${key} run ${run}: ${pairs} pairs, scoring ${scoringMs.toFixed(0)} ms, ${Math.round(pairs / (scoringMs / 1000))} pairs/s`,
        `  gammas        ${sha256(result.gammas)}`,
        `  weights       ${sha256(result.scores.weights)}`,
        `  probabilities ${sha256(result.scores.probabilities)}`,
        '',
      ].join('\n'),
    );
  }
}
