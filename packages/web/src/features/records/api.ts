// The reconciliation HTTP calls (/api/records/..., shapes from the server's records.schemas.ts): sources
// and link runs, worklists, one pair, resolutions and completeness.
import { api, uploadFile } from '../../lib/api';

export type LinkableSource = 'hospital_births' | 'civil_deaths';
export const LINKABLE_SOURCES: LinkableSource[] = ['hospital_births', 'civil_deaths'];
export type WorklistItem = 'unregistered_birth' | 'conflict' | 'death_alive' | 'review';
export const WORKLIST_ITEMS: WorklistItem[] = ['unregistered_birth', 'conflict', 'death_alive', 'review'];
export type ResolveAction = 'match' | 'non_match' | 'register' | 'correct' | 'keep' | 'dismiss';

/** What each list may be resolved with (the server checks the same). */
export const ACTIONS_OF: Record<WorklistItem, ResolveAction[]> = {
  review: ['match', 'non_match'],
  unregistered_birth: ['register', 'dismiss'],
  conflict: ['correct', 'keep'],
  death_alive: ['register', 'dismiss'],
};

export interface LinkRun {
  id: string;
  source: string;
  status: 'running' | 'done' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  startedBy: string;
  progress: { stage: string; done: number; total: number };
  counts: Record<string, number>;
  failure: string | null;
}

export interface RecordSourceInfo {
  name: string;
  label: string;
  records: number;
  linkable: boolean;
  lastRun: LinkRun | null;
}

export interface FieldConflict {
  field: 'name' | 'birth_date' | 'sex';
  label: string;
  record: string;
  register: string;
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
  };
  person: {
    personKey: string;
    name: string;
    sex: string;
    birthDate: string;
    hukouCode: string;
    residenceCode: string;
    status: string;
  } | null;
  conflicts: FieldConflict[];
  benefits: string[];
}

export interface Pair extends WorklistEntry {
  class: 'auto_match' | 'review' | 'non_match';
  verdict: 'match' | 'non_match' | null;
  comparisons: { name: string; level: string; weight: number }[];
  resolution: { action: string; reason: string; by: string; at: string } | null;
}

export interface Prefill {
  form: 'birth' | 'death' | 'correction';
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
  completeness: number | null;
}

export interface CompletenessReport {
  source: string;
  jurisdiction: string;
  year: string | null;
  years: string[];
  lastLinkedAt: string | null;
  months: (CompletenessCounts & { township: string; townshipName: string; month: string })[];
  townships: (CompletenessCounts & { township: string; townshipName: string })[];
  total: CompletenessCounts;
}

export interface ImportResult {
  importId: string;
  source: string;
  status: 'done' | 'rejected';
  rows: number;
  added: number;
  unchanged: number;
  problems: { row: number; field: string; code: string; message: string }[];
}

export const getSources = (signal?: AbortSignal) =>
  api.get<{ items: RecordSourceInfo[] }>('/api/records/sources', undefined, signal);

export const startLinkRun = (source: LinkableSource) =>
  api.post<{ runId: string }>('/api/records/link-runs', { source });

export const getLinkRun = (id: string, signal?: AbortSignal) =>
  api.get<LinkRun>(`/api/records/link-runs/${encodeURIComponent(id)}`, undefined, signal);

export const getWorklistSummary = (signal?: AbortSignal) =>
  api.get<Record<WorklistItem, number>>('/api/records/worklists', undefined, signal);

export const getWorklist = (item: WorklistItem, page: number, pageSize: number, signal?: AbortSignal) =>
  api.get<{ items: WorklistEntry[]; total: number }>(
    `/api/records/worklists/${item}`,
    { page, pageSize },
    signal,
  );

export const getPair = (id: string, signal?: AbortSignal) =>
  api.get<Pair>(`/api/records/decisions/${encodeURIComponent(id)}`, undefined, signal);

export const resolveItem = (
  id: string,
  body: { item: WorklistItem; action: ResolveAction; reason: string },
) => api.post<ResolveResult>(`/api/records/decisions/${encodeURIComponent(id)}/resolve`, body);

export const getCompleteness = (source: LinkableSource, year: string | undefined, signal?: AbortSignal) =>
  api.get<CompletenessReport>('/api/records/completeness', { source, year }, signal);

/** The source goes before the file: the server reads it first. */
export const importRecords = (source: string, file: File) =>
  uploadFile<ImportResult>('/api/records/imports', file, { source });

/** Where a resolution that changes the register goes next: the register's form, prefilled. */
export function prefillTarget(prefill: Prefill): {
  path: string;
  state: { prefill: Record<string, string> };
} {
  const query = new URLSearchParams(prefill.query).toString();
  return {
    path: `/register/new/${prefill.form}${query ? `?${query}` : ''}`,
    state: { prefill: prefill.values },
  };
}
