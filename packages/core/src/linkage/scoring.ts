// Match weights: prior log-odds + Σ log2(m/u) of each comparison's level (0 for a missing value)
// + the term-frequency adjustment of exact levels, w · (log2 u_exact − log2 tf(value)).
// Table lookups over the gammas; nothing is allocated per pair.
import type { PreparedComparison } from './comparisons';
import type { TrainedModel } from './training';

export interface PairScores {
  weights: Float64Array;
  probabilities: Float64Array;
}

export function probabilityFromWeight(weight: number): number {
  const odds = 2 ** weight;
  return Number.isFinite(odds) ? odds / (1 + odds) : 1;
}

export function priorWeight(lambda: number): number {
  return Math.log2(lambda / (1 - lambda));
}

export function scorePairs(
  model: TrainedModel,
  comparisons: readonly PreparedComparison[],
  gammas: Uint8Array,
  left: Int32Array,
  length: number,
): PairScores {
  const width = comparisons.length;
  // table[c · 256 + level]; NULL_LEVEL (255) stays 0.
  const table = new Float64Array(width * 256);
  const tfColumns: { c: number; exact: number; logTf: Float64Array; base: number }[] = [];
  model.comparisons.forEach((trained, c) => {
    trained.weights.forEach((w, l) => (table[c * 256 + l] = w));
    const prepared = comparisons[c] as PreparedComparison;
    if (prepared.logTf && trained.exactLevel >= 0 && trained.tfWeight > 0) {
      tfColumns.push({
        c,
        exact: trained.exactLevel,
        logTf: prepared.logTf,
        base: Math.log2(trained.u[trained.exactLevel] as number),
      });
    }
  });
  const tfWeights = model.comparisons.map((t) => t.tfWeight);
  const prior = priorWeight(model.lambda);
  const weights = new Float64Array(length);
  const probabilities = new Float64Array(length);
  for (let p = 0, at = 0; p < length; p++, at += width) {
    let w = prior;
    for (let c = 0; c < width; c++) w += table[c * 256 + (gammas[at + c] as number)] as number;
    for (const tf of tfColumns) {
      if (gammas[at + tf.c] === tf.exact) {
        // Both records hold the same value here, so either record's frequency serves.
        w += (tfWeights[tf.c] as number) * (tf.base - (tf.logTf[left[p] as number] as number));
      }
    }
    weights[p] = w;
    probabilities[p] = probabilityFromWeight(w);
  }
  return { weights, probabilities };
}
