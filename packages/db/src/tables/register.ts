// The population register: event log, projections, search rows, imports (migrations 0002, 0004, 0010).
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, PlainDate } from './column-types';

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
  /** The person this record duplicates (a duplicate_of correction); status is then 'merged'. */
  duplicate_of: string | null;
  status: string;
  attributes: ColumnType<Record<string, string>, string, string>;
  last_event_date: PlainDate;
}

/** The name's pairs and first ones, in search-page order (migration 0010, ADR 0015). */
export interface PersonNameGramsTable {
  gram: string;
  name_pinyin: string;
  person_key: string;
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
