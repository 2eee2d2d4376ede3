import { useCallback, useEffect, useState } from 'react';
import { errorMessage, isAbort } from './api';

export interface RequestState<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs `load` whenever `key` changes (a string built from the inputs), cancelling the previous run.
 * Keeps the previous data while loading so tables do not flash empty between pages.
 */
export function useRequest<T>(
  load: (signal: AbortSignal) => Promise<T>,
  key: string,
  enabled = true,
): RequestState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(enabled);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!enabled) return undefined;
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    load(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setData(value);
        setLoading(false);
      },
      (reason: unknown) => {
        if (controller.signal.aborted || isAbort(reason)) return;
        setError(errorMessage(reason));
        setLoading(false);
      },
    );
    return () => controller.abort();
    // `load` is recreated each render on purpose; `key` names its inputs.
  }, [key, tick, enabled]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}
