// Training as Splink does it: u from random pairs, λ from strict deterministic rules, m by EM on
// blocked subsets in turns (each comparison learns its m in the sessions that do not block on it),
// and fixed m/u from the configuration left alone.
import { generateCandidatePairs, totalPairCount } from './blocking';
import { NULL_LEVEL, type PreparedComparison } from './comparisons';
import { runEm } from './em';
import { computeGammas } from './gammas';
import { expressionColumns } from './key-expressions';
import type { ModelConfig } from './model-config';
import { seededRandom } from './random';
import type { RecordSet } from './records';

export interface TrainedComparison {
  name: string;
  labels: string[];
  m: number[];
  u: number[];
  /** log2(m/u) per level. */
  weights: number[];
  exactLevel: number;
  tfWeight: number;
  /** How m was obtained: "fixed", "em" (sessions averaged) or "default" (no session could train it). */
  mSource: 'fixed' | 'em' | 'default';
}

export interface EmSessionReport {
  blocking: string;
  pairs: number;
  patterns: number;
  iterations: number;
  converged: boolean;
  lambda: number;
  trained: string[];
}

export interface TrainedModel {
  /** Probability that two random records match. */
  lambda: number;
  lambdaSource: string;
  comparisons: TrainedComparison[];
  uPairs: number;
  emSessions: EmSessionReport[];
}

const U_PSEUDO_COUNT = 0.5;

/** Default starting m: most mass on the first levels, a little on "else". */
function defaultM(levelCount: number): number[] {
  const raw = Array.from({ length: levelCount }, (_, l) => (l === levelCount - 1 ? 0.05 : 2 ** (-2 * l)));
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((x) => x / sum);
}

/** u per comparison from random pairs (all pairs when there are fewer than `maxPairs`). */
export function estimateU(
  comparisons: readonly PreparedComparison[],
  records: RecordSet,
  maxPairs: number,
  seed: number,
): { u: number[][]; pairs: number } {
  const counts = comparisons.map((c) => new Float64Array(c.levelCount));
  const total = totalPairCount(records);
  const tally = (i: number, j: number) => {
    for (let c = 0; c < comparisons.length; c++) {
      const level = (comparisons[c] as PreparedComparison).levelOfUncached(i, j);
      if (level !== NULL_LEVEL) {
        const row = counts[c] as Float64Array;
        row[level] = (row[level] as number) + 1;
      }
    }
  };
  let pairs = 0;
  const { sizeA, count, isLink } = records;
  if (total <= maxPairs) {
    for (let i = 0; i < (isLink ? sizeA : count); i++) {
      for (let j = isLink ? sizeA : i + 1; j < count; j++) tally(i, j);
    }
    pairs = total;
  } else {
    const random = seededRandom(0x7a11 ^ seed);
    for (; pairs < maxPairs; pairs++) {
      if (isLink) {
        tally(Math.floor(random() * sizeA), sizeA + Math.floor(random() * (count - sizeA)));
      } else {
        const i = Math.floor(random() * count);
        let j = Math.floor(random() * (count - 1));
        if (j >= i) j++;
        tally(i, j);
      }
    }
  }
  const u = counts.map((levels) => {
    const present = levels.reduce((a, b) => a + b, 0);
    return Array.from(levels, (k) => (k + U_PSEUDO_COUNT) / (present + U_PSEUDO_COUNT * levels.length));
  });
  return { u, pairs };
}

/** λ from strict rules: the pairs they find, scaled by their guessed recall, over all pairs. */
export function estimatePrior(
  records: RecordSet,
  rules: readonly (readonly string[])[],
  recall: number,
  maxBlockPairs: number,
): { lambda: number; rulePairs: number } {
  const found = generateCandidatePairs(
    records,
    rules.map((rule) => [...rule]),
    maxBlockPairs,
  );
  const total = Math.max(1, totalPairCount(records));
  const lambda = Math.min(0.5, Math.max(1e-12, found.length / recall / total));
  return { lambda, rulePairs: found.length };
}

function finish(
  comparisons: readonly PreparedComparison[],
  m: number[][],
  u: number[][],
  mSource: TrainedComparison['mSource'][],
): TrainedComparison[] {
  return comparisons.map((c, i) => {
    const mi = m[i] as number[];
    const ui = u[i] as number[];
    return {
      name: c.name,
      labels: c.labels,
      m: mi,
      u: ui,
      weights: mi.map((x, l) => Math.log2(Math.max(x, 1e-12) / Math.max(ui[l] as number, 1e-12))),
      exactLevel: c.exactLevel,
      tfWeight: c.tfWeight,
      mSource: mSource[i] as TrainedComparison['mSource'],
    };
  });
}

export function trainModel(
  model: ModelConfig,
  comparisons: readonly PreparedComparison[],
  records: RecordSet,
  log: (message: string) => void = () => undefined,
): TrainedModel {
  const { training } = model;
  const needU = comparisons.some((c) => !c.config.u);
  const estimated = needU
    ? estimateU(comparisons, records, training.uMaxPairs, training.seed)
    : { u: [] as number[][], pairs: 0 };
  const u = comparisons.map((c, i) => c.config.u ?? (estimated.u[i] as number[]));
  if (needU) log(`u estimated from ${estimated.pairs.toLocaleString('en-US')} random pairs`);

  // Prior.
  let lambda = 1e-4;
  let lambdaSource = 'default 1e-4';
  if (model.prior && 'probability' in model.prior) {
    lambda = model.prior.probability;
    lambdaSource = 'fixed';
  } else if (model.prior) {
    const prior = estimatePrior(records, model.prior.rules, model.prior.recall, model.blocking.maxBlockPairs);
    lambda = prior.lambda;
    lambdaSource = `${prior.rulePairs} pairs by strict rules / recall ${model.prior.recall}`;
  }

  // m by EM, session by session; a comparison's m is the mean over the sessions that trained it.
  const mSum = comparisons.map((c) => new Array<number>(c.levelCount).fill(0));
  const mSessions = comparisons.map(() => 0);
  const current = comparisons.map((c) => c.config.m ?? defaultM(c.levelCount));
  const sessions: EmSessionReport[] = [];
  const sessionRules = training.em.length
    ? training.em.map((s) => s.blocking)
    : model.blocking.rules.filter((r): r is string[] => r !== 'all');
  const needM = comparisons.some((c) => !c.config.m);
  for (const rule of needM ? sessionRules : []) {
    const blockedColumns = new Set(rule.flatMap(expressionColumns));
    const active = comparisons
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => !c.columns.some((col) => blockedColumns.has(col)))
      .map(({ i }) => i);
    const pairs = generateCandidatePairs(records, [rule], model.blocking.maxBlockPairs);
    if (pairs.length === 0 || active.length === 0) continue;
    const gammas = computeGammas(comparisons, pairs.left, pairs.right, pairs.length);
    const result = runEm({
      gammas,
      width: comparisons.length,
      active,
      levelCounts: comparisons.map((c) => c.levelCount),
      u,
      m: current,
      lambda: 0.3,
      maxIterations: training.maxIterations,
      tolerance: training.tolerance,
    });
    const trained: string[] = [];
    for (const i of active) {
      const comparison = comparisons[i] as PreparedComparison;
      if (comparison.config.m) continue;
      const estimate = result.m[i] as number[];
      current[i] = estimate;
      (mSum[i] as number[]).forEach((_, l, sum) => (sum[l] = (sum[l] as number) + (estimate[l] as number)));
      mSessions[i] = (mSessions[i] as number) + 1;
      trained.push(comparison.name);
    }
    if (!model.prior && sessions.length === 0) {
      // No strict rules given: scale the session's λ from its subset to all pairs (an underestimate).
      lambda = Math.max(1e-12, (result.lambda * pairs.length) / Math.max(1, totalPairCount(records)));
      lambdaSource = `EM on ${rule.join(' & ')}`;
    }
    sessions.push({
      blocking: rule.join(' & '),
      pairs: pairs.length,
      patterns: result.patterns,
      iterations: result.iterations,
      converged: result.converged,
      lambda: result.lambda,
      trained,
    });
    log(
      `EM on ${rule.join(' & ')}: ${pairs.length.toLocaleString('en-US')} pairs, ${result.iterations} iterations, λ ${result.lambda.toFixed(4)}`,
    );
  }
  const mSource: TrainedComparison['mSource'][] = [];
  const m = comparisons.map((c, i) => {
    if (c.config.m) {
      mSource.push('fixed');
      return [...c.config.m];
    }
    const n = mSessions[i] as number;
    if (n === 0) {
      mSource.push('default');
      return defaultM(c.levelCount);
    }
    mSource.push('em');
    return (mSum[i] as number[]).map((x) => x / n);
  });
  return {
    lambda,
    lambdaSource,
    comparisons: finish(comparisons, m, u, mSource),
    uPairs: estimated.pairs,
    emSessions: sessions,
  };
}
