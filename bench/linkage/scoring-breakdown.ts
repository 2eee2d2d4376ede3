// Where the scoring time of one benchmark dataset goes: the steps of linkRecords up to training, then
// the levels of each comparison timed on its own, then the weights. The sum is the benchmark's
// "scoring"; the parts tell which comparison to work on.
//
//   npx tsx bench/linkage/scoring-breakdown.ts cn_births [cn_births_2m …]
//   (ROUNDS=n times the levels n times, WEIGHT_ROUNDS=n the weights n more times)
import { join } from 'node:path';
import {
  computeGammas,
  generateCandidatePairs,
  prepareComparison,
  RecordSet,
  scorePairs,
  sortPairsByRight,
  trainModel,
} from '@renkou/core';
import { loadModel } from '../../packages/cli/src/commands/link-files';
import { datasets, modelsDir, tablesOf, type BenchDataset } from './datasets';
import { countyRegister } from './synthetic';

const keys = process.argv.slice(2);
for (const key of keys) {
  const dataset = datasets.find((d) => d.key === key) as BenchDataset | undefined;
  if (!dataset) throw new Error(`unknown dataset ${key}; one of ${datasets.map((d) => d.key).join(', ')}`);
  const log = (message: string) => process.stderr.write(`${key}: ${message}\n`);
  if (dataset.county) await countyRegister(dataset.county, log);
  const model = loadModel(join(modelsDir, dataset.model));
  const { tables } = await tablesOf(dataset, log);

  const records = new RecordSet(tables);
  const comparisons = model.comparisons.map((config) => prepareComparison(config, records));
  const pairs = sortPairsByRight(
    generateCandidatePairs(records, model.blocking.rules, model.blocking.maxBlockPairs),
    records.count,
  );
  const trained = trainModel(model, comparisons, records);
  global.gc?.();

  // One comparison at a time through computeGammas (each its own column of a narrower vector); with
  // ROUNDS=n, n times: later rounds find every value's facts prepared (the JIT warm, too).
  const parts: string[] = [];
  let total = 0;
  for (let round = Number(process.env.ROUNDS ?? 1); round > 0; round--) {
    parts.length = 0;
    total = 0;
    for (const comparison of comparisons) {
      const start = performance.now();
      computeGammas([comparison], pairs.left, pairs.right, pairs.length);
      const ms = performance.now() - start;
      total += ms;
      parts.push(`${comparison.name} ${ms.toFixed(0)}`);
    }
    if (round > 1) log(`levels (ms): ${parts.join(', ')}`);
  }
  const gammas = computeGammas(comparisons, pairs.left, pairs.right, pairs.length);
  const start = performance.now();
  scorePairs(trained, comparisons, gammas, pairs.left, pairs.length);
  const weightsMs = performance.now() - start;
  for (let k = 0; k < Number(process.env.WEIGHT_ROUNDS ?? 0); k++) {
    const again = performance.now();
    scorePairs(trained, comparisons, gammas, pairs.left, pairs.length);
    log(`weights again ${(performance.now() - again).toFixed(0)} ms`);
  }
  total += weightsMs;
  process.stdout.write(
    `${key}: ${pairs.length} pairs; levels (ms): ${parts.join(', ')}; weights ${weightsMs.toFixed(0)}; total ${total.toFixed(0)} ms, ${Math.round(pairs.length / (total / 1000))} pairs/s\n`,
  );
}
