// Table types for Kysely, one file per module under tables/. Keep in step with migrations/*.sql.
import type {
  SettingsTable,
  JurisdictionsTable,
  UsersTable,
  PasswordHistoryTable,
  SessionsTable,
  LoginFailuresTable,
  LoginLocksTable,
  AuditLogTable,
  AuditSealsTable,
  SchemaMigrationsTable,
} from './tables/foundation';
import type {
  RegisterEventsTable,
  PersonsTable,
  PersonPlacesTable,
  PersonNameGramsTable,
  RegisterImportsTable,
  RegisterImportProblemsTable,
} from './tables/register';
import type {
  BenefitProgrammesTable,
  BenefitAmountSchedulesTable,
  BenefitApplicationsTable,
  BenefitApplicationStepsTable,
  BenefitEnrolmentsTable,
  BenefitNoticesTable,
  BenefitObjectionsTable,
  BenefitPaymentBatchesTable,
  BenefitPaymentLinesTable,
  BenefitBankImportsTable,
  BenefitOverpaymentsTable,
  BenefitBudgetsTable,
} from './tables/benefits';
import type {
  RecordImportsTable,
  DepartmentRecordsTable,
  LinkRunsTable,
  LinkDecisionsTable,
  LinkResolutionsTable,
  DuplicatePairsTable,
  SameBirthRecordsTable,
  SameBirthSplitsTable,
  MarriageDismissalsTable,
} from './tables/records';
import type {
  StatCubePopulationTable,
  StatCubeEventsTable,
  StatCubeMovesTable,
  StatCubeResidentsTable,
  StatCubePersonsTable,
} from './tables/statistics';

export type * from './tables/foundation';
export type * from './tables/register';
export type * from './tables/benefits';
export type * from './tables/records';
export type * from './tables/statistics';

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
  duplicate_pairs: DuplicatePairsTable;
  same_birth_records: SameBirthRecordsTable;
  same_birth_splits: SameBirthSplitsTable;
  marriage_dismissals: MarriageDismissalsTable;
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
