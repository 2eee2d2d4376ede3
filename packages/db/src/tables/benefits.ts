// Family benefit programmes, applications, enrolments, 公示, payments and budgets (migrations 0005, 0009,
// 0011).
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, PlainDate, Fen, Json } from './column-types';

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
  /** '' for the programme's whole region; a county's code for its top-up (0011). */
  region_prefix: ColumnType<string, string | undefined, never>;
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
