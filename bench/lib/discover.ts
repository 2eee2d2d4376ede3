// Benchmarks are the modules bench/<name>/<name>.bench.ts.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Benchmark } from './types';

export const benchRoot = join(import.meta.dirname, '..');

/** Names of the benchmarks present, sorted. */
export function discoverBenchmarks(): string[] {
  return readdirSync(benchRoot)
    .filter((entry) => !entry.startsWith('.') && entry !== 'lib' && entry !== 'results')
    .filter((entry) => statSync(join(benchRoot, entry)).isDirectory())
    .filter((entry) => existsSync(join(benchRoot, entry, `${entry}.bench.ts`)))
    .sort();
}

export async function loadBenchmark(name: string): Promise<Benchmark> {
  const module = (await import(pathToFileURL(join(benchRoot, name, `${name}.bench.ts`)).href)) as Partial<
    Benchmark & { default: Benchmark }
  >;
  const bench = typeof module.run === 'function' ? (module as Benchmark) : module.default;
  if (!bench || typeof bench.run !== 'function' || typeof bench.name !== 'string') {
    throw new Error(`bench/${name}/${name}.bench.ts must export { name, description, run(ctx) }`);
  }
  if (bench.name !== name) throw new Error(`bench/${name}/${name}.bench.ts exports name '${bench.name}'`);
  return bench;
}
