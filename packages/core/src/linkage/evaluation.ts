// Accuracy against known truth, as the published scores are computed: pairwise precision, recall
// and F1 over ALL true pairs (pairs never compared count as misses), at a threshold and at the best
// point, the blocking recall ceiling, and cluster-level B-cubed.

export interface PairwiseScore {
  threshold: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Truth as one integer cluster per record (records with equal numbers are the same person). */
export function truthClusters(labels: readonly string[]): Int32Array {
  const index = new Map<string, number>();
  const out = new Int32Array(labels.length);
  labels.forEach((label, i) => {
    let id = index.get(label);
    if (id === undefined) index.set(label, (id = index.size));
    out[i] = id;
  });
  return out;
}

/** All true pairs: within a cluster (dedupe), or across the two tables (link; A = records < sizeA). */
export function countTruePairs(truth: Int32Array, sizeA?: number): number {
  const a = new Map<number, number>();
  const b = new Map<number, number>();
  truth.forEach((t, i) => {
    const side = sizeA !== undefined && i >= sizeA ? b : a;
    side.set(t, (side.get(t) ?? 0) + 1);
  });
  let total = 0;
  if (sizeA === undefined) for (const k of a.values()) total += (k * (k - 1)) / 2;
  else for (const [t, k] of a) total += k * (b.get(t) ?? 0);
  return total;
}

function score(threshold: number, tp: number, fp: number, totalTrue: number): PairwiseScore {
  const precision = tp + fp > 0 ? tp / (tp + fp) : 1;
  const recall = totalTrue > 0 ? tp / totalTrue : 1;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    threshold,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: totalTrue - tp,
    precision,
    recall,
    f1,
  };
}

export function isTruePair(truth: Int32Array, left: Int32Array, right: Int32Array, p: number): boolean {
  return truth[left[p] as number] === truth[right[p] as number];
}

/** Pairs at or above `threshold` counted as predicted matches. */
export function pairwiseAt(
  truth: Int32Array,
  left: Int32Array,
  right: Int32Array,
  probabilities: ArrayLike<number>,
  threshold: number,
  totalTrue: number,
): PairwiseScore {
  let tp = 0;
  let fp = 0;
  for (let p = 0; p < probabilities.length; p++) {
    if ((probabilities[p] as number) < threshold) continue;
    if (isTruePair(truth, left, right, p)) tp++;
    else fp++;
  }
  return score(threshold, tp, fp, totalTrue);
}

/** The threshold with the best F1 (chosen with the labels: optimistic), sweeping distinct scores. */
export function bestPairwise(
  truth: Int32Array,
  left: Int32Array,
  right: Int32Array,
  weights: Float64Array,
  totalTrue: number,
  toProbability: (weight: number) => number,
): PairwiseScore {
  const order = Array.from({ length: weights.length }, (_, i) => i).sort(
    (x, y) => (weights[y] as number) - (weights[x] as number),
  );
  let tp = 0;
  let fp = 0;
  let best = score(Number.POSITIVE_INFINITY, 0, 0, totalTrue);
  for (let k = 0; k < order.length; k++) {
    const p = order[k] as number;
    if (isTruePair(truth, left, right, p)) tp++;
    else fp++;
    const next = order[k + 1];
    if (next !== undefined && weights[next] === weights[p]) continue; // ties move together
    const candidate = score(toProbability(weights[p] as number), tp, fp, totalTrue);
    if (candidate.f1 > best.f1) best = candidate;
  }
  return best;
}

/** Share of all true pairs that blocking compared at all: the best recall any threshold can reach. */
export function recallCeiling(
  truth: Int32Array,
  left: Int32Array,
  right: Int32Array,
  length: number,
  totalTrue: number,
): number {
  let found = 0;
  for (let p = 0; p < length; p++) if (isTruePair(truth, left, right, p)) found++;
  return totalTrue > 0 ? found / totalTrue : 1;
}

export interface BCubedScore {
  precision: number;
  recall: number;
  f1: number;
}

/** B-cubed: per record, the overlap of its predicted and its true cluster, averaged. */
export function bCubed(predicted: Int32Array, truth: Int32Array): BCubedScore {
  const n = predicted.length;
  const predictedSize = new Map<number, number>();
  const truthSize = new Map<number, number>();
  const both = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const p = predicted[i] as number;
    const t = truth[i] as number;
    predictedSize.set(p, (predictedSize.get(p) ?? 0) + 1);
    truthSize.set(t, (truthSize.get(t) ?? 0) + 1);
    const key = `${p}:${t}`;
    both.set(key, (both.get(key) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  for (let i = 0; i < n; i++) {
    const p = predicted[i] as number;
    const t = truth[i] as number;
    const shared = both.get(`${p}:${t}`) as number;
    precision += shared / (predictedSize.get(p) as number);
    recall += shared / (truthSize.get(t) as number);
  }
  precision /= n || 1;
  recall /= n || 1;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Pairwise score of the pairs a clustering implies (every two records in one predicted cluster). */
export function clusterPairwise(predicted: Int32Array, truth: Int32Array, sizeA?: number): PairwiseScore {
  const predictedPairs = countTruePairs(predicted, sizeA);
  const combined = new Map<string, number>();
  const tp = (() => {
    const joint = new Int32Array(predicted.length);
    predicted.forEach((p, i) => {
      const key = `${p}:${truth[i] as number}`;
      let id = combined.get(key);
      if (id === undefined) combined.set(key, (id = combined.size));
      joint[i] = id;
    });
    return countTruePairs(joint, sizeA);
  })();
  return score(Number.NaN, tp, predictedPairs - tp, countTruePairs(truth, sizeA));
}
