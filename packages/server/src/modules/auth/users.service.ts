// User administration: accounts, roles and scopes. A manager can only grant a scope inside their own.
import {
  authorize,
  DomainError,
  ErrorCode,
  hasPermission,
  isRole,
  Permission,
  scopeCovers,
  uuidv7,
  type Actor,
  type Clock,
  type Role,
} from '@renkou/core';
import type { Db } from '@renkou/db';
import type { AuditContext, AuditService } from '../audit';
import type { JurisdictionService } from '../jurisdictions';
import type { AuthService } from './auth.service';
import type { AuthSettings } from './auth-settings';
import { endUserSessions } from './sessions.repository';
import { temporaryPassword } from './temporary-password';
import { toUserView, type UserView } from './user-view';
import {
  addPasswordHistory,
  clearFailures,
  findUserById,
  findUserByUsername,
  insertUser,
  listUsers,
  updateUser,
  userCount,
  type UserRow,
} from './users.repository';

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  scope: string;
  /** When absent a temporary password is generated. */
  password?: string;
  /** Demo accounts skip the first-login change; real accounts never do. */
  mustChangePassword?: boolean;
}

export interface UserChanges {
  displayName?: string;
  role?: Role;
  scope?: string;
  disabled?: boolean;
  unlock?: boolean;
}

export class UsersService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly auth: AuthService,
    private readonly jurisdictions: JurisdictionService,
    private readonly settings: AuthSettings,
  ) {}

  async list(actor: Actor, filter: { q?: string; page: number; pageSize: number }) {
    authorize(actor, Permission.UserRead);
    const now = this.clock.now();
    const { rows, total } = await listUsers(this.db, { ...filter, scope: actor.scope });
    return { total, items: rows.map((row) => toUserView(row, now, this.settings)) };
  }

  async create(actor: Actor, input: NewUser): Promise<{ user: UserView; temporaryPassword: string | null }> {
    authorize(actor, Permission.UserManage);
    await this.checkScope(actor, input.scope);
    return this.insert({ actor }, input);
  }

  /** For `renkou init`, `renkou user create` and the demo: the system acts, no signed-in user. */
  async createBySystem(input: NewUser): Promise<{ user: UserView; temporaryPassword: string | null }> {
    if (!(await this.jurisdictions.isValidScope(input.scope))) {
      throw new DomainError(ErrorCode.UnknownJurisdiction, `管辖范围 ${input.scope} 不是已加载的区划代码`);
    }
    return this.insert({ username: 'system' }, input);
  }

  async hasUsers(): Promise<boolean> {
    return (await userCount(this.db)) > 0;
  }

  async update(actor: Actor, id: string, changes: UserChanges): Promise<UserView> {
    // Locking, unlocking and disabling is the security administrator's work too; the rest only the system administrator's.
    const onlyLockChanges =
      changes.role === undefined && changes.scope === undefined && changes.displayName === undefined;
    const needed =
      onlyLockChanges && !hasPermission(actor.role, Permission.UserManage)
        ? Permission.UserLock
        : Permission.UserManage;
    authorize(actor, needed);
    const user = await this.requireVisible(actor, id);
    if (changes.role !== undefined && !isRole(changes.role))
      throw new DomainError(ErrorCode.ValidationFailed, '未知角色');
    if (changes.scope !== undefined) await this.checkScope(actor, changes.scope);
    if (user.id === actor.userId && (changes.disabled || changes.role !== undefined)) {
      throw new DomainError(ErrorCode.Conflict, '不能停用自己或修改自己的角色');
    }
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      await updateUser(trx, id, {
        ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
        ...(changes.role !== undefined ? { role: changes.role } : {}),
        ...(changes.scope !== undefined ? { scope: changes.scope } : {}),
        ...(changes.disabled !== undefined ? { disabled: changes.disabled } : {}),
      });
      if (changes.unlock) await clearFailures(trx, user.username);
      // A new role, scope or a disabled account must not keep sessions opened under the old rights.
      if (changes.disabled || changes.role !== undefined || changes.scope !== undefined)
        await endUserSessions(trx, id, now);
      await this.audit.record(
        trx,
        { actor },
        { action: 'user.update', targetType: 'user', targetIds: [id], details: { ...changes } },
      );
    });
    const updated = await findUserById(this.db, id);
    return toUserView(updated as UserRow, now, this.settings);
  }

  async resetPassword(actor: Actor, id: string): Promise<{ temporaryPassword: string }> {
    authorize(actor, Permission.UserManage);
    const user = await this.requireVisible(actor, id);
    const password = temporaryPassword();
    const hash = await this.auth.checkNewPassword(user, password);
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      await updateUser(trx, id, {
        password_hash: hash,
        password_changed_at: now,
        must_change_password: true,
      });
      await addPasswordHistory(trx, id, hash, now);
      await clearFailures(trx, user.username);
      await endUserSessions(trx, id, now);
      await this.audit.record(
        trx,
        { actor },
        { action: 'user.password_reset', targetType: 'user', targetIds: [id] },
      );
    });
    return { temporaryPassword: password };
  }

  private async insert(
    context: AuditContext,
    input: NewUser,
  ): Promise<{ user: UserView; temporaryPassword: string | null }> {
    const username = input.username.trim().toLowerCase();
    if (!/^[a-z0-9][a-z0-9._-]{2,31}$/.test(username)) {
      throw new DomainError(ErrorCode.ValidationFailed, '用户名须为 3–32 位字母、数字、点、下划线或连字符', [
        { field: 'username', reason: '格式不正确' },
      ]);
    }
    if (await findUserByUsername(this.db, username)) {
      throw new DomainError(ErrorCode.Conflict, `用户名 ${username} 已存在`, [
        { field: 'username', reason: '已存在' },
      ]);
    }
    const generated = input.password === undefined ? temporaryPassword() : null;
    const password = input.password ?? (generated as string);
    const id = uuidv7(this.clock.now().getTime());
    const hash = await this.auth.checkNewPassword({ id, username, role: input.role }, password);
    const now = this.clock.now();
    const row: UserRow = {
      id,
      username,
      display_name: input.displayName.trim(),
      role: input.role,
      scope: input.scope,
      password_hash: hash,
      password_changed_at: now,
      must_change_password: input.mustChangePassword ?? true,
      disabled: false,
      created_at: now,
      last_login_at: null,
    };
    await this.db.transaction().execute(async (trx) => {
      await insertUser(trx, row);
      await addPasswordHistory(trx, id, hash, now);
      await this.audit.record(trx, context, {
        action: 'user.create',
        targetType: 'user',
        targetIds: [id],
        jurisdiction: input.scope,
        details: { username, role: input.role, scope: input.scope },
      });
    });
    return { user: toUserView(row, now, this.settings), temporaryPassword: generated };
  }

  private async checkScope(actor: Actor, scope: string): Promise<void> {
    if (!scopeCovers(actor.scope, scope)) {
      throw new DomainError(ErrorCode.Forbidden, `不能授予超出您管辖范围的区划 ${scope || '全国'}`);
    }
    if (!(await this.jurisdictions.isValidScope(scope))) {
      throw new DomainError(ErrorCode.UnknownJurisdiction, `区划代码 ${scope} 不存在`, [
        { field: 'scope', reason: '区划不存在' },
      ]);
    }
  }

  /** A user outside the manager's scope does not exist for them. */
  private async requireVisible(actor: Actor, id: string): Promise<UserRow> {
    const user = await findUserById(this.db, id);
    if (!user || !scopeCovers(actor.scope, user.scope))
      throw new DomainError(ErrorCode.NotFound, '用户不存在');
    return user;
  }
}
