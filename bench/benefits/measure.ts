// One measured step of the benefits benchmark: wall time, CPU seconds of this process, RSS before and
// the peak RSS during the step. The peak is sampled every 20 ms; when the process's lifetime high-water
// mark (ru_maxrss) rose during the step, that mark is the step's peak (it catches what the sampler
// misses while synchronous work holds the event loop, e.g. exceljs building a sheet).
import { maxRssBytes, startRssSampler } from '../lib/memory';

export interface StepFigures {
  key: string;
  label: string;
  ms: number;
  /** User + system CPU of this process (PostgreSQL's work is not in it). */
  cpuSeconds: number;
  rssBeforeBytes: number;
  peakRssBytes: number;
  /** What the step handled (persons screened, applications, lines, bytes …). */
  detail: Record<string, number | string | boolean | null>;
}

export async function measureStep<T>(
  key: string,
  label: string,
  fn: () => Promise<T>,
  detail: (result: T) => StepFigures['detail'] = () => ({}),
): Promise<{ result: T; figures: StepFigures }> {
  const rssBeforeBytes = process.memoryUsage.rss();
  const maxBefore = maxRssBytes();
  const cpu0 = process.cpuUsage();
  const sampler = startRssSampler(20);
  const start = performance.now();
  let result: T;
  try {
    result = await fn();
  } finally {
    sampler.stop();
  }
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  const sampled = sampler.stop();
  const maxAfter = maxRssBytes();
  return {
    result,
    figures: {
      key,
      label,
      ms,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      rssBeforeBytes,
      peakRssBytes: maxAfter > maxBefore ? Math.max(maxAfter, sampled) : sampled,
      detail: detail(result),
    },
  };
}
