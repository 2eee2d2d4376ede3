// The reconciliation HTTP calls (/api/records/...; the shapes are @renkou/core's, shared with the
// server): sources and link runs, worklists, one pair, resolutions and completeness.
import type {
  CompletenessReport,
  DuplicateAction,
  DuplicateEntry,
  LinkRunSource,
  LinkableSource,
  LinkRunView,
  MarriageEntry,
  Prefill,
  RecordImportResult,
  RecordSourceInfo,
  ResolveAction,
  ResolveResult,
  WorklistEntry,
  WorklistItem,
} from '@renkou/core';
import { api, uploadFile } from '../../lib/api';

export interface Pair extends WorklistEntry {
  class: 'auto_match' | 'review' | 'non_match';
  verdict: 'match' | 'non_match' | null;
  comparisons: { name: string; level: string; weight: number }[];
  resolution: { action: string; reason: string; by: string; at: string } | null;
}

export const getSources = (signal?: AbortSignal) =>
  api.get<{ items: RecordSourceInfo[] }>('/api/records/sources', undefined, signal);

export const startLinkRun = (source: LinkRunSource) =>
  api.post<{ runId: string }>('/api/records/link-runs', { source });

export const getLinkRun = (id: string, signal?: AbortSignal) =>
  api.get<LinkRunView>(`/api/records/link-runs/${encodeURIComponent(id)}`, undefined, signal);

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
  body: { item: WorklistItem; action: ResolveAction; reason: string; sameBirthRecordId?: string },
) => api.post<ResolveResult>(`/api/records/decisions/${encodeURIComponent(id)}/resolve`, body);

export const getDuplicates = (page: number, pageSize: number, signal?: AbortSignal) =>
  api.get<{ items: DuplicateEntry[]; total: number }>('/api/records/duplicates', { page, pageSize }, signal);

export const resolveDuplicate = (
  id: string,
  body: { action: DuplicateAction; keep?: string; reason: string },
) =>
  api.post<{ id: string; merged: string | null }>(
    `/api/records/duplicates/${encodeURIComponent(id)}/resolve`,
    body,
  );

export const getMarriages = (page: number, pageSize: number, signal?: AbortSignal) =>
  api.get<{ items: MarriageEntry[]; total: number }>('/api/records/marriages', { page, pageSize }, signal);

export const dismissMarriage = (recordId: string, reason: string) =>
  api.post<{ recordId: string }>(`/api/records/marriages/${encodeURIComponent(recordId)}/dismiss`, {
    reason,
  });

export const getCompleteness = (source: LinkableSource, year: string | undefined, signal?: AbortSignal) =>
  api.get<CompletenessReport>('/api/records/completeness', { source, year }, signal);

/** The source goes before the file: the server reads it first. */
export const importRecords = (source: string, file: File) =>
  uploadFile<RecordImportResult>('/api/records/imports', file, { source });

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
