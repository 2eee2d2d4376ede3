// The generator's output: rows keyed by the interchange column names (spec/interchange.md §1, §2),
// every value a string ('' = empty cell). Names carry "Synthetic" where the register has its own.
import { EVENT_COLUMNS, type EventColumn } from '../register/event-row';

export const SYNTHETIC_PERSON_COLUMNS = [
  'person_id',
  'id_number',
  'name',
  'sex',
  'birth_date',
  'ethnicity',
  'hukou_code',
  'residence_code',
  'household_id',
  'relation',
  'marital_status',
  'mother_id',
  'father_id',
  'children_ever_born',
  'hukou_type',
  'disability_grade',
  'only_child_certificate',
] as const;
export type SyntheticPersonColumn = (typeof SYNTHETIC_PERSON_COLUMNS)[number];
export type SyntheticPersonRow = Record<SyntheticPersonColumn, string>;

/** An events.csv row: the columns its type uses (absent = empty). */
export type SyntheticEventRow = Partial<Record<EventColumn, string>> & {
  event_id: string;
  type: string;
  date: string;
  person_id: string;
};

export const HOSPITAL_BIRTH_COLUMNS = [
  'record_id',
  'name',
  'sex',
  'birth_date',
  'address_code',
  'mother_name',
  'mother_id_number',
  'id_number',
  'hospital',
  'birth_cert_no',
  'father_name',
  'father_id_number',
] as const;
export type HospitalBirthRow = Record<(typeof HOSPITAL_BIRTH_COLUMNS)[number], string>;

export const HUKOU_COLUMNS = [
  'record_id',
  'id_number',
  'name',
  'sex',
  'birth_date',
  'hukou_code',
  'event',
  'event_date',
] as const;
export type HukouRow = Record<(typeof HUKOU_COLUMNS)[number], string>;

export const CIVIL_DEATH_COLUMNS = [
  'record_id',
  'id_number',
  'name',
  'sex',
  'birth_date',
  'death_date',
  'address_code',
] as const;
export type CivilDeathRow = Record<(typeof CIVIL_DEATH_COLUMNS)[number], string>;

export const CIVIL_MARRIAGE_COLUMNS = [
  'record_id',
  'event',
  'date',
  'id_number_1',
  'name_1',
  'id_number_2',
  'name_2',
] as const;
export type CivilMarriageRow = Record<(typeof CIVIL_MARRIAGE_COLUMNS)[number], string>;

/** Truth for a department record: the register person it is about ('' = deliberately not in the register). */
export const TRUTH_COLUMNS = ['record_id', 'person_id', 'errors'] as const;
export type SyntheticTruthRow = Record<(typeof TRUTH_COLUMNS)[number], string>;

/** Truth for a marriage or divorce record: the register persons of party 1 (the man) and party 2. */
export const MARRIAGE_TRUTH_COLUMNS = ['record_id', 'person_id_1', 'person_id_2', 'errors'] as const;
export type MarriageTruthRow = Record<(typeof MARRIAGE_TRUTH_COLUMNS)[number], string>;

/** Every file but persons.csv, with its columns; truth files live in the truth/ folder. */
export const SYNTHETIC_FILES = {
  events: EVENT_COLUMNS,
  hospital_births: HOSPITAL_BIRTH_COLUMNS,
  hukou: HUKOU_COLUMNS,
  civil_deaths: CIVIL_DEATH_COLUMNS,
  civil_marriages: CIVIL_MARRIAGE_COLUMNS,
  'truth/hospital_births': TRUTH_COLUMNS,
  'truth/hukou': TRUTH_COLUMNS,
  'truth/civil_deaths': TRUTH_COLUMNS,
  'truth/civil_marriages': MARRIAGE_TRUTH_COLUMNS,
} as const;
export type SyntheticFile = keyof typeof SYNTHETIC_FILES;

export type SyntheticRecord =
  | { file: 'events'; row: SyntheticEventRow }
  | { file: 'hospital_births'; row: HospitalBirthRow }
  | { file: 'hukou'; row: HukouRow }
  | { file: 'civil_deaths'; row: CivilDeathRow }
  | { file: 'civil_marriages'; row: CivilMarriageRow }
  | { file: 'truth/hospital_births' | 'truth/hukou' | 'truth/civil_deaths'; row: SyntheticTruthRow }
  | { file: 'truth/civil_marriages'; row: MarriageTruthRow };

/**
 * Kinds of injected differences listed in the truth files' `errors` column (';'-separated). The
 * register_missing_* kinds say what the register lacks; the others are mistakes in the record.
 */
export const SYNTHETIC_ERROR_KINDS = [
  'register_missing_birth',
  'register_missing_death',
  'name_typo',
  'name_homophone',
  'name_traditional',
  'mother_name_typo',
  'mother_name_homophone',
  'mother_name_traditional',
  'mother_id_digit',
  'mother_id_missing',
  'id_digit',
  'id_missing',
  'name_1_typo',
  'name_1_homophone',
  'name_1_traditional',
  'name_2_typo',
  'name_2_homophone',
  'name_2_traditional',
  'id_1_digit',
  'id_2_digit',
  'date_shift',
  'birth_date_shift',
  'event_date_shift',
  'death_date_shift',
  'code_mismatch',
] as const;
export type SyntheticErrorKind = (typeof SYNTHETIC_ERROR_KINDS)[number];
