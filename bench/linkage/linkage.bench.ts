// Record linkage accuracy and speed on every file of ../shared/benchmarks/linkage/ that has truth,
// through the code path of `renkou link files`: the CLI's CSV reader and model loader, the core
// engine, the model files in bench/linkage/models/. Pairwise precision/recall/F1 over ALL true pairs
// (blocking misses count) at p = 0.5 and at the best threshold, B-cubed F1 of the clusters, the
// trivial rule (same ID, or same name and date of birth) and the published scores of SCORES.md.
// Speed: scored pairs per second on one core (comparison vectors + weights), end-to-end time of the
// full historical_50k file, peak memory.
//
// The generator's Chinese department files (cn_*): hospital births and civil-affairs deaths of a
// synthetic 拜城县 against its register's persons, with the generator's truth; cn_births_2m links
// 200,000 hospital births against a 2 M-person register for the speed figures.
//
// Options: --only=febrl3,fake_1000   (keys of bench/linkage/datasets.ts)
import { join } from 'node:path';
import { linkRecords, type LinkResult } from '@renkou/core';
import { loadModel } from '../../packages/cli/src/commands/link-files';
import { fmtBytes, fmtInt, fmtSeconds } from '../lib/format';
import { startRssSampler } from '../lib/memory';
import type { BenchContext, BenchResult, Table } from '../lib/types';
import { datasets, modelsDir, tablesOf, type BenchDataset } from './datasets';
import { evaluate, type Accuracy } from './evaluate';
import { countyRegister, forgetCounty } from './synthetic';

export const name = 'linkage';
export const description =
  "record linkage (Fellegi–Sunter) accuracy vs SCORES.md and the trivial rule on FEBRL, Splink and FEBRL-dsgen files and the generator's Chinese department files; scored pairs/s";

interface DatasetFigures {
  key: string;
  files: string[];
  model: string;
  records: number;
  accuracy: Accuracy;
  published: BenchDataset['published'];
  timings: LinkResult['timings'] & { readMs: number; endToEndMs: number };
  /** Building the register's persons from the county's persons.csv + events.csv (before the clock). */
  registerBuildMs?: number;
  scoredPairsPerSecond: number;
  peakRssBytes: number;
  blocking: LinkResult['pairs']['report'];
  lambda: number;
  emSessions: LinkResult['model']['emSessions'];
}

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '–');
const f4 = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : '–');

async function runDataset(ctx: BenchContext, dataset: BenchDataset): Promise<DatasetFigures> {
  const log = (m: string) => ctx.log(`${dataset.key}: ${m}`);
  const register = dataset.county ? await countyRegister(dataset.county, log) : undefined;
  global.gc?.();
  const sampler = startRssSampler();
  const start = performance.now();
  const model = loadModel(join(modelsDir, dataset.model));
  const loaded = await tablesOf(dataset, log);
  const { tables } = loaded;
  const readMs = performance.now() - start;
  const result = linkRecords(model, tables, { log });
  const endToEndMs = performance.now() - start;
  sampler.sample();
  const accuracy = evaluate(
    dataset,
    tables,
    result,
    model.threshold,
    'labels' in loaded ? loaded.labels : undefined,
  );
  const peakRssBytes = sampler.stop();
  const figures: DatasetFigures = {
    key: dataset.key,
    files: dataset.files,
    model: dataset.model,
    records: result.records.count,
    accuracy,
    published: dataset.published,
    timings: { ...result.timings, readMs, endToEndMs },
    ...(register ? { registerBuildMs: register.buildMs } : {}),
    scoredPairsPerSecond: result.pairs.length / (result.timings.scoringMs / 1000),
    peakRssBytes,
    blocking: result.pairs.report,
    lambda: result.model.lambda,
    emSessions: result.model.emSessions,
  };
  ctx.log(
    `${dataset.key}: F1 ${f4(accuracy.atThreshold.f1)} at p=0.5, best ${f4(accuracy.best.f1)}, B³ ${f4(accuracy.bCubed.f1)}, trivial ${f4(accuracy.trivial.f1)}; ${fmtInt(result.pairs.length)} pairs, ${fmtInt(figures.scoredPairsPerSecond)} pairs/s`,
  );
  return figures;
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const only = ctx.option('only')?.split(',');
  const selected = datasets.filter((d) => !only || only.includes(d.key));
  const results: DatasetFigures[] = [];
  for (const [at, dataset] of selected.entries()) {
    results.push(await runDataset(ctx, dataset));
    // A county's register is large (2 M persons): drop it after its last dataset.
    if (dataset.county && !selected.slice(at + 1).some((d) => d.county === dataset.county)) {
      forgetCounty(dataset.county);
    }
  }

  const accuracyTable: Table = {
    title: 'Accuracy: pairwise over ALL true pairs (blocking misses count); B³ = cluster-level B-cubed F1',
    columns: [
      'file',
      'records',
      'true pairs',
      'ceiling',
      'P @0.5',
      'R @0.5',
      'F1 @0.5',
      'best F1',
      'B³ F1',
      'trivial F1',
      'published best F1 (@0.5)',
    ],
    rows: results.map((r) => [
      r.key,
      fmtInt(r.records),
      fmtInt(r.accuracy.truePairs),
      f3(r.accuracy.recallCeiling),
      f4(r.accuracy.atThreshold.precision),
      f4(r.accuracy.atThreshold.recall),
      f4(r.accuracy.atThreshold.f1),
      f4(r.accuracy.best.f1),
      f4(r.accuracy.bCubed.f1),
      f4(r.accuracy.trivial.f1),
      r.published
        ?.map((p) => `${p.system} ${p.bestF1}${p.atHalfF1 !== undefined ? ` (${p.atHalfF1})` : ''}`)
        .join('; ') ?? '–',
    ]),
    footnotes: [
      'ceiling: share of true pairs that blocking compared (the best recall possible).',
      'best F1 picks the threshold with the labels (optimistic, as the published best F1); @0.5 uses match probability 0.5, fixed without labels.',
      'trivial: same ID number, or same first name + surname + date of birth (fake_1000: or same email), computed in this run.',
      'dsgen C published: FEBRL SVM (supervised) and best unsupervised two-step (Christen, AusDM 2007, Table 5).',
      "cn_*: synthetic 拜城县 (652926) from the generator, 2010–2024 (cn_births, cn_deaths: 231,113 persons, seed 1; cn_births_2m: 2 M persons, seed 2, first 200,000 hospital births), against the register persons built from its persons.csv + events.csv; truth = the generator's truth/*.csv (births the register lacks have no true pair). Trivial for births: same child ID, or same mother ID + birth date, or same name + birth date; for deaths: same ID, or same name + birth date.",
    ],
  };
  const speedTable: Table = {
    title: 'Speed (one core, one thread)',
    columns: ['file', 'candidate pairs', 'scoring', 'scored pairs/s', 'training', 'end-to-end', 'peak RSS'],
    rows: results.map((r) => [
      r.key,
      fmtInt(r.accuracy.candidatePairs),
      fmtSeconds(r.timings.scoringMs),
      fmtInt(r.scoredPairsPerSecond),
      fmtSeconds(r.timings.trainingMs),
      fmtSeconds(r.timings.endToEndMs),
      fmtBytes(r.peakRssBytes),
    ]),
    footnotes: [
      'scoring = comparison vectors of every candidate pair (all comparisons) + match weights with TF adjustment; scored pairs/s = candidate pairs / scoring time.',
      'end-to-end = read CSV + prepare + block + train (u sampling, prior, EM) + score + cluster (not the evaluation). cn_*: the register persons are built from the county files before the clock (a register export); the department file is read on it.',
      'Splink + DuckDB reference: ~1.0 M pairs/s on 8 vCPUs (Linacre 2023).',
    ],
  };
  const notes: string[] = [];
  for (const r of results) {
    for (const p of r.published ?? []) {
      if (p.system.startsWith('Splink') && r.key !== 'historical_50k') {
        notes.push(
          `${r.key}: best F1 ${f4(r.accuracy.best.f1)} vs ${p.system} ${p.bestF1} — ${r.accuracy.best.f1 >= p.bestF1 ? 'at or above' : 'BELOW'}.`,
        );
      }
    }
    if (r.key.startsWith('cn_births')) {
      notes.push(
        `${r.key}: F1 ${f4(r.accuracy.atThreshold.f1)} at p=0.5, best ${f4(r.accuracy.best.f1)} — goal ≥ 0.98 ${r.accuracy.atThreshold.f1 >= 0.98 ? 'met at p=0.5' : r.accuracy.best.f1 >= 0.98 ? 'met at the best threshold only' : 'NOT met'}; ${fmtInt(r.records)} records, ${fmtInt(r.accuracy.candidatePairs)} pairs, ${fmtInt(r.scoredPairsPerSecond)} scored pairs/s, end-to-end ${fmtSeconds(r.timings.endToEndMs)}, peak RSS ${fmtBytes(r.peakRssBytes)}.`,
      );
    }
    if (r.key === 'historical_50k') {
      notes.push(
        `historical_50k (full file): F1 ${f4(r.accuracy.atThreshold.f1)} at p=0.5, best ${f4(r.accuracy.best.f1)} — goal > 0.80 ${r.accuracy.best.f1 > 0.8 ? 'met (best)' : 'NOT met'}; end-to-end ${fmtSeconds(r.timings.endToEndMs)}.`,
      );
    }
  }
  return {
    tables: [accuracyTable, speedTable],
    figures: { datasets: results },
    notes,
  };
}
