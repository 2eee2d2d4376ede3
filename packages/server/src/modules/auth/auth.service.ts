// Login, sessions and password changes. Failures are answered alike for unknown users and wrong
// passwords; five failures within 15 minutes lock the name for 30 (spec/security.md).
import { createHash, randomBytes } from 'node:crypto';
import {
  checkPassword,
  describePasswordProblems,
  DomainError,
  ErrorCode,
  HOUR,
  isAdministrator,
  MINUTE,
  uuidv7,
  type Actor,
  type Clock,
} from '@renkou/core';
import type { Db } from '@renkou/db';
import type { AuditService } from '../audit';
import type { AuthSettings } from './auth-settings';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password-hasher';
import { SlidingWindowLimiter } from './rate-limiter';
import {
  endSession,
  endUserSessions,
  findOpenSession,
  insertSession,
  touchSession,
} from './sessions.repository';
import {
  addPasswordHistory,
  clearFailures,
  countFailuresSince,
  findLock,
  findUserById,
  findUserByUsername,
  lock,
  recentPasswordHashes,
  recordFailure,
  updateUser,
  type UserRow,
} from './users.repository';
import {
  idleMinutesFor,
  mustChangePassword,
  permissionsOf,
  roleOf,
  toActor,
  toUserView,
  type SessionView,
} from './user-view';

export interface RequestContext {
  ip?: string;
  userAgent?: string;
  requestId?: string;
}

export interface Authenticated {
  actor: Actor;
  sessionId: string;
  mustChangePassword: boolean;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class AuthService {
  private readonly ipLimiter: SlidingWindowLimiter;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly settings: AuthSettings,
  ) {
    this.ipLimiter = new SlidingWindowLimiter(settings.loginsPerIpPerMinute, MINUTE);
  }

  async login(
    usernameInput: string,
    password: string,
    context: RequestContext,
  ): Promise<{ token: string; session: SessionView }> {
    const now = this.clock.now();
    if (context.ip && !this.ipLimiter.tryAcquire(context.ip, now.getTime())) {
      throw new DomainError(ErrorCode.RateLimited, '登录尝试过于频繁，请稍后再试');
    }
    const username = usernameInput.trim().toLowerCase();
    const lockedUntil = await findLock(this.db, username);
    if (lockedUntil && lockedUntil > now) {
      throw new DomainError(
        ErrorCode.AccountLocked,
        `连续登录失败次数过多，账号已锁定至 ${lockedUntil.toISOString()}`,
      );
    }
    const user = await findUserByUsername(this.db, username);
    const valid = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password);
    if (!user || !valid || user.disabled) {
      await this.recordFailedLogin(username, context, now);
      throw new DomainError(ErrorCode.InvalidCredentials, '用户名或密码错误');
    }

    const token = randomBytes(32).toString('base64url');
    const sessionId = uuidv7(now.getTime());
    const expiresAt = new Date(now.getTime() + this.settings.absoluteHours * HOUR);
    await this.db.transaction().execute(async (trx) => {
      await clearFailures(trx, username);
      await insertSession(trx, {
        id: sessionId,
        token_hash: hashToken(token),
        user_id: user.id,
        created_at: now,
        last_seen_at: now,
        expires_at: expiresAt,
        ended_at: null,
        ip: context.ip ?? null,
        user_agent: context.userAgent ?? null,
      });
      await updateUser(trx, user.id, { last_login_at: now });
      await this.audit.record(
        trx,
        { actor: toActor(user, context) },
        { action: 'auth.login', targetType: 'session', targetIds: [sessionId] },
      );
    });
    return { token, session: await this.sessionView({ ...user, last_login_at: now }, expiresAt) };
  }

  private async recordFailedLogin(username: string, context: RequestContext, now: Date): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await recordFailure(trx, username, context.ip ?? null, now);
      const failures = await countFailuresSince(
        trx,
        username,
        new Date(now.getTime() - this.settings.lockWindowMinutes * MINUTE),
      );
      const locked = failures >= this.settings.lockThreshold;
      if (locked) await lock(trx, username, new Date(now.getTime() + this.settings.lockMinutes * MINUTE));
      await this.audit.record(
        trx,
        { username, ip: context.ip, requestId: context.requestId },
        { action: 'auth.login_failed', outcome: 'denied', details: { failures, locked } },
      );
    });
  }

  /** The actor behind a session token, or undefined when the session is unknown, ended or expired. */
  async authenticate(token: string, context: RequestContext): Promise<Authenticated | undefined> {
    const now = this.clock.now();
    const session = await findOpenSession(this.db, hashToken(token));
    if (!session) return undefined;
    const user = await findUserById(this.db, session.user_id);
    if (!user || user.disabled) return undefined;
    const idleMs = idleMinutesFor(roleOf(user), this.settings) * MINUTE;
    if (
      now >= new Date(session.expires_at) ||
      now.getTime() - new Date(session.last_seen_at).getTime() > idleMs
    ) {
      await endSession(this.db, session.id, now);
      return undefined;
    }
    // Touch at most once a minute: idle timeouts need minute precision, not a write per request.
    if (now.getTime() - new Date(session.last_seen_at).getTime() > MINUTE)
      await touchSession(this.db, session.id, now);
    const steppedUpAt = session.stepped_up_at ? new Date(session.stepped_up_at).toISOString() : undefined;
    return {
      actor: {
        ...toActor(user, { requestId: context.requestId, ip: context.ip }),
        ...(steppedUpAt ? { steppedUpAt } : {}),
      },
      sessionId: session.id,
      mustChangePassword: mustChangePassword(user, now, this.settings),
    };
  }

  async describe(auth: Authenticated): Promise<SessionView> {
    const user = await this.requireUser(auth.actor.userId);
    const session = await this.db
      .selectFrom('sessions')
      .select('expires_at')
      .where('id', '=', auth.sessionId)
      .executeTakeFirstOrThrow();
    return this.sessionView(user, new Date(session.expires_at));
  }

  /**
   * Re-authentication inside a session: the password again, counted like a login failure when wrong
   * (so it cannot be guessed past the lockout). Sensitive operations then accept the session for a few minutes.
   */
  async stepUp(
    auth: Authenticated,
    password: string,
    context: RequestContext,
  ): Promise<{ steppedUpAt: string }> {
    const now = this.clock.now();
    const user = await this.requireUser(auth.actor.userId);
    const lockedUntil = await findLock(this.db, user.username);
    if (lockedUntil && lockedUntil > now) {
      throw new DomainError(
        ErrorCode.AccountLocked,
        `连续验证失败次数过多，账号已锁定至 ${lockedUntil.toISOString()}`,
      );
    }
    if (!(await verifyPassword(user.password_hash, password))) {
      await this.recordFailedLogin(user.username, context, now);
      throw new DomainError(ErrorCode.InvalidCredentials, '密码错误');
    }
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('sessions')
        .set({ stepped_up_at: now })
        .where('id', '=', auth.sessionId)
        .execute();
      await this.audit.record(
        trx,
        { actor: auth.actor },
        { action: 'auth.step_up', targetType: 'session', targetIds: [auth.sessionId] },
      );
    });
    return { steppedUpAt: now.toISOString() };
  }

  async logout(auth: Authenticated): Promise<void> {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      await endSession(trx, auth.sessionId, now);
      await this.audit.record(
        trx,
        { actor: auth.actor },
        { action: 'auth.logout', targetType: 'session', targetIds: [auth.sessionId] },
      );
    });
  }

  async changePassword(
    auth: Authenticated,
    currentPassword: string,
    newPassword: string,
  ): Promise<SessionView> {
    const now = this.clock.now();
    const user = await this.requireUser(auth.actor.userId);
    if (!(await verifyPassword(user.password_hash, currentPassword))) {
      throw new DomainError(ErrorCode.InvalidCredentials, '当前密码不正确', [
        { field: 'currentPassword', reason: '当前密码不正确' },
      ]);
    }
    const newHash = await this.checkNewPassword(user, newPassword);
    await this.db.transaction().execute(async (trx) => {
      await updateUser(trx, user.id, {
        password_hash: newHash,
        password_changed_at: now,
        must_change_password: false,
      });
      await addPasswordHistory(trx, user.id, newHash, now);
      await endUserSessions(trx, user.id, now, auth.sessionId);
      await this.audit.record(
        trx,
        { actor: auth.actor },
        { action: 'auth.password_change', targetType: 'user', targetIds: [user.id] },
      );
    });
    return this.describe(auth);
  }

  /** Checks a new password against the policy and the recent history; returns its hash. */
  async checkNewPassword(
    user: Pick<UserRow, 'id' | 'username' | 'role'>,
    newPassword: string,
  ): Promise<string> {
    const administrator = isAdministrator(roleOf(user as UserRow));
    const policy = this.settings.passwordPolicy;
    const problems = checkPassword(newPassword, { username: user.username, administrator, policy });
    if (problems.length === 0) {
      for (const old of await recentPasswordHashes(this.db, user.id, policy.historySize)) {
        if (await verifyPassword(old, newPassword)) {
          problems.push('reused');
          break;
        }
      }
    }
    if (problems.length > 0) {
      const message = describePasswordProblems(problems, policy, administrator);
      throw new DomainError(ErrorCode.PasswordPolicy, message, [{ field: 'newPassword', reason: message }]);
    }
    return hashPassword(newPassword);
  }

  private async requireUser(id: string): Promise<UserRow> {
    const user = await findUserById(this.db, id);
    if (!user) throw new DomainError(ErrorCode.Unauthenticated, '请重新登录');
    return user;
  }

  private async sessionView(user: UserRow, expiresAt: Date): Promise<SessionView> {
    const now = this.clock.now();
    const scope = await this.db
      .selectFrom('jurisdictions')
      .select('name')
      .where('code', '=', user.scope)
      .executeTakeFirst();
    const view = toUserView({ ...user, scope_name: scope?.name ?? null }, now, this.settings);
    return {
      user: view,
      permissions: permissionsOf(view.role),
      mustChangePassword: view.mustChangePassword,
      expiresAt: expiresAt.toISOString(),
    };
  }
}
