import { DomainError, ErrorCode } from '../common/errors';
import { hasPermission, type Permission, type Role } from './roles';

/** Who is acting: every service call takes one, and the guard below decides. */
export interface Actor {
  userId: string;
  username: string;
  role: Role;
  /** Division-code prefix the user may see ('' = the whole country). */
  scope: string;
  requestId?: string;
  ip?: string;
  /** When the user last re-entered their password in this session (ISO instant). */
  steppedUpAt?: string;
}

/** How recent a step-up must be for the most sensitive operations (reveal, unmasked export). */
export const STEP_UP_MINUTES = 5;

/** Throws STEP_UP_REQUIRED unless the actor re-authenticated within the window. */
export function requireStepUp(actor: Actor, now: Date, minutes = STEP_UP_MINUTES): void {
  const at = actor.steppedUpAt ? Date.parse(actor.steppedUpAt) : Number.NaN;
  if (!(now.getTime() - at <= minutes * 60_000)) {
    throw new DomainError(ErrorCode.StepUpRequired, `此操作须在 ${minutes} 分钟内重新输入密码确认身份`);
  }
}

/** True when the jurisdiction code lies inside the scope prefix. */
export function scopeCovers(scope: string, code: string): boolean {
  return code.startsWith(scope);
}

/** True when two scopes overlap: a jurisdiction above the scope (an ancestor) is visible as a path node only. */
export function isAncestorOfScope(scope: string, code: string): boolean {
  return scope.startsWith(code);
}

/**
 * The one guard every module uses. Throws FORBIDDEN when the role lacks the permission
 * or the jurisdiction lies outside the scope.
 */
export function authorize(actor: Actor, permission: Permission, jurisdictionCode?: string): void {
  if (!hasPermission(actor.role, permission)) {
    throw new DomainError(ErrorCode.Forbidden, `角色无此权限：${permission}`);
  }
  if (jurisdictionCode !== undefined && !scopeCovers(actor.scope, jurisdictionCode)) {
    throw new DomainError(ErrorCode.Forbidden, `区划 ${jurisdictionCode} 不在您的管辖范围内`);
  }
}

/** For a record (a person, a case): outside the scope it does not exist for this actor (404, not 403). */
export function assertRecordInScope(actor: Actor, codes: string[], what: string): void {
  if (!codes.some((code) => scopeCovers(actor.scope, code))) {
    throw new DomainError(ErrorCode.NotFound, `${what}不存在`);
  }
}
