// Holds the Session from GET /api/auth/me. A 401 from any call clears it (the route guards then show
// the login page); a PASSWORD_CHANGE_REQUIRED answer marks it so the guards show /password.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, api, request, setAuthHandlers } from '../lib/api';
import { SessionContext, type SessionState, type SessionStatus } from '../lib/session';
import type { Session } from '../lib/types';

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [session, setSessionState] = useState<Session | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(
    () =>
      setAuthHandlers({
        onUnauthenticated: () => setSessionState(null),
        onPasswordChangeRequired: () =>
          setSessionState((s) => (s && !s.mustChangePassword ? { ...s, mustChangePassword: true } : s)),
      }),
    [],
  );

  useEffect(() => {
    const controller = new AbortController();
    setStatus('loading');
    request<Session>('/api/auth/me', { signal: controller.signal, allowUnauthenticated: true }).then(
      (me) => {
        setSessionState(me);
        setStatus('ready');
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) {
          setSessionState(null);
          setStatus('ready');
        } else {
          setStatus('error');
        }
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const setSession = useCallback((next: Session | null) => {
    setSessionState(next);
    setStatus('ready');
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', undefined, { allowUnauthenticated: true });
    } finally {
      setSessionState(null);
    }
  }, []);

  const refresh = useCallback(() => setAttempt((n) => n + 1), []);

  const value = useMemo<SessionState>(
    () => ({ status, session, setSession, refresh, logout }),
    [status, session, setSession, refresh, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
