// The CPU-heavy part of a register duplicates run (重复登记), on the register's persons in memory: the
// register against itself with models/register.json (core's linkRecords, dedupe), and every pair at or
// above REVIEW_AT with the weight of each comparison. Pure: it runs in the link worker or inline.
import { linkRecords, type ModelConfig, type RecordTable } from '@renkou/core';
import { comparisonWeights, REVIEW_AT, type ComparisonWeight, type LinkProgress } from './link-decisions';

export interface DuplicateInput {
  model: ModelConfig;
  persons: RecordTable;
}

export interface DuplicatePair {
  /** The smaller person key first (the table's order). */
  personKeyA: string;
  personKeyB: string;
  probability: number;
  matchWeight: number;
  comparisons: ComparisonWeight[];
}

export function findDuplicatePairs(
  { model, persons }: DuplicateInput,
  onProgress: LinkProgress = () => undefined,
): DuplicatePair[] {
  const result = linkRecords(model, [persons], {
    onProgress: (done, total) => onProgress('score', done, total),
  });
  const { left, right } = result.pairs;
  const found: DuplicatePair[] = [];
  for (let p = 0; p < result.pairs.length; p += 1) {
    const probability = result.scores.probabilities[p] as number;
    if (probability < REVIEW_AT) continue;
    const [a, b] = [result.ids[left[p] as number] as string, result.ids[right[p] as number] as string];
    found.push({
      personKeyA: a < b ? a : b,
      personKeyB: a < b ? b : a,
      probability,
      matchWeight: result.scores.weights[p] as number,
      comparisons: comparisonWeights(result, p),
    });
  }
  return found.sort((x, y) => y.probability - x.probability || (x.personKeyA < y.personKeyA ? -1 : 1));
}
