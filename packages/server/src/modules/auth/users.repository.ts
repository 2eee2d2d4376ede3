import { sql } from '@renkou/db';
import type { Executor } from '../audit';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: string;
  scope: string;
  password_hash: string;
  password_changed_at: Date;
  must_change_password: boolean;
  disabled: boolean;
  created_at: Date;
  last_login_at: Date | null;
}

export async function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Executor, user: UserRow): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

export async function updateUser(
  db: Executor,
  id: string,
  changes: Partial<Omit<UserRow, 'id' | 'username' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

export async function listUsers(
  db: Executor,
  filter: { scope: string; q?: string; page: number; pageSize: number },
): Promise<{ rows: (UserRow & { scope_name: string | null; locked_until: Date | null })[]; total: number }> {
  let query = db
    .selectFrom('users as u')
    .leftJoin('jurisdictions as j', 'j.code', 'u.scope')
    .leftJoin('login_locks as l', 'l.username', 'u.username')
    .where('u.scope', 'like', `${filter.scope}%`);
  if (filter.q) {
    const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('u.username', 'like', like), eb('u.display_name', 'like', like)]));
  }
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll('u')
    .select(['j.name as scope_name', 'l.locked_until'])
    .orderBy('u.username')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

export async function recentPasswordHashes(db: Executor, userId: string, count: number): Promise<string[]> {
  const rows = await db
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', userId)
    .orderBy('changed_at', 'desc')
    .limit(count)
    .execute();
  return rows.map((r) => r.password_hash);
}

export async function addPasswordHistory(
  db: Executor,
  userId: string,
  passwordHash: string,
  at: Date,
): Promise<void> {
  await db
    .insertInto('password_history')
    .values({ user_id: userId, password_hash: passwordHash, changed_at: at })
    .execute();
}

export async function findLock(db: Executor, username: string): Promise<Date | undefined> {
  const row = await db
    .selectFrom('login_locks')
    .select('locked_until')
    .where('username', '=', username)
    .executeTakeFirst();
  return row?.locked_until;
}

export async function recordFailure(
  db: Executor,
  username: string,
  ip: string | null,
  at: Date,
): Promise<void> {
  await db.insertInto('login_failures').values({ username, ip, at }).execute();
}

export async function countFailuresSince(db: Executor, username: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('username', '=', username)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function lock(db: Executor, username: string, until: Date): Promise<void> {
  await db
    .insertInto('login_locks')
    .values({ username, locked_until: until })
    .onConflict((oc) => oc.column('username').doUpdateSet({ locked_until: until }))
    .execute();
}

export async function clearFailures(db: Executor, username: string): Promise<void> {
  await db.deleteFrom('login_failures').where('username', '=', username).execute();
  await db.deleteFrom('login_locks').where('username', '=', username).execute();
}

export async function userCount(db: Executor): Promise<number> {
  const row = await sql<{ n: number }>`select count(*)::int as n from users`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}
