// Entry of the link worker thread (started by link-in-worker.ts): decides the links of workerData, the
// run's input, and posts progress, then the decisions or the failure. Nothing here touches the database.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { decideLinks, type LinkDecision, type LinkInput } from './link-decisions';

export type LinkWorkerMessage =
  | { kind: 'progress'; stage: string; done: number; total: number }
  | { kind: 'done'; decisions: LinkDecision[] }
  | { kind: 'failed'; error: { name: string; message: string; code?: string; details?: unknown } };

const port = isMainThread ? null : parentPort;
if (port) {
  const post = (message: LinkWorkerMessage) => port.postMessage(message);
  try {
    const decisions = decideLinks(workerData as LinkInput, (stage, done, total) =>
      post({ kind: 'progress', stage, done, total }),
    );
    post({ kind: 'done', decisions });
  } catch (error) {
    const { name, message, code, details } = error as Error & { code?: string; details?: unknown };
    post({ kind: 'failed', error: { name, message: message || String(error), code, details } });
  }
}
