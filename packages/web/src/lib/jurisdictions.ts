// Jurisdiction look-ups shared by the tree, the selector and the pages. The country has code '';
// its children are asked for as /api/jurisdictions/root/children.
import { api } from './api';
import type { Jurisdiction } from './types';

const segment = (code: string) => (code === '' ? 'root' : encodeURIComponent(code));

export function fetchRootJurisdiction(signal?: AbortSignal): Promise<Jurisdiction> {
  return api.get<Jurisdiction>('/api/jurisdictions/root', undefined, signal);
}

export function fetchJurisdiction(code: string, signal?: AbortSignal): Promise<Jurisdiction> {
  if (code === '') return fetchRootJurisdiction(signal);
  return api.get<Jurisdiction>(`/api/jurisdictions/${segment(code)}`, undefined, signal);
}

export async function fetchChildren(code: string, signal?: AbortSignal): Promise<Jurisdiction[]> {
  const answer = await api.get<{ items: Jurisdiction[] }>(
    `/api/jurisdictions/${segment(code)}/children`,
    undefined,
    signal,
  );
  return answer.items;
}

export async function searchJurisdictions(
  q: string,
  signal?: AbortSignal,
  limit = 20,
): Promise<Jurisdiction[]> {
  const answer = await api.get<{ items: Jurisdiction[] }>('/api/jurisdictions', { q, limit }, signal);
  return answer.items;
}
