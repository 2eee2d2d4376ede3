// A link run started from the page: its status asked again every second while it runs.
import type { LinkRunView } from '@renkou/core';
import { useEffect, useState } from 'react';
import { errorMessage, isAbort } from '../../lib/api';
import { getLinkRun } from './api';

const POLL_MS = 1000;

export function useLinkRun(id: string | undefined, onFinished: (run: LinkRunView) => void) {
  const [run, setRun] = useState<LinkRunView>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!id) return undefined;
    const controller = new AbortController();
    let timer = 0;
    const poll = () => {
      getLinkRun(id, controller.signal).then(
        (r) => {
          setRun(r);
          setError(undefined);
          if (r.status === 'running') timer = window.setTimeout(poll, POLL_MS);
          else onFinished(r);
        },
        (e: unknown) => {
          if (isAbort(e) || controller.signal.aborted) return;
          setError(errorMessage(e));
          timer = window.setTimeout(poll, POLL_MS * 3);
        },
      );
    };
    poll();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
    // onFinished is the caller's latest callback; the poll restarts only for a new run.
  }, [id]);
  return { run, error };
}

/** Percent for the progress bar: loading 0–10, comparing 10–80, saving 80–100. */
export function runPercent(run: LinkRunView | undefined): number {
  if (!run) return 0;
  if (run.status !== 'running') return 100;
  const { stage, done, total } = run.progress;
  const part = total > 0 ? Math.min(1, done / total) : 0;
  if (stage === 'load') return Math.round(10 * part);
  if (stage === 'score') return Math.round(10 + 70 * part);
  if (stage === 'store') return Math.round(80 + 20 * part);
  return 0;
}
