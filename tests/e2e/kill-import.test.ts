// Reliability: `kill -9` in the middle of an import loses nothing and doubles nothing; running the
// same import again completes it, and the register then verifies against its log.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const cli = resolve(import.meta.dirname, '..', '..', 'packages', 'cli', 'bin', 'renkou.js');
const work = mkdtempSync(join(tmpdir(), 'renkou-kill-'));
const env: NodeJS.ProcessEnv = { ...process.env, TZ: 'UTC' };
delete env.DATABASE_URL;

function renkou(...args: string[]): { status: number | null; json: Record<string, unknown> } {
  const run = spawnSync(process.execPath, [cli, '--data', join(work, 'data'), '--json', ...args], {
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) throw new Error(`renkou ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return { status: run.status, json: JSON.parse(run.stdout) as Record<string, unknown> };
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('an import killed with SIGKILL', () => {
  it('is completed by running it again, with nothing lost or doubled', { timeout: 600_000 }, async () => {
    const dataset = join(work, 'dataset');
    const generated = renkou(
      'generate',
      '--out',
      dataset,
      '--persons',
      '15000',
      '--from',
      '2015-01-01',
      '--to',
      '2024-12-31',
    );
    const files = generated.json.files as Record<string, number>;
    const total = (files['persons.csv'] ?? 0) + (files['events.csv'] ?? 0);
    renkou('init', '--coverage', '652926');

    const child = spawn(
      process.execPath,
      [cli, '--data', join(work, 'data'), 'import', 'register', dataset],
      {
        env: { ...env, RENKOU_PROGRESS: 'lines' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const exited = new Promise((r) => child.once('exit', r));
    // Killed once the progress says 4,000 rows were read: rows are applied 2,000 to a transaction
    // and a chunk is written before the next is read, so at least one chunk is committed (a fixed
    // wait failed on a loaded machine, where start-up alone took longer than the wait).
    await new Promise<void>((done) => {
      const timer = setTimeout(done, 120_000);
      const watch = (data: Buffer) => {
        const read = [...data.toString().matchAll(/已读 ([\d,]+) 行/g)].map((m) =>
          Number(m[1]?.replace(/,/g, '')),
        );
        if (read.some((n) => n >= 4_000)) {
          clearTimeout(timer);
          done();
        }
      };
      child.stdout.on('data', watch);
      child.stderr.on('data', watch);
    });
    expect(child.exitCode, 'the import must still be running when it is killed').toBeNull();
    child.kill('SIGKILL');
    await exited;

    const rerun = renkou('import', 'register', dataset).json as {
      accepted: number;
      rejected: number;
      unchanged: number;
    };
    expect(rerun.unchanged).toBeGreaterThan(0);
    expect(rerun.accepted).toBeGreaterThan(0);
    expect(rerun.accepted + rerun.unchanged + rerun.rejected).toBe(total);
    const again = renkou('import', 'register', dataset).json as { accepted: number; unchanged: number };
    expect(again.accepted).toBe(0);
    expect(renkou('register', 'verify').json).toMatchObject({
      ok: true,
      events: rerun.accepted + rerun.unchanged,
    });
  });
});
