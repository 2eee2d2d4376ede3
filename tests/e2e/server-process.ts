// Starts the real product (`renkou demo`) in a child process on a fresh data folder and a free port.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface StartedServer {
  url: string;
  /** The server's data folder (the demo dataset's department files are under work/demo-dataset). */
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

const cliBin = resolve(import.meta.dirname, '..', '..', 'packages', 'cli', 'bin', 'renkou.js');

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
    probe.on('error', reject);
  });
}

export async function startDemoServer(): Promise<StartedServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'renkou-e2e-'));
  const port = await freePort();
  // A small county keeps the suite quick; the README's start command seeds the full one.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    RENKOU_LOG_LEVEL: 'warn',
    TZ: 'UTC',
    RENKOU_DEMO_PERSONS: '3000',
  };
  delete env.DATABASE_URL; // the browser suite runs on the embedded database, as the README's start command does
  const child: ChildProcess = spawn(
    process.execPath,
    [cliBin, '--data', dataDir, 'demo', '--port', String(port)],
    {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`renkou demo exited ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`renkou demo did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    dataDir,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
