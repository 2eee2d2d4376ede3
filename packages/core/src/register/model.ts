// The register's domain types: the state of one person (a projection of the event log) and the
// events of interchange.md §1 events.csv. Field names are camelCase; the interchange columns are snake_case.

/** GB/T 2261.1: 1 male, 2 female. */
export type Sex = 1 | 2;

/** GB/T 2261.2: 10 never married, 20 married, 30 widowed, 40 divorced, 90 other. */
export const MARITAL_STATUSES = ['10', '20', '30', '40', '90'] as const;
export type MaritalStatus = (typeof MARITAL_STATUSES)[number];

/** agricultural / non_agricultural: the historical types; resident: 居民户口 since 2014. */
export const HUKOU_TYPES = ['agricultural', 'non_agricultural', 'resident'] as const;
export type HukouType = (typeof HUKOU_TYPES)[number];

/** Relation to the household head. */
export const RELATIONS = ['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other'] as const;
export type Relation = (typeof RELATIONS)[number];

/** 残疾人证 grade. */
export type DisabilityGrade = 1 | 2 | 3 | 4;

/**
 * merged: a second record of someone else (duplicateOf names them); dead: has a death date; left: hukou
 * and residence both outside the coverage; resident: otherwise.
 */
export type PersonStatus = 'resident' | 'left' | 'dead' | 'merged';

export interface PersonState {
  personId: string;
  /** 18 characters, normalised and valid. */
  idNumber: string | null;
  name: string;
  sex: Sex;
  birthDate: string;
  /** 2-digit GB/T 3304 code. */
  ethnicity: string | null;
  /** Division codes in their short form (652926100002, 652926100, 652926…). */
  hukouCode: string;
  residenceCode: string;
  householdId: string | null;
  relation: Relation | null;
  maritalStatus: MaritalStatus | null;
  /** The current spouse, when known to the register. */
  spouseId: string | null;
  motherId: string | null;
  fatherId: string | null;
  /** Live births so far (for women; used to derive birth order). */
  childrenEverBorn: number;
  /** 孩次 of this person among the mother's live births; null for people not born in the register. */
  birthOrder: number | null;
  hukouType: HukouType | null;
  disabilityGrade: DisabilityGrade | null;
  /** Issue date of the 独生子女父母光荣证. */
  onlyChildCertificate: string | null;
  adopted: boolean;
  deathDate: string | null;
  /** Set by a duplicate_of correction: this record is a second one of that person, kept with its history. */
  duplicateOf: string | null;
  status: PersonStatus;
  /** Unknown columns of the files, kept as given. */
  attributes: Record<string, string>;
}

export const EVENT_TYPES = [
  'birth',
  'death',
  'move',
  'hukou',
  'marriage',
  'divorce',
  'correction',
  'void',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

interface EventBase {
  eventId: string;
  /** The day it happened; it takes effect on that day. */
  date: string;
  /** The subject; for a birth, the new child. */
  personId: string;
  /** The day it entered the register (late registrations come after `date`). */
  recordedDate: string | null;
}

export interface BirthEvent extends EventBase {
  type: 'birth';
  motherId: string;
  fatherId: string | null;
  name: string;
  sex: Sex;
  idNumber: string | null;
  ethnicity: string | null;
  /** 孩次; derived from the mother when null. */
  birthOrder: number | null;
  birthCertNo: string | null;
  hukouCode: string;
  residenceCode: string;
}

export interface DeathEvent extends EventBase {
  type: 'death';
  /** Sensitive. */
  cause: string | null;
}

/** What a move or hukou from outside the coverage says about a person the register does not know yet. */
export interface ArrivalFields {
  name: string | null;
  sex: Sex | null;
  idNumber: string | null;
  birthDate: string | null;
  ethnicity: string | null;
}

/** Residence changes from fromCode to toCode. */
export interface MoveEvent extends EventBase, ArrivalFields {
  type: 'move';
  fromCode: string;
  toCode: string;
}

/** Registered residence (户籍) changes from fromCode to toCode. */
export interface HukouEvent extends EventBase, ArrivalFields {
  type: 'hukou';
  fromCode: string;
  toCode: string;
}

export interface MarriageEvent extends EventBase {
  type: 'marriage';
  spouseId: string;
}

export interface DivorceEvent extends EventBase {
  type: 'divorce';
  spouseId: string;
}

export const CORRECTABLE_FIELDS = [
  'name',
  'sex',
  'birth_date',
  'id_number',
  'ethnicity',
  'hukou_type',
  'disability_grade',
  'marital_status',
  'duplicate_of',
] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export interface CorrectionEvent extends EventBase {
  type: 'correction';
  /** One of CORRECTABLE_FIELDS (checked by the reducer: the file may say anything). */
  field: string;
  /** The new value as written; empty clears an optional field. */
  value: string;
  reason: string;
}

export interface VoidEvent extends EventBase {
  type: 'void';
  targetEventId: string;
  reason: string;
}

export type RegisterEvent =
  | BirthEvent
  | DeathEvent
  | MoveEvent
  | HukouEvent
  | MarriageEvent
  | DivorceEvent
  | CorrectionEvent
  | VoidEvent;
