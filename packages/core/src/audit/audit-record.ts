// The audit record as it is chained. Canonical JSON (sorted keys, no whitespace) makes the
// hash independent of how the database returns the row.

export const AuditOutcome = { Success: 'success', Denied: 'denied', Failed: 'failed' } as const;
export type AuditOutcome = (typeof AuditOutcome)[keyof typeof AuditOutcome];

export const AuditAction = {
  Login: 'auth.login',
  LoginFailed: 'auth.login_failed',
  Logout: 'auth.logout',
  PasswordChange: 'auth.password_change',
  UserCreate: 'user.create',
  UserUpdate: 'user.update',
  UserPasswordReset: 'user.password_reset',
  UserList: 'user.list',
  JurisdictionLoad: 'jurisdiction.load',
  AuditRead: 'audit.read',
  AuditVerify: 'audit.verify',
  System: 'system',
} as const;
export type AuditAction = (typeof AuditAction)[keyof typeof AuditAction] | `${string}.${string}`;

export interface AuditRecord {
  id: string;
  at: string; // ISO instant
  userId: string | null;
  username: string | null;
  role: string | null;
  scope: string | null;
  ip: string | null;
  requestId: string | null;
  action: string;
  targetType: string | null;
  targetIds: string[];
  jurisdiction: string | null;
  outcome: AuditOutcome;
  purpose: string | null;
  details: Record<string, unknown>;
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The bytes a seal covers: the previous hash and the record. */
export function sealInput(previousHash: string, record: AuditRecord): string {
  return `${previousHash}\n${canonicalJson(record)}`;
}

export const GENESIS_HASH = '0'.repeat(64);
