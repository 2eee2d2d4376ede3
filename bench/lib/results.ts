// The result file of a benchmark: bench/results/<name>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { arch, availableParallelism, cpus, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import type { BenchResult } from './types';

export interface MachineInfo {
  cpuModel: string;
  cpuCores: number;
  availableParallelism: number;
  totalMemoryBytes: number;
  node: string;
  platform: string;
  release: string;
  arch: string;
}

export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cpuCores: list.length,
    availableParallelism: availableParallelism(),
    totalMemoryBytes: totalmem(),
    node: process.version,
    platform: platform(),
    release: release(),
    arch: arch(),
  };
}

export interface ResultFile extends BenchResult {
  name: string;
  description: string;
  /** The command that produced the figures. */
  command: string;
  /** ISO time the benchmark started (UTC). */
  date: string;
  durationSeconds: number;
  withinTimeLimit: boolean;
  /** Lifetime peak RSS of the process that ran the benchmark. */
  processMaxRssBytes: number;
  machine: MachineInfo;
}

export const resultsDir = join(import.meta.dirname, '..', 'results');

export function writeResult(result: ResultFile): string {
  mkdirSync(resultsDir, { recursive: true });
  const path = join(resultsDir, `${result.name}.json`);
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  return path;
}
