// Comparison vectors ("gammas"): the level of every comparison for every pair, one byte each, in
// one Uint8Array (pair-major). Computed once, then reused by EM, scoring and reports.
import type { PreparedComparison } from './comparisons';
import { GroupingScratch } from './grouped-levels';

export function computeGammas(
  comparisons: readonly PreparedComparison[],
  left: Int32Array,
  right: Int32Array,
  length: number,
  onProgress?: (done: number) => void,
): Uint8Array {
  const width = comparisons.length;
  const gammas = new Uint8Array(length * width);
  const scratch = new GroupingScratch();
  // One pass per comparison keeps each level function monomorphic and its data in cache.
  for (let c = 0; c < width; c++) {
    const comparison = comparisons[c] as PreparedComparison;
    if (comparison.fillLevels) {
      comparison.fillLevels(left, right, length, gammas, width, c, scratch);
      onProgress?.(Math.round((length * (c + 1)) / width));
      continue;
    }
    comparison.reserve(length);
    fillPairByPair(comparison.levelOf, left, right, length, gammas, width, c);
    onProgress?.(Math.round((length * (c + 1)) / width));
  }
  return gammas;
}

/**
 * The pair loop of one comparison, in a function of its own: optimised during training, it stays so
 * when computeGammas is deoptimised on its first call for scoring (new feedback, seen with
 * --trace-deopt), instead of running that comparison's pairs in the interpreter until recompiled.
 */
function fillPairByPair(
  levelOf: (i: number, j: number) => number,
  left: Int32Array,
  right: Int32Array,
  length: number,
  out: Uint8Array,
  width: number,
  offset: number,
): void {
  for (let p = 0, at = offset; p < length; p++, at += width) {
    out[at] = levelOf(left[p] as number, right[p] as number);
  }
}
