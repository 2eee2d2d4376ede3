// The register's HTTP calls (docs/api.md): person search and pages, the audited reveal, households,
// events from the forms, and the import wizard.
import type { EventColumn } from '@renkou/core';
import { api, uploadFile } from '../../lib/api';
import type {
  EventResult,
  ImportKind,
  ImportPreview,
  ImportProblem,
  ImportStatus,
  Page,
  PersonDetail,
  PersonSummary,
  RegisterDataset,
} from '../../lib/types';

export interface PersonQuery {
  q?: string;
  jurisdiction?: string;
  birthDate?: string;
  sex?: number;
  status?: string;
  page: number;
  pageSize: number;
}

const key = (value: string) => encodeURIComponent(value);

export function searchPersons(query: PersonQuery, signal?: AbortSignal): Promise<Page<PersonSummary>> {
  return api.get('/api/persons', { ...query, q: query.q?.trim() }, signal);
}

export function getPerson(personKey: string, signal?: AbortSignal): Promise<PersonDetail> {
  return api.get(`/api/persons/${key(personKey)}`, undefined, signal);
}

export function revealIdNumber(personKey: string, purpose: string): Promise<{ idNumber: string | null }> {
  return api.post(`/api/persons/${key(personKey)}/reveal-id`, { purpose });
}

export function stepUp(password: string): Promise<{ steppedUpAt: string }> {
  return api.post('/api/auth/step-up', { password });
}

export async function householdMembers(id: string, signal?: AbortSignal): Promise<PersonSummary[]> {
  const answer = await api.get<{ members: PersonSummary[] }>(`/api/households/${key(id)}`, undefined, signal);
  return answer.members;
}

/** One events.csv row; every value a string. */
export type EventInput = Partial<Record<EventColumn, string>>;

export function recordEvent(row: EventInput): Promise<EventResult> {
  return api.post('/api/register/events', row);
}

export async function fetchDataset(signal?: AbortSignal): Promise<RegisterDataset | null> {
  const answer = await api.get<{ dataset: RegisterDataset | null }>(
    '/api/register/dataset',
    undefined,
    signal,
  );
  return answer.dataset;
}

export const templateUrl = (kind: ImportKind) => `/api/register/templates/${kind}.xlsx`;
export const reportUrl = (importId: string) => `/api/register/imports/${key(importId)}/report.csv`;

export function previewImport(file: File): Promise<ImportPreview> {
  return uploadFile('/api/register/imports/preview', file);
}

export interface ImportUpload {
  uploadId: string;
  kind: ImportKind;
  mapping: Record<string, string>;
}

export function startImport(
  uploads: ImportUpload[],
  dataset?: RegisterDataset,
): Promise<{ importId: string }> {
  return api.post('/api/register/imports', dataset ? { uploads, dataset } : { uploads });
}

export function importStatus(id: string, signal?: AbortSignal): Promise<ImportStatus> {
  return api.get(`/api/register/imports/${key(id)}`, undefined, signal);
}

export function importProblems(
  id: string,
  query: { page: number; pageSize: number; severity?: string },
  signal?: AbortSignal,
): Promise<Page<ImportProblem>> {
  return api.get(`/api/register/imports/${key(id)}/problems`, query, signal);
}
