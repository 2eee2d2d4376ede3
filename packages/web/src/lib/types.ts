// Shapes of the HTTP API (docs/api.md). Dates and instants arrive as ISO strings.
import type { Role } from '@renkou/core';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Division-code prefix the user may see; '' = the whole country. */
  scope: string;
  scopeName: string | null;
  disabled: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface Session {
  user: User;
  permissions: string[];
  mustChangePassword: boolean;
  expiresAt: string;
}

export interface Jurisdiction {
  code: string;
  name: string;
  /** 1 province … 5 village; the country (code '') is 0. */
  level: number;
  parentCode: string | null;
  hasChildren: boolean;
  validFrom: string;
  validTo: string | null;
  successorCode: string | null;
  path?: { code: string; name: string }[];
}

export type AuditOutcome = 'success' | 'denied' | 'failed';

export interface AuditEntry {
  id: string;
  seq?: number;
  at: string;
  username: string | null;
  role: string | null;
  scope?: string | null;
  ip: string | null;
  requestId: string | null;
  action: string;
  targetType: string | null;
  targetIds: string[];
  jurisdiction: string | null;
  outcome: AuditOutcome | string;
  purpose: string | null;
  details: Record<string, unknown>;
  sealed: boolean;
}

export interface Page<T> {
  items: T[];
  total: number;
  /** The server stopped counting at `total`. */
  totalCapped?: boolean;
}

// The population register (docs/api.md, the register rows).
export type PersonStatus = 'resident' | 'left' | 'dead' | 'merged';

export interface PersonSummary {
  personKey: string;
  name: string;
  /** 1 male, 2 female (GB/T 2261.1). */
  sex: number;
  birthDate: string;
  idNumberMasked: string | null;
  residenceCode: string;
  residenceName: string | null;
  hukouCode: string;
  status: PersonStatus | string;
  householdId: string | null;
}

export interface PersonView extends PersonSummary {
  hukouName: string | null;
  ethnicity: string | null;
  relation: string | null;
  maritalStatus: string | null;
  childrenEverBorn: number;
  birthOrder: number | null;
  hukouType: string | null;
  adopted: boolean;
  deathDate: string | null;
  /** The record this one duplicates (重复登记, status 'merged'). */
  duplicateOf: string | null;
  hasDisabilityGrade: boolean;
  hasOnlyChildCertificate: boolean;
  attributes: Record<string, string>;
}

export type Kinship = 'mother' | 'father' | 'spouse' | 'child' | 'household';

export interface Relative {
  personKey: string;
  name: string;
  sex: number;
  birthDate: string;
  kinship: Kinship;
  status: string;
}

export interface TimelineEntry {
  eventId: string;
  type: string;
  date: string;
  recordedDate: string;
  role: 'subject' | 'mother' | 'father' | 'spouse';
  /** In Chinese, written by the server. */
  summary: string;
  voided: boolean;
}

export interface PlaceEntry {
  kind: 'residence' | 'hukou';
  validFrom: string;
  validTo: string | null;
  code: string;
  name: string | null;
}

export interface PersonDetail {
  person: PersonView;
  relatives: Relative[];
  timeline: TimelineEntry[];
  places: PlaceEntry[];
}

export interface RegisterWarning {
  field: string;
  code: string;
  message: string;
}

export interface EventResult {
  personKey: string;
  eventId: string;
  status: 'accepted' | 'unchanged';
  warnings: RegisterWarning[];
}

export interface RegisterDataset {
  coverage: string;
  start: string;
  end: string;
}

export type ImportKind = 'persons' | 'events';

export interface ImportPreview {
  uploadId: string;
  fileName: string;
  kind: ImportKind;
  header: string[];
  sample: string[][];
  /** Column of the file → canonical column; '' keeps it as an attribute. */
  suggestedMapping: Record<string, string>;
}

export interface ImportCounts {
  accepted: number;
  rejected: number;
  unchanged: number;
  warnings: number;
}

export interface ImportStatus {
  id: string;
  status: 'running' | 'done' | 'failed';
  progress: { file: string; rows: number } | null;
  counts: ImportCounts | null;
  failure: string | null;
}

export interface ImportProblem {
  file: string;
  row: number;
  severity: string;
  field: string;
  code: string;
  message: string;
}
