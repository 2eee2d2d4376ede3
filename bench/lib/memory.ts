// Peak resident set size of this process, sampled on a timer. Work that holds the event loop
// (a PGlite statement runs synchronously in WebAssembly) is only seen between statements, so the
// process-wide high-water mark (`maxRssBytes`) is reported alongside.

export interface RssSampler {
  /** Takes a sample now (call between steps that block the event loop). */
  sample(): void;
  /** Stops sampling; the highest RSS seen since start, in bytes. */
  stop(): number;
}

export function startRssSampler(intervalMs = 50): RssSampler {
  let peak = process.memoryUsage.rss();
  const sample = () => {
    const rss = process.memoryUsage.rss();
    if (rss > peak) peak = rss;
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    sample,
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

/** The process's lifetime peak RSS in bytes (getrusage ru_maxrss). */
export function maxRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}
