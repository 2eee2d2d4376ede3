// Server-side division search as the user types (debounced; the previous request is cancelled).
import { useEffect, useState } from 'react';
import { errorMessage, isAbort } from '../lib/api';
import { searchJurisdictions } from '../lib/jurisdictions';
import type { Jurisdiction } from '../lib/types';

const DELAY_MS = 300;

export function useJurisdictionSearch() {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Jurisdiction[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const trimmed = query.trim();

  useEffect(() => {
    if (trimmed === '') {
      setResults([]);
      setLoading(false);
      setError(undefined);
      return undefined;
    }
    const controller = new AbortController();
    setLoading(true);
    const timer = window.setTimeout(() => {
      searchJurisdictions(trimmed, controller.signal).then(
        (items) => {
          setResults(items);
          setError(undefined);
          setLoading(false);
        },
        (e: unknown) => {
          if (isAbort(e) || controller.signal.aborted) return;
          setResults([]);
          setError(errorMessage(e));
          setLoading(false);
        },
      );
    }, DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [trimmed]);

  return { query, setQuery, results, loading, error, active: trimmed !== '', clear: () => setQuery('') };
}
