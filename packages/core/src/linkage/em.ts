// Expectation–maximisation for Fellegi–Sunter m probabilities with u held fixed (Splink's recipe):
// the comparison vectors of one blocked subset are grouped into distinct patterns, and EM alternates
// the posterior match probability of each pattern with the m it implies. λ is re-estimated inside
// the session (the subset is enriched in matches) and is not the model's prior.
import { NULL_LEVEL } from './comparisons';

export interface EmInput {
  /** Pair-major gammas with `width` comparisons per pair. */
  gammas: Uint8Array;
  width: number;
  /** Comparisons that take part (not the ones the session blocks on). */
  active: readonly number[];
  levelCounts: readonly number[];
  /** Fixed u per comparison and level. */
  u: readonly (readonly number[])[];
  /** Starting m per comparison and level; only active comparisons are updated. */
  m: readonly (readonly number[])[];
  lambda: number;
  maxIterations: number;
  tolerance: number;
}

export interface EmResult {
  m: number[][];
  lambda: number;
  iterations: number;
  converged: boolean;
  patterns: number;
}

const M_FLOOR = 1e-6;

/** Groups identical comparison vectors (over the active comparisons) with their counts. */
export function countPatterns(
  gammas: Uint8Array,
  width: number,
  active: readonly number[],
): { patterns: Uint8Array; counts: Float64Array } {
  const index = new Map<string, number>();
  const counts: number[] = [];
  const rows: number[] = [];
  const pairs = gammas.length / width;
  const codes = new Array<number>(active.length);
  for (let p = 0; p < pairs; p++) {
    for (let k = 0; k < active.length; k++) codes[k] = gammas[p * width + (active[k] as number)] as number;
    const key = String.fromCharCode(...codes);
    let id = index.get(key);
    if (id === undefined) {
      id = counts.length;
      index.set(key, id);
      counts.push(0);
      rows.push(...codes);
    }
    counts[id] = (counts[id] as number) + 1;
  }
  return { patterns: Uint8Array.from(rows), counts: Float64Array.from(counts) };
}

export function runEm(input: EmInput): EmResult {
  const { active } = input;
  const { patterns, counts } = countPatterns(input.gammas, input.width, active);
  const n = counts.length;
  const k = active.length;
  const m = input.m.map((levels) => [...levels]);
  let lambda = input.lambda;
  let iterations = 0;
  let converged = false;
  const total = counts.reduce((a, b) => a + b, 0);
  for (; iterations < input.maxIterations && !converged; iterations++) {
    // E-step: posterior match probability per pattern.
    const sums = active.map((c) => new Float64Array(input.levelCounts[c] as number));
    const present = new Float64Array(k);
    let matches = 0;
    for (let p = 0; p < n; p++) {
      let pm = lambda;
      let pu = 1 - lambda;
      for (let a = 0; a < k; a++) {
        const level = patterns[p * k + a] as number;
        if (level === NULL_LEVEL) continue;
        const c = active[a] as number;
        pm *= (m[c] as number[])[level] as number;
        pu *= (input.u[c] as number[])[level] as number;
      }
      const posterior = pm / (pm + pu);
      const weight = (counts[p] as number) * (Number.isFinite(posterior) ? posterior : 0);
      matches += weight;
      for (let a = 0; a < k; a++) {
        const level = patterns[p * k + a] as number;
        if (level === NULL_LEVEL) continue;
        (sums[a] as Float64Array)[level] = ((sums[a] as Float64Array)[level] as number) + weight;
        present[a] = (present[a] as number) + weight;
      }
    }
    // M-step.
    let change = Math.abs(matches / total - lambda);
    lambda = Math.min(1 - 1e-9, Math.max(1e-9, matches / total));
    for (let a = 0; a < k; a++) {
      const c = active[a] as number;
      const levels = m[c] as number[];
      const denom = present[a] as number;
      if (denom <= 0) continue;
      for (let l = 0; l < levels.length; l++) {
        const next = Math.max(M_FLOOR, ((sums[a] as Float64Array)[l] as number) / denom);
        change = Math.max(change, Math.abs(next - (levels[l] as number)));
        levels[l] = next;
      }
    }
    if (change < input.tolerance) converged = true;
  }
  return { m, lambda, iterations, converged, patterns: n };
}
