// What every benefits service shares: the database, audit, clock, the register (for its cipher) and
// the crypto provider (bank accounts are sealed with it), plus small helpers used across services.
import {
  authorize,
  chinaDate,
  DomainError,
  ErrorCode,
  hasPermission,
  Permission,
  type Actor,
  type Clock,
} from '@renkou/core';
import type { Db } from '@renkou/db';
import type { CryptoProvider } from '../../crypto/crypto-provider';
import type { AuditService } from '../audit';
import type { RegisterService } from '../register';
import type { OpenSensitive } from './family.repository';

export interface BenefitsContext {
  db: Db;
  audit: AuditService;
  clock: Clock;
  register: RegisterService;
  crypto: CryptoProvider;
}

export const today = (clock: Clock): string => chinaDate(clock.now());

export const openSensitive =
  (context: BenefitsContext): OpenSensitive =>
  (sealed) =>
    context.register.cipher.openPerson(sealed);

/** The user id written into trails and batches when the system acts (a death recorded by an import). */
export const SYSTEM_USER = 'system';

/** PostgreSQL's unique_violation, on both engines. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/** Entering an application: a reviewer, or a worker who records life events (the village worker). */
export function authorizeEntry(actor: Actor, code?: string): void {
  const permission = hasPermission(actor.role, Permission.BenefitReview)
    ? Permission.BenefitReview
    : Permission.PersonWrite;
  authorize(actor, permission, code);
}

/** Bank account numbers are shown as their last four digits only. */
export function maskAccount(account: string): string {
  return account.length <= 4
    ? '*'.repeat(account.length)
    : `${'*'.repeat(account.length - 4)}${account.slice(-4)}`;
}

export function notFound(what: string): DomainError {
  return new DomainError(ErrorCode.NotFound, `${what}不存在`);
}

export function conflict(message: string, reason: string): DomainError {
  return new DomainError(ErrorCode.Conflict, message, [{ reason }]);
}
