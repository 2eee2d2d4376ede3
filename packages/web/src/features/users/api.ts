import type { Role } from '@renkou/core';
import { api } from '../../lib/api';
import type { Page, User } from '../../lib/types';

export interface UserQuery {
  q: string;
  page: number;
  pageSize: number;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  scope: string;
  password?: string;
}

export interface UserChanges {
  displayName?: string;
  role?: Role;
  scope?: string;
  disabled?: boolean;
  unlock?: boolean;
}

export function listUsers(query: UserQuery, signal?: AbortSignal): Promise<Page<User>> {
  return api.get<Page<User>>(
    '/api/users',
    { q: query.q.trim(), page: query.page, pageSize: query.pageSize },
    signal,
  );
}

/** temporaryPassword is null when the administrator gave the initial password. */
export function createUser(user: NewUser): Promise<{ user: User; temporaryPassword: string | null }> {
  return api.post('/api/users', user);
}

export function updateUser(id: string, changes: UserChanges): Promise<User> {
  return api.patch(`/api/users/${encodeURIComponent(id)}`, changes);
}

export function resetPassword(id: string): Promise<{ temporaryPassword: string }> {
  return api.post(`/api/users/${encodeURIComponent(id)}/reset-password`);
}
