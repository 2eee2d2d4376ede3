// The shapes of the reconciliation HTTP API (/api/records/...): link runs, worklists and their
// resolutions, completeness and record imports. The server answers with them and the web app reads
// them; both import them from here. Types and constants only.

/**
 * Sources with a linkage model: their records are linked against the register (a marriage record as
 * its two parties, record_id#1 and record_id#2).
 */
export const LINKABLE_SOURCES = ['hospital_births', 'civil_deaths', 'hukou', 'civil_marriages'] as const;
export type LinkableSource = (typeof LINKABLE_SOURCES)[number];

/** Sources whose records name a place, so that 统计求实率 can be counted by township (a marriage record names none). */
export const COMPLETENESS_SOURCES: readonly LinkableSource[] = LINKABLE_SOURCES.filter(
  (source) => source !== 'civil_marriages',
);

/** A link run's source: a department's, or 'register' for the register against itself (重复登记). */
export const REGISTER_SOURCE = 'register';
export const LINK_RUN_SOURCES = [...LINKABLE_SOURCES, REGISTER_SOURCE] as const;
export type LinkRunSource = (typeof LINK_RUN_SOURCES)[number];

/**
 * hukou_unmatched (户籍变动未对上): a hukou row of a move in, a move out or a death with no register
 * person; a hukou birth without one is an unregistered_birth.
 */
export const WORKLIST_ITEMS = [
  'unregistered_birth',
  'conflict',
  'death_alive',
  'hukou_unmatched',
  'review',
] as const;
export type WorklistItem = (typeof WORKLIST_ITEMS)[number];

export type ResolveAction =
  | 'match'
  | 'non_match'
  | 'register'
  | 'correct'
  | 'keep'
  | 'dismiss'
  // 不是同一个孩子: a missing birth's hukou row is another baby; the item stays open (ADR 0019).
  | 'split';

/** What each list may be resolved with (the server refuses anything else). */
export const ACTIONS_OF: Record<WorklistItem, readonly ResolveAction[]> = {
  review: ['match', 'non_match'],
  unregistered_birth: ['register', 'dismiss', 'split'],
  conflict: ['correct', 'keep'],
  death_alive: ['register', 'dismiss'],
  // register: 办理迁入登记 (a move in only); dismiss: 已核实，不需登记; keep: 登记库另有此人.
  hukou_unmatched: ['register', 'dismiss', 'keep'],
};

/** Hukou events of the hukou_unmatched list; only a move in is registered from it (the hukou form). */
export const HUKOU_UNMATCHED_EVENTS = ['move_in', 'move_out', 'death'] as const;

export interface LinkRunProgress {
  stage: string;
  done: number;
  total: number;
}

export interface LinkRunView {
  id: string;
  source: string;
  status: 'running' | 'done' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  startedBy: string;
  progress: LinkRunProgress;
  counts: Record<string, number>;
  failure: string | null;
}

/** A department's source with its stored records and last link run (the 核对 page's header). */
export interface RecordSourceInfo {
  name: string;
  label: string;
  records: number;
  linkable: boolean;
  lastRun: LinkRunView | null;
}

/** Fields compared between a record and its register person (id_number: sources holding the person's own ID). */
export const CONFLICT_FIELDS = ['name', 'birth_date', 'sex', 'id_number'] as const;

export interface FieldConflict {
  field: (typeof CONFLICT_FIELDS)[number];
  label: string;
  /** ID numbers are masked (first 4 and last 4) except where the two differ. */
  record: string;
  register: string;
}

/** A register person as the worklists show them beside a record. */
export interface RegisterPersonBrief {
  personKey: string;
  name: string;
  sex: string;
  birthDate: string;
  hukouCode: string;
  residenceCode: string;
  status: string;
}

export interface WorklistEntry {
  id: string;
  item: WorklistItem;
  source: string;
  recordId: string;
  probability: number;
  matchWeight: number | null;
  record: {
    name: string;
    sex: string;
    birthDate: string;
    date: string | null;
    place: string | null;
    motherName: string;
    hospital: string;
    /** A hukou row's event (birth, move_in, move_out, death); '' for other sources. */
    event: string;
  };
  /** The register person the record is about, or on a list of unmatched records the closest candidate. */
  person: RegisterPersonBrief | null;
  conflicts: FieldConflict[];
  /** Programmes the person is enrolled in and paid (deaths: their payments must stop). */
  benefits: string[];
  /** On a hospital birth: the hukou row of the same baby (户籍也有此出生, ADR 0019), resolved with it. */
  sameBirth: SameBirthRecord | null;
}

/** A hukou birth row shown on the hospital birth of the same baby. */
export interface SameBirthRecord {
  decisionId: string;
  recordId: string;
  name: string;
  sex: string;
  birthDate: string;
  /** The baby's hukou village. */
  place: string;
  /** When the hukou office settled the hukou. */
  date: string | null;
}

/** The register form to open next, with its values: the clerk checks them and submits. */
export interface Prefill {
  form: 'birth' | 'death' | 'correction' | 'hukou';
  /** Query of /register/new/FORM (mother=KEY or person=KEY). */
  query: Record<string, string>;
  values: Record<string, string>;
}

export interface ResolveResult {
  id: string;
  item: WorklistItem;
  action: ResolveAction;
  prefill: Prefill | null;
}

export interface CompletenessCounts {
  records: number;
  found: number;
  notFound: number;
  pending: number;
  unlinked: number;
  /** found / records, null without records. */
  completeness: number | null;
}

export interface CompletenessReport {
  source: string;
  jurisdiction: string;
  year: string | null;
  /** Years with records in the scope, newest first (the page's year picker). */
  years: string[];
  lastLinkedAt: string | null;
  months: (CompletenessCounts & { township: string; townshipName: string; month: string })[];
  townships: (CompletenessCounts & { township: string; townshipName: string })[];
  total: CompletenessCounts;
}

export interface RecordProblemRow {
  row: number;
  field: string;
  code: string;
  message: string;
}

export interface RecordImportResult {
  importId: string;
  source: string;
  status: 'done' | 'rejected';
  rows: number;
  added: number;
  unchanged: number;
  problems: RecordProblemRow[];
  /** The report written beside the file when it was rejected. */
  report?: string;
}

/** One side of a register duplicate pair, as the list shows it (the ID number masked). */
export interface DuplicateSide extends RegisterPersonBrief {
  deathDate: string | null;
  /** Masked as everywhere, except the positions where the two differ; '' without one. */
  idNumber: string;
}

/** A pair of persons a register run found likely to be one person (重复登记). */
export interface DuplicateEntry {
  id: string;
  probability: number;
  matchWeight: number;
  comparisons: { name: string; level: string; weight: number }[];
  a: DuplicateSide;
  b: DuplicateSide;
}

/** merge: one record becomes the other's duplicate (a correction; both histories stay). distinct: two people. */
export const DUPLICATE_ACTIONS = ['merge', 'distinct'] as const;
export type DuplicateAction = (typeof DUPLICATE_ACTIONS)[number];
