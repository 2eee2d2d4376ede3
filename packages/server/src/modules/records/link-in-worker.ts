// A link run's CPU-heavy part (core's blocking, scoring and clustering) in a node:worker_threads worker,
// so the server keeps answering while a county links. The sources run through tsx without a build (ADR
// 0002), and on Node 20 a worker inherits neither `register()` from tsx/esm/api (renkou.js) nor
// Vitest's transform: the worker's first code imports tsx's API and loads link-worker.ts through it,
// the same way under `renkou serve`, the CLI, `tsx` and the tests.
import { DomainError, type ErrorCode } from '@renkou/core';
import { Worker } from 'node:worker_threads';
import type { DuplicateInput, DuplicatePair } from './duplicate-pairs';
import type { LinkDecision, LinkInput, LinkProgress } from './link-decisions';
import type { LinkWorkerMessage, LinkWorkerTask } from './link-worker';

const entry = new URL('./link-worker.ts', import.meta.url).href;

function bootstrap(): string {
  const api = import.meta.resolve('tsx/esm/api');
  const load = `({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)})`;
  return `import(${JSON.stringify(api)}).then(${load});`;
}

function rebuilt({ error }: Extract<LinkWorkerMessage, { kind: 'failed' }>): Error {
  if (error.name === 'DomainError' && error.code)
    return new DomainError(error.code as ErrorCode, error.message, error.details as DomainError['details']);
  const rebuiltError = new Error(error.message);
  rebuiltError.name = error.name;
  return rebuiltError;
}

/** Decides the links in a worker thread; the signal stops it (the worker is terminated). */
export function decideInWorker(
  input: LinkInput,
  onProgress: LinkProgress,
  signal?: AbortSignal,
): Promise<LinkDecision[]> {
  return runInWorker({ task: 'link', input }, onProgress, signal) as Promise<LinkDecision[]>;
}

/** Finds the register's duplicate pairs in a worker thread. */
export function findDuplicatesInWorker(
  input: DuplicateInput,
  onProgress: LinkProgress,
  signal?: AbortSignal,
): Promise<DuplicatePair[]> {
  return runInWorker({ task: 'duplicates', input }, onProgress, signal) as Promise<DuplicatePair[]>;
}

function runInWorker(
  task: LinkWorkerTask,
  onProgress: LinkProgress,
  signal?: AbortSignal,
): Promise<LinkDecision[] | DuplicatePair[]> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new Error('比对任务已取消'));
      return;
    }
    const worker = new Worker(bootstrap(), { eval: true, workerData: task });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', abort);
      outcome();
    };
    const abort = () => {
      settle(() => reject(new Error('比对任务已取消')));
      void worker.terminate();
    };
    signal?.addEventListener('abort', abort, { once: true });
    worker.on('message', (message: LinkWorkerMessage) => {
      if (message.kind === 'progress') onProgress(message.stage, message.done, message.total);
      else if (message.kind === 'done') settle(() => resolve(message.results));
      else settle(() => reject(rebuilt(message)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`比对线程意外退出（退出码 ${code}）`))));
  });
}
