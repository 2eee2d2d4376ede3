// Entry of the link worker thread (started by link-in-worker.ts): runs the task of workerData (a
// source's links, or the register's duplicates) and posts progress, then the results or the failure.
// Nothing here touches the database.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { findDuplicatePairs, type DuplicateInput, type DuplicatePair } from './duplicate-pairs';
import { decideLinks, type LinkDecision, type LinkInput } from './link-decisions';

export type LinkWorkerTask =
  { task: 'link'; input: LinkInput } | { task: 'duplicates'; input: DuplicateInput };

export type LinkWorkerMessage =
  | { kind: 'progress'; stage: string; done: number; total: number }
  | { kind: 'done'; results: LinkDecision[] | DuplicatePair[] }
  | { kind: 'failed'; error: { name: string; message: string; code?: string; details?: unknown } };

const port = isMainThread ? null : parentPort;
if (port) {
  const post = (message: LinkWorkerMessage) => port.postMessage(message);
  const progress = (stage: string, done: number, total: number) =>
    post({ kind: 'progress', stage, done, total });
  try {
    const job = workerData as LinkWorkerTask;
    const results =
      job.task === 'link' ? decideLinks(job.input, progress) : findDuplicatePairs(job.input, progress);
    post({ kind: 'done', results });
  } catch (error) {
    const { name, message, code, details } = error as Error & { code?: string; details?: unknown };
    post({ kind: 'failed', error: { name, message: message || String(error), code, details } });
  }
}
