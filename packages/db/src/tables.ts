// Table types for Kysely. Keep in step with migrations/*.sql.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** Plain dates come back as YYYY-MM-DD strings on both engines (see type parsers in create-database.ts). */
type PlainDate = ColumnType<string, string, string>;

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

export interface RegisterEventsTable {
  seq: Generated<number>;
  kind: string;
  event_key: string;
  date: PlainDate;
  person_key: string;
  involved: string[];
  target_key: string | null;
  payload: ColumnType<unknown, string, never>;
  content_hash: string;
  recorded_date: PlainDate;
  source: string;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

export interface PersonsTable {
  person_key: string;
  sensitive: string | null;
  id_number_index: string | null;
  id_number_masked: string | null;
  name: string;
  name_pinyin: string;
  name_initials: string;
  sex: number;
  birth_date: PlainDate;
  ethnicity: string | null;
  hukou_code: string;
  residence_code: string;
  household_id: string | null;
  relation: string | null;
  marital_status: string | null;
  spouse_key: string | null;
  mother_key: string | null;
  father_key: string | null;
  children_ever_born: number;
  birth_order: number | null;
  hukou_type: string | null;
  adopted: boolean;
  death_date: PlainDate | null;
  status: string;
  attributes: ColumnType<Record<string, string>, string, string>;
  last_event_date: PlainDate;
}

export interface PersonPlacesTable {
  person_key: string;
  kind: 'residence' | 'hukou';
  valid_from: PlainDate;
  valid_to: PlainDate | null;
  code: string;
}

export interface RegisterImportsTable {
  id: string;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  started_by: string | null;
  source_name: string;
  status: 'running' | 'done' | 'failed';
  counts: ColumnType<Record<string, number>, string | undefined, string>;
  failure: string | null;
}

export interface RegisterImportProblemsTable {
  import_id: string;
  file: string;
  row_no: number;
  severity: 'error' | 'warning';
  field: string;
  code: string;
  message: string;
}

export interface RecordImportsTable {
  id: string;
  source: string;
  file_name: string;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  status: 'done' | 'rejected';
  counts: ColumnType<unknown, string | undefined, string>;
  created_by: string | null;
}

export interface DepartmentRecordsTable {
  source: string;
  record_id: string;
  import_id: string;
  payload: ColumnType<unknown, string, never>;
  content_hash: string;
  id_number_index: string | null;
  jurisdiction_code: string | null;
  record_date: PlainDate | null;
}

export interface Database {
  settings: SettingsTable;
  jurisdictions: JurisdictionsTable;
  users: UsersTable;
  password_history: PasswordHistoryTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  login_locks: LoginLocksTable;
  audit_log: AuditLogTable;
  audit_seals: AuditSealsTable;
  schema_migrations: SchemaMigrationsTable;
  register_events: RegisterEventsTable;
  persons: PersonsTable;
  person_places: PersonPlacesTable;
  register_imports: RegisterImportsTable;
  register_import_problems: RegisterImportProblemsTable;
  record_imports: RecordImportsTable;
  department_records: DepartmentRecordsTable;
}
