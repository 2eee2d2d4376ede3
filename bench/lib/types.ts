// The contract between the runner (bench/run.ts) and a benchmark (bench/<name>/<name>.bench.ts).

/** A table as printed on the console and stored in the result file. */
export interface Table {
  title: string;
  columns: string[];
  rows: (string | number)[][];
  /** Lines printed under the table (units, method, caveats). */
  footnotes?: string[];
}

export interface BenchContext {
  name: string;
  /** Options given after the benchmark names, e.g. `npm run bench -- divisions --engines=pglite`. */
  args: string[];
  /** The value of `--key=value` (or `''` for a bare `--key`), undefined when absent. */
  option(key: string): string | undefined;
  /** A scratch folder for this benchmark under bench/.data/ (gitignored); created by the runner. */
  dataDir: string;
  /** Epoch milliseconds by which the benchmark must be done (the 15-minute rule of DESIGN.md §6). */
  deadline: number;
  /** Progress on stderr, prefixed with the time since the benchmark started. */
  log(message: string): void;
  /** Cleanup run after the benchmark, also when it fails or the run is interrupted (last in, first out). */
  defer(cleanup: () => Promise<void> | void): void;
}

export interface BenchResult {
  tables: Table[];
  /** Machine-readable figures, written to bench/results/<name>.json. */
  figures: Record<string, unknown>;
  notes?: string[];
}

export interface Benchmark {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<BenchResult>;
}

/** Every benchmark must finish within this (DESIGN.md §6). */
export const TIME_LIMIT_MS = 15 * 60 * 1000;
