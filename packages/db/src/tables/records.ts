// Other departments' records and their linkage to the register (migrations 0006, 0008, 0012, 0013, 0014).
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, PlainDate, Json } from './column-types';

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
  item: 'unregistered_birth' | 'conflict' | 'death_alive' | 'hukou_unmatched';
  action: 'register' | 'correct' | 'keep' | 'dismiss';
  reason: string;
  resolved_by: string;
  resolved_at: Timestamp;
}

export interface DuplicatePairsTable {
  id: string;
  run_id: string;
  /** The smaller key of the two. */
  person_key_a: string;
  person_key_b: string;
  probability: number;
  match_weight: number;
  comparisons: Json<{ name: string; level: string; weight: number }[]>;
  resolution: 'merge' | 'distinct' | null;
  /** The record that stays when merged (the other one gets duplicate_of = kept_key). */
  kept_key: string | null;
  reason: string | null;
  resolved_by: string | null;
  resolved_at: Timestamp | null;
  created_at: Timestamp;
}

/** A hukou birth row and a hospital birth of one baby the register lacks (ADR 0019). */
export interface SameBirthRecordsTable {
  hukou_record_id: string;
  hospital_record_id: string;
  score: number;
  paired_at: Timestamp;
}

/** A pair of birth records a clerk found to be two babies: never paired again (migration 0015). */
export interface SameBirthSplitsTable {
  hospital_record_id: string;
  hukou_record_id: string;
  reason: string;
  split_by: string;
  split_at: Timestamp;
}

/** A civil-affairs marriage or divorce the register lacks, dismissed by a clerk (migration 0014). */
export interface MarriageDismissalsTable {
  record_id: string;
  reason: string;
  dismissed_by: string;
  dismissed_at: Timestamp;
}
