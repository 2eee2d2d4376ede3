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

/**
 * Characters and character pairs of each person's name ('^' marks the first ones) with the
 * person's places, kept from persons by triggers (migration 0010): the person search reads it in
 * page order.
 */
export interface PersonNameGramsTable {
  gram: string;
  name_pinyin: string;
  person_key: string;
  name: string;
  residence_code: string;
  hukou_code: string;
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

/** bigint fen: parsed as a number on both engines (create-database.ts); amounts stay below 2^53. */
type Fen = ColumnType<number, number, number>;
type Json<T> = ColumnType<T, string, string>;

export interface BenefitProgrammesTable {
  code: string;
  name: string;
  short_name: string;
  document_number: string;
  region_prefix: string;
  valid_from: PlainDate;
  valid_to: PlainDate | null;
  beneficiary: 'person' | 'household';
  payment_period: 'monthly' | 'yearly' | 'one_time';
  definition: Json<unknown>;
  origin: 'national' | 'local';
  created_at: Timestamp;
  created_by: string | null;
}

export interface BenefitAmountSchedulesTable {
  seq: Generated<number>;
  programme_code: string;
  category_code: string;
  effective_from: PlainDate;
  amount_fen: Fen;
  basis: 'per_month' | 'per_year' | 'once';
  source: string;
  verified: boolean;
  note: string | null;
  created_at: Timestamp;
  created_by: string | null;
}

export interface BenefitApplicationsTable {
  id: string;
  programme_code: string;
  person_key: string;
  hukou_code: string;
  channel: 'family' | 'worker';
  entered_by: string;
  entered_on: PlainDate;
  status: string;
  state: Json<unknown>;
  declared: Json<Record<string, unknown>>;
  screening: Json<unknown>;
  account_sealed: string | null;
  account_masked: string | null;
  account_name: string | null;
  version: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
}

export interface BenefitApplicationStepsTable {
  application_id: string;
  step_no: number;
  action: string;
  from_status: string | null;
  to_status: string;
  date: PlainDate;
  user_id: string;
  username: string | null;
  reason: string | null;
  at: Timestamp;
}

export interface BenefitEnrolmentsTable {
  id: string;
  application_id: string;
  programme_code: string;
  person_key: string;
  hukou_code: string;
  category_code: string;
  from_month: string;
  suspended_from: string | null;
  ends_before: string | null;
  status: 'active' | 'suspended' | 'terminated';
  account_sealed: string | null;
  account_masked: string | null;
  account_name: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface BenefitNoticesTable {
  id: string;
  application_id: string;
  round: number;
  village_code: string;
  programme_code: string;
  person_name: string;
  id_number_masked: string | null;
  amount_fen: Fen;
  amount_basis: 'per_month' | 'per_year' | 'once';
  first_day: PlainDate;
  last_day: PlainDate;
  taken_down_on: PlainDate | null;
}

export interface BenefitObjectionsTable {
  id: string;
  application_id: string;
  notice_round: number;
  raised_on: PlainDate;
  recorded_by: string;
  summary: string;
  status: 'open' | 'upheld' | 'dismissed';
  finding: string | null;
  resolved_by: string | null;
  resolved_on: PlainDate | null;
}

export interface BenefitPaymentBatchesTable {
  id: string;
  programme_code: string;
  period: string;
  scope_code: string;
  follow_up_of: string | null;
  status: 'draft' | 'approved' | 'exported' | 'reconciled' | 'cancelled';
  budget_fen: Fen;
  total_fen: Fen;
  line_count: number;
  built_by: string;
  built_at: Timestamp;
  approved_by: string | null;
  approved_at: Timestamp | null;
  exported_by: string | null;
  exported_at: Timestamp | null;
}

export interface BenefitPaymentLinesTable {
  id: string;
  batch_id: string;
  line_no: number;
  enrolment_id: string;
  person_key: string;
  programme_code: string;
  period_key: string;
  hukou_code: string;
  amount_fen: Fen;
  months: Json<{ month: string; amountFen: number }[]>;
  account_sealed: string | null;
  account_masked: string | null;
  account_name: string | null;
  retry_of: string | null;
  status: 'pending' | 'paid' | 'failed' | 'cancelled';
  bank_reference: string | null;
  failure_reason: string | null;
  result_at: Timestamp | null;
}

export interface BenefitBankImportsTable {
  id: string;
  batch_id: string;
  format: string;
  file_name: string;
  content_hash: string;
  paid_count: number;
  failed_count: number;
  paid_fen: Fen;
  failed_fen: Fen;
  follow_up_batch_id: string | null;
  imported_by: string;
  imported_at: Timestamp;
}

export interface BenefitOverpaymentsTable {
  id: string;
  enrolment_id: string;
  person_key: string;
  programme_code: string;
  hukou_code: string;
  cause: 'death' | 'hukou_move' | 'age_limit' | 'other';
  event_date: PlainDate;
  months: Json<{ month: string; amountFen: number }[]>;
  total_fen: Fen;
  status: 'open' | 'recovered' | 'waived';
  created_at: Timestamp;
}

export interface BenefitBudgetsTable {
  programme_code: string;
  year: number;
  scope_code: string;
  amount_fen: Fen;
  document: string | null;
  set_by: string;
  set_at: Timestamp;
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

export interface StatCubePopulationTable {
  basis: number;
  month: number;
  code: string;
  days: number[];
  stock: number[];
}

export interface StatCubeEventsTable {
  basis: number;
  month: number;
  code: string;
  kind: number;
  sex: number;
  age: number;
  birth_order: number;
  count: number;
}

export interface StatCubeMovesTable {
  basis: number;
  month: number;
  from_code: string;
  to_code: string;
  count: number;
}

export interface StatCubeResidentsTable {
  residence_code: string;
  hukou_code: string;
  counts: number[];
}

export interface StatCubePersonsTable {
  person_key: string;
  inputs: ColumnType<unknown, string, string>;
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

export interface LinkRunsTable {
  id: string;
  seq: Generated<number>;
  source: string;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  started_by: string;
  status: 'running' | 'done' | 'failed';
  progress: Json<{ stage: string; done: number; total: number }>;
  counts: Json<Record<string, number>>;
  failure: string | null;
}

export interface LinkDecisionsTable {
  id: string;
  run_id: string;
  source: string;
  record_id: string;
  person_key: string | null;
  probability: number;
  match_weight: number | null;
  comparisons: Json<{ name: string; level: string; weight: number }[]>;
  class: 'auto_match' | 'review' | 'non_match';
  verdict: 'match' | 'non_match' | null;
  resolution: 'match' | 'non_match' | null;
  resolved_by: string | null;
  reason: string | null;
  resolved_at: Timestamp | null;
  created_at: Timestamp;
}

export interface LinkResolutionsTable {
  decision_id: string;
  item: 'unregistered_birth' | 'conflict' | 'death_alive';
  action: 'register' | 'correct' | 'keep' | 'dismiss';
  reason: string;
  resolved_by: string;
  resolved_at: Timestamp;
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
  person_name_grams: PersonNameGramsTable;
  register_imports: RegisterImportsTable;
  register_import_problems: RegisterImportProblemsTable;
  record_imports: RecordImportsTable;
  stat_cube_population: StatCubePopulationTable;
  stat_cube_events: StatCubeEventsTable;
  stat_cube_moves: StatCubeMovesTable;
  stat_cube_residents: StatCubeResidentsTable;
  stat_cube_persons: StatCubePersonsTable;
  department_records: DepartmentRecordsTable;
  link_runs: LinkRunsTable;
  link_decisions: LinkDecisionsTable;
  link_resolutions: LinkResolutionsTable;
  benefit_programmes: BenefitProgrammesTable;
  benefit_amount_schedules: BenefitAmountSchedulesTable;
  benefit_applications: BenefitApplicationsTable;
  benefit_application_steps: BenefitApplicationStepsTable;
  benefit_enrolments: BenefitEnrolmentsTable;
  benefit_notices: BenefitNoticesTable;
  benefit_objections: BenefitObjectionsTable;
  benefit_payment_batches: BenefitPaymentBatchesTable;
  benefit_payment_lines: BenefitPaymentLinesTable;
  benefit_bank_imports: BenefitBankImportsTable;
  benefit_overpayments: BenefitOverpaymentsTable;
  benefit_budgets: BenefitBudgetsTable;
}
