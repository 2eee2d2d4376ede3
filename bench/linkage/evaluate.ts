// Accuracy of one run against the truth, and of the trivial rule, with the core's evaluation
// functions (the same ones a county would use on its own labelled sample).
import {
  RecordSet,
  bCubed,
  bestPairwise,
  clusterPairwise,
  countTruePairs,
  generateCandidatePairs,
  pairwiseAt,
  probabilityFromWeight,
  recallCeiling,
  truthClusters,
  type LinkResult,
  type PairwiseScore,
  type RecordTable,
} from '@renkou/core';
import type { BenchDataset } from './datasets';

export interface Accuracy {
  truePairs: number;
  candidatePairs: number;
  recallCeiling: number;
  atThreshold: PairwiseScore;
  best: PairwiseScore;
  clusterPairwise: PairwiseScore;
  bCubed: { precision: number; recall: number; f1: number };
  trivial: PairwiseScore;
}

export function truthOf(
  dataset: BenchDataset,
  records: RecordSet,
  ids: readonly string[],
  given?: readonly string[],
): Int32Array {
  const labels =
    given ??
    (dataset.truthColumn
      ? records.column(dataset.truthColumn)
      : ids.map((id) => (dataset.truthFromId as (id: string) => string)(id)));
  return truthClusters(labels);
}

/** Same ID, or same name and date of birth: pairs that agree on every key of any rule. */
export function trivialRule(
  tables: RecordTable[],
  rules: string[][],
  truth: Int32Array,
  totalTrue: number,
): PairwiseScore {
  const records = new RecordSet(tables);
  const pairs = generateCandidatePairs(records, rules, Number.POSITIVE_INFINITY);
  const ones = new Float64Array(pairs.length).fill(1);
  return pairwiseAt(truth, pairs.left, pairs.right, ones, 1, totalTrue);
}

export function evaluate(
  dataset: BenchDataset,
  tables: RecordTable[],
  result: LinkResult,
  threshold: number,
  labels?: readonly string[],
): Accuracy {
  const { records, pairs, scores } = result;
  const truth = truthOf(dataset, records, result.ids, labels);
  const sizeA = records.isLink ? records.sizeA : undefined;
  const truePairs = countTruePairs(truth, sizeA);
  return {
    truePairs,
    candidatePairs: pairs.length,
    recallCeiling: recallCeiling(truth, pairs.left, pairs.right, pairs.length, truePairs),
    atThreshold: pairwiseAt(truth, pairs.left, pairs.right, scores.probabilities, threshold, truePairs),
    best: bestPairwise(truth, pairs.left, pairs.right, scores.weights, truePairs, probabilityFromWeight),
    clusterPairwise: clusterPairwise(result.clusters, truth, sizeA),
    bCubed: bCubed(result.clusters, truth),
    trivial: trivialRule(tables, dataset.trivialRules, truth, truePairs),
  };
}
