// Wall-clock timing and latency percentiles.

export interface LatencyStats {
  runs: number;
  meanMs: number;
  minMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Nearest-rank percentile of an ascending array (p in 0–100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

export function latencyStats(samplesMs: readonly number[]): LatencyStats {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const sum = sorted.reduce((total, x) => total + x, 0);
  return {
    runs: sorted.length,
    meanMs: sorted.length ? sum / sorted.length : Number.NaN,
    minMs: sorted[0] ?? Number.NaN,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** Runs `fn` and returns its result with the elapsed milliseconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - start };
}

export interface LatencyOptions {
  warmup: number;
  runs: number;
  /** Stop measuring (with fewer runs) once this epoch-millisecond time has passed. */
  deadline?: number;
}

/**
 * Calls `fn(i)` sequentially: `warmup` unmeasured calls, then `runs` measured ones.
 * `i` counts from 0 across warm-up and measured calls, so callers can cycle through a sample.
 */
export async function measureLatency(
  fn: (i: number) => Promise<unknown>,
  options: LatencyOptions,
): Promise<LatencyStats & { stoppedEarly: boolean }> {
  let i = 0;
  for (let w = 0; w < options.warmup; w++) await fn(i++);
  const samples: number[] = [];
  let stoppedEarly = false;
  for (let r = 0; r < options.runs; r++) {
    if (options.deadline !== undefined && Date.now() > options.deadline) {
      stoppedEarly = true;
      break;
    }
    const start = performance.now();
    await fn(i++);
    samples.push(performance.now() - start);
  }
  return { ...latencyStats(samples), stoppedEarly };
}
