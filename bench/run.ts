// The benchmark runner behind `npm run bench` (every benchmark) and `npm run bench -- NAME…` (some).
// Options after the names go to the benchmarks (e.g. `npm run bench -- divisions --engines=pglite`);
// `npm run bench -- --list` lists them. Each benchmark runs in its own child process, so its peak
// memory is its own; the child prints the tables and writes bench/results/<name>.json.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { benchRoot, discoverBenchmarks, loadBenchmark } from './lib/discover';
import { fmtSeconds } from './lib/format';
import { maxRssBytes } from './lib/memory';
import { machineInfo, writeResult } from './lib/results';
import { printTable } from './lib/table';
import { TIME_LIMIT_MS, type BenchContext } from './lib/types';

const childFlag = '--child=';
const commandEnv = 'RENKOU_BENCH_COMMAND';

function commandLine(args: string[]): string {
  const rest = args.length ? ` ${args.join(' ')}` : '';
  return process.env.npm_lifecycle_event === 'bench'
    ? `npm run bench${args.length ? ` --${rest}` : ''}`
    : `npx tsx bench/run.ts${rest}`;
}

async function runChild(name: string, args: string[]): Promise<number> {
  const bench = await loadBenchmark(name);
  const started = Date.now();
  const dataDir = join(benchRoot, '.data', name);
  mkdirSync(dataDir, { recursive: true });
  const cleanups: (() => Promise<void> | void)[] = [];
  const runCleanups = async () => {
    while (cleanups.length) {
      const cleanup = cleanups.pop();
      try {
        await cleanup?.();
      } catch (error) {
        process.stderr.write(`[${name}] cleanup failed: ${String(error)}\n`);
      }
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stderr.write(`\n[${name}] ${signal}: cleaning up…\n`);
      void runCleanups().finally(() => process.exit(130));
    });
  }
  const ctx: BenchContext = {
    name,
    args,
    option(key) {
      for (const arg of args) {
        if (arg === `--${key}`) return '';
        if (arg.startsWith(`--${key}=`)) return arg.slice(key.length + 3);
      }
      return undefined;
    },
    dataDir,
    deadline: started + TIME_LIMIT_MS,
    log(message) {
      const elapsed = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
      process.stderr.write(`[${name} ${elapsed}s] ${message}\n`);
    },
    defer(cleanup) {
      cleanups.push(cleanup);
    },
  };

  process.stdout.write(`\n=== ${name}: ${bench.description}\n`);
  try {
    const result = await bench.run(ctx);
    await runCleanups();
    const durationMs = Date.now() - started;
    for (const table of result.tables) printTable(table);
    if (result.notes?.length)
      process.stdout.write(`\nNotes:\n${result.notes.map((n) => `- ${n}`).join('\n')}\n`);
    const path = writeResult({
      name,
      description: bench.description,
      command: process.env[commandEnv] ?? commandLine([name, ...args]),
      date: new Date(started).toISOString(),
      durationSeconds: Math.round(durationMs / 100) / 10,
      withinTimeLimit: durationMs <= TIME_LIMIT_MS,
      processMaxRssBytes: maxRssBytes(),
      machine: machineInfo(),
      ...result,
    });
    process.stdout.write(`\n${name}: ${fmtSeconds(durationMs)}; wrote ${relative(process.cwd(), path)}\n`);
    if (durationMs > TIME_LIMIT_MS) {
      process.stdout.write(`WARNING: ${name} took longer than the 15-minute limit (DESIGN.md §6).\n`);
    }
    return 0;
  } catch (error) {
    await runCleanups();
    process.stderr.write(
      `\n[${name}] FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  }
}

function spawnChild(name: string, args: string[], command: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, import.meta.filename, `${childFlag}${name}`, ...args],
      {
        stdio: 'inherit',
        env: { ...process.env, [commandEnv]: command },
      },
    );
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
  });
}

async function main(argv: string[]): Promise<number> {
  const child = argv.find((arg) => arg.startsWith(childFlag));
  if (child)
    return runChild(
      child.slice(childFlag.length),
      argv.filter((arg) => arg !== child),
    );

  const available = discoverBenchmarks();
  if (argv.includes('--list')) {
    for (const name of available)
      process.stdout.write(`${name}: ${(await loadBenchmark(name)).description}\n`);
    return 0;
  }
  const names = argv.filter((arg) => !arg.startsWith('-'));
  const options = argv.filter((arg) => arg.startsWith('-'));
  const unknown = names.filter((name) => !available.includes(name));
  if (unknown.length) {
    process.stderr.write(`unknown benchmark(s): ${unknown.join(', ')}; available: ${available.join(', ')}\n`);
    return 2;
  }
  const selected = names.length ? names : available;
  const command = commandLine(argv);
  // Ctrl-C reaches the child too (same process group); let it clean up before we exit.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => undefined);
  const summary: { name: string; code: number; ms: number }[] = [];
  for (const name of selected) {
    const start = Date.now();
    const code = await spawnChild(name, options, command);
    summary.push({ name, code, ms: Date.now() - start });
  }
  if (selected.length > 1) {
    process.stdout.write('\nSummary:\n');
    for (const s of summary)
      process.stdout.write(`  ${s.name}: ${s.code === 0 ? 'ok' : 'FAILED'} (${fmtSeconds(s.ms)})\n`);
  }
  return summary.some((s) => s.code !== 0) ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
