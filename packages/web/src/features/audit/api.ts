import { api } from '../../lib/api';
import type { AuditEntry, Page } from '../../lib/types';

export interface AuditQuery {
  from?: string;
  to?: string;
  username?: string;
  action?: string;
  outcome?: string;
  page: number;
  pageSize: number;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  pending: number;
  problems: string[];
}

export function listAudit(query: AuditQuery, signal?: AbortSignal): Promise<Page<AuditEntry>> {
  return api.get<Page<AuditEntry>>('/api/audit', { ...query }, signal);
}

export function verifyAudit(): Promise<VerifyResult> {
  return api.post('/api/audit/verify');
}
