// Match weights: prior log-odds + Σ log2(m/u) of each comparison's level (0 for a missing value)
// + the term-frequency adjustment of exact levels, w · (log2 u_exact − log2 tf(value)).
// Table lookups over the gammas; nothing is allocated per pair.
import { NULL_LEVEL, type PreparedComparison } from './comparisons';
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

/** Above this many combinations of levels the weights are summed per pair, not remembered. */
const MAX_PATTERNS = 1 << 16;

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
  const patterns = new LevelPatterns(comparisons);
  // Before its TF adjustments a pair's weight depends only on its levels (a few thousand
  // combinations): each combination's sum and probability are computed once, by the same additions
  // in the same order, so every weight keeps its bits and most pairs skip the power of two.
  const usePatterns = patterns.count <= MAX_PATTERNS;
  const patternWeight = new Float64Array(usePatterns ? patterns.count : 0).fill(Number.NaN);
  const patternProbability = new Float64Array(patternWeight.length);
  const weights = new Float64Array(length);
  const probabilities = new Float64Array(length);
  for (let p = 0, at = 0; p < length; p++, at += width) {
    const pattern = usePatterns ? patterns.of(gammas, at) : -1;
    let w = pattern >= 0 ? (patternWeight[pattern] as number) : Number.NaN;
    if (Number.isNaN(w)) {
      w = prior;
      for (let c = 0; c < width; c++) w += table[c * 256 + (gammas[at + c] as number)] as number;
      if (pattern >= 0) {
        patternWeight[pattern] = w;
        patternProbability[pattern] = probabilityFromWeight(w);
      }
    }
    let adjusted = false;
    for (const tf of tfColumns) {
      if (gammas[at + tf.c] === tf.exact) {
        // Both records hold the same value here, so either record's frequency serves.
        w += (tfWeights[tf.c] as number) * (tf.base - (tf.logTf[left[p] as number] as number));
        adjusted = true;
      }
    }
    weights[p] = w;
    probabilities[p] =
      adjusted || pattern < 0 ? probabilityFromWeight(w) : (patternProbability[pattern] as number);
  }
  return { weights, probabilities };
}

/** Numbers the combinations of levels of a pair: level l of comparison c, or its null level. */
class LevelPatterns {
  /** part[c · 256 + level]: the level's share of the pattern number. */
  private readonly part: Int32Array;
  readonly count: number;
  private readonly width: number;

  constructor(comparisons: readonly PreparedComparison[]) {
    this.width = comparisons.length;
    this.part = new Int32Array(this.width * 256);
    let stride = 1;
    comparisons.forEach((comparison, c) => {
      const levels = comparison.levelCount + 1; // + the null level
      for (let l = 0; l < comparison.levelCount; l++) this.part[c * 256 + l] = l * stride;
      this.part[c * 256 + NULL_LEVEL] = comparison.levelCount * stride;
      stride = Math.min(stride * levels, MAX_PATTERNS + 1);
    });
    this.count = stride;
  }

  of(gammas: Uint8Array, at: number): number {
    let pattern = 0;
    for (let c = 0; c < this.width; c++) pattern += this.part[c * 256 + (gammas[at + c] as number)] as number;
    return pattern;
  }
}
