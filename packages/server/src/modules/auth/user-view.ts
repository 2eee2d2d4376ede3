import { isAdministrator, isRole, rolePermissions, DAY, type Actor, type Role } from '@renkou/core';
import type { AuthSettings } from './auth-settings';
import type { UserRow } from './users.repository';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  scope: string;
  scopeName: string | null;
  disabled: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface SessionView {
  user: UserView;
  permissions: string[];
  mustChangePassword: boolean;
  expiresAt: string;
}

export function roleOf(row: UserRow): Role {
  if (!isRole(row.role)) throw new Error(`user ${row.username} has an unknown role ${row.role}`);
  return row.role;
}

/** A password must be changed at first login, after a reset, and when older than the policy allows. */
export function mustChangePassword(row: UserRow, now: Date, settings: AuthSettings): boolean {
  const ageDays = (now.getTime() - new Date(row.password_changed_at).getTime()) / DAY;
  return row.must_change_password || ageDays > settings.passwordPolicy.maxAgeDays;
}

export function toUserView(
  row: UserRow & { scope_name?: string | null; locked_until?: Date | null },
  now: Date,
  settings: AuthSettings,
): UserView {
  const lockedUntil =
    row.locked_until && new Date(row.locked_until) > now ? new Date(row.locked_until).toISOString() : null;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: roleOf(row),
    scope: row.scope,
    scopeName: row.scope === '' ? '全国' : (row.scope_name ?? null),
    disabled: row.disabled,
    lockedUntil,
    mustChangePassword: mustChangePassword(row, now, settings),
    createdAt: new Date(row.created_at).toISOString(),
    lastLoginAt: row.last_login_at ? new Date(row.last_login_at).toISOString() : null,
  };
}

export function toActor(row: UserRow, context: { requestId?: string; ip?: string }): Actor {
  return { userId: row.id, username: row.username, role: roleOf(row), scope: row.scope, ...context };
}

export function permissionsOf(role: Role): string[] {
  return [...rolePermissions[role]];
}

export function idleMinutesFor(role: Role, settings: AuthSettings): number {
  return isAdministrator(role) ? settings.adminIdleMinutes : settings.idleMinutes;
}
