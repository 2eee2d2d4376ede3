// The signed-in session, provided by src/app/AuthProvider.tsx and read anywhere with useSession().
import type { Permission } from '@renkou/core';
import { createContext, useContext } from 'react';
import type { Session } from './types';

export type SessionStatus = 'loading' | 'ready' | 'error';

export interface SessionState {
  status: SessionStatus;
  session: Session | null;
  /** Replace the session (after login or a password change). */
  setSession: (session: Session | null) => void;
  /** Ask the server again (after a failure to reach it). */
  refresh: () => void;
  logout: () => Promise<void>;
}

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside AuthProvider');
  return state;
}

/** The session of a page that is only reachable signed in. */
export function useCurrentSession(): Session {
  const { session } = useSession();
  if (!session) throw new Error('no session');
  return session;
}

export function can(session: Session | null, permission: Permission): boolean {
  return session?.permissions.includes(permission) ?? false;
}

/** True when the session holds the permission; for hiding buttons the role may not use. */
export function useCan(permission: Permission): boolean {
  return can(useSession().session, permission);
}
