// Comparison vectors ("gammas"): the level of every comparison for every pair, one byte each, in
// one Uint8Array (pair-major). Computed once, then reused by EM, scoring and reports.
import type { PreparedComparison } from './comparisons';

export function computeGammas(
  comparisons: readonly PreparedComparison[],
  left: Int32Array,
  right: Int32Array,
  length: number,
  onProgress?: (done: number) => void,
): Uint8Array {
  const width = comparisons.length;
  const gammas = new Uint8Array(length * width);
  // One pass per comparison keeps each level function monomorphic and its data in cache.
  for (let c = 0; c < width; c++) {
    const comparison = comparisons[c] as PreparedComparison;
    if (comparison.fillLevels) {
      comparison.fillLevels(left, right, length, gammas, width, c);
      onProgress?.(Math.round((length * (c + 1)) / width));
      continue;
    }
    comparison.reserve(length);
    const levelOf = comparison.levelOf;
    for (let p = 0, at = c; p < length; p++, at += width) {
      gammas[at] = levelOf(left[p] as number, right[p] as number);
    }
    onProgress?.(Math.round((length * (c + 1)) / width));
  }
  return gammas;
}
