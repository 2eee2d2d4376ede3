// Division tree, accounts, sessions, audit and migrations (migrations 0001, 0003).
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, PlainDate } from './column-types';

export interface SettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
}

export interface JurisdictionsTable {
  code: string;
  name: string;
  level: number;
  parent_code: string | null;
  valid_from: ColumnType<string, string | undefined, string>;
  valid_to: PlainDate | null;
  successor_code: string | null;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  scope: string;
  password_hash: string;
  password_changed_at: Timestamp;
  must_change_password: boolean;
  disabled: boolean;
  created_at: Timestamp;
  last_login_at: Timestamp | null;
}

export interface PasswordHistoryTable {
  user_id: string;
  password_hash: string;
  changed_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ended_at: Timestamp | null;
  ip: string | null;
  user_agent: string | null;
  stepped_up_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface LoginFailuresTable {
  username: string;
  ip: string | null;
  at: Timestamp;
}

export interface LoginLocksTable {
  username: string;
  locked_until: Timestamp;
}

export interface AuditLogTable {
  seq: Generated<number>;
  id: string;
  at: Timestamp;
  user_id: string | null;
  username: string | null;
  role: string | null;
  scope: string | null;
  ip: string | null;
  request_id: string | null;
  action: string;
  target_type: string | null;
  target_ids: ColumnType<string[], string[], never>;
  jurisdiction: string | null;
  outcome: string;
  purpose: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
}

export interface AuditSealsTable {
  position: number;
  audit_id: string;
  previous_hash: string;
  hash: string;
  sealed_at: Timestamp;
}

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: Timestamp;
}
