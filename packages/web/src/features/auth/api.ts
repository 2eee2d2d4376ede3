import { request } from '../../lib/api';
import type { Session } from '../../lib/types';

export function login(username: string, password: string): Promise<Session> {
  return request<Session>('/api/auth/login', {
    method: 'POST',
    body: { username, password },
    allowUnauthenticated: true,
  });
}

export function changePassword(currentPassword: string, newPassword: string): Promise<Session> {
  return request<Session>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
}
