// Shapes of the HTTP API (docs/api.md). Dates and instants arrive as ISO strings.
import type { Role } from '@renkou/core';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Division-code prefix the user may see; '' = the whole country. */
  scope: string;
  scopeName: string | null;
  disabled: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface Session {
  user: User;
  permissions: string[];
  mustChangePassword: boolean;
  expiresAt: string;
}

export interface Jurisdiction {
  code: string;
  name: string;
  /** 1 province … 5 village; the country (code '') is 0. */
  level: number;
  parentCode: string | null;
  hasChildren: boolean;
  validFrom: string;
  validTo: string | null;
  successorCode: string | null;
  path?: { code: string; name: string }[];
}

export type AuditOutcome = 'success' | 'denied' | 'failed';

export interface AuditEntry {
  id: string;
  seq?: number;
  at: string;
  username: string | null;
  role: string | null;
  scope?: string | null;
  ip: string | null;
  requestId: string | null;
  action: string;
  targetType: string | null;
  targetIds: string[];
  jurisdiction: string | null;
  outcome: AuditOutcome | string;
  purpose: string | null;
  details: Record<string, unknown>;
  sealed: boolean;
}

export interface Page<T> {
  items: T[];
  total: number;
}
