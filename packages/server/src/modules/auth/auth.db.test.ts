import { DAY, MINUTE, Role } from '@renkou/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor, openTestApplication, seedCounty, TEST_PASSWORD } from '../../testing/test-application';
import { argon2Parameters } from './password-hasher';

type App = Awaited<ReturnType<typeof openTestApplication>>;
let app: App;
const ctx = { ip: '10.0.0.1' };

beforeEach(async () => {
  app = await openTestApplication();
  await seedCounty(app);
});
afterEach(async () => app.close());

describe('login', () => {
  it('hashes with argon2id at the required cost', async () => {
    expect(argon2Parameters).toMatchObject({ algorithm: 2, timeCost: 2 });
    expect(argon2Parameters.memoryCost).toBeGreaterThanOrEqual(19 * 1024);
    const row = await app.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'county')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const unknown = await app.auth.login('nobody', 'whatever', ctx).catch((e: unknown) => e);
    const wrong = await app.auth.login('county', 'whatever', ctx).catch((e: unknown) => e);
    expect(unknown).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
    expect(wrong).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
  });

  it('locks a name after 5 failures within 15 minutes, for 30 minutes, known or not', async () => {
    for (const name of ['county', 'nobody']) {
      for (let i = 0; i < 5; i++)
        await expect(app.auth.login(name, 'bad', ctx)).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
      await expect(app.auth.login(name, TEST_PASSWORD, ctx)).rejects.toMatchObject({
        code: 'ACCOUNT_LOCKED',
      });
    }
    app.clock.advance(29 * MINUTE);
    await expect(app.auth.login('county', TEST_PASSWORD, ctx)).rejects.toMatchObject({
      code: 'ACCOUNT_LOCKED',
    });
    app.clock.advance(2 * MINUTE);
    await expect(app.auth.login('county', TEST_PASSWORD, ctx)).resolves.toBeDefined();
  });

  it('does not lock when failures are spread over more than 15 minutes', async () => {
    for (let i = 0; i < 6; i++) {
      await expect(app.auth.login('county', 'bad', ctx)).rejects.toMatchObject({
        code: 'INVALID_CREDENTIALS',
      });
      app.clock.advance(4 * MINUTE);
    }
    await expect(app.auth.login('county', TEST_PASSWORD, ctx)).resolves.toBeDefined();
  });

  it('audits failures without the password', async () => {
    await app.auth.login('county', 'Secret-Wrong-1', ctx).catch(() => undefined);
    const rows = await app.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'auth.login_failed')
      .execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toContain('Secret-Wrong-1');
  });
});

describe('sessions', () => {
  it('ends after 30 idle minutes for officers and 15 for administrators', async () => {
    const officer = await app.auth.login('county', TEST_PASSWORD, ctx);
    const admin = await app.auth.login('admin', TEST_PASSWORD, ctx);
    app.clock.advance(14 * MINUTE);
    expect(await app.auth.authenticate(admin.token, ctx)).toBeDefined();
    app.clock.advance(16 * MINUTE);
    expect(await app.auth.authenticate(admin.token, ctx)).toBeUndefined();
    expect(await app.auth.authenticate(officer.token, ctx)).toBeDefined(); // seen at 30 min: still within its idle window
    app.clock.advance(31 * MINUTE);
    expect(await app.auth.authenticate(officer.token, ctx)).toBeUndefined();
  });

  it('ends after 12 hours however active', async () => {
    const { token } = await app.auth.login('county', TEST_PASSWORD, ctx);
    for (let i = 0; i < 12 * 3; i++) {
      app.clock.advance(20 * MINUTE);
      const ok = await app.auth.authenticate(token, ctx);
      if (i < 12 * 3 - 1) expect(ok).toBeDefined();
      else expect(ok).toBeUndefined();
    }
  });

  it('ends at logout, and all of them when the user is disabled', async () => {
    const first = await app.auth.login('county', TEST_PASSWORD, ctx);
    const second = await app.auth.login('county', TEST_PASSWORD, ctx);
    const auth = await app.auth.authenticate(first.token, ctx);
    await app.auth.logout(auth!);
    expect(await app.auth.authenticate(first.token, ctx)).toBeUndefined();
    expect(await app.auth.authenticate(second.token, ctx)).toBeDefined();
    const county = await app.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'county')
      .executeTakeFirstOrThrow();
    await app.users.update(actor(Role.Admin, ''), county.id, { disabled: true });
    expect(await app.auth.authenticate(second.token, ctx)).toBeUndefined();
    await expect(app.auth.login('county', TEST_PASSWORD, ctx)).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
  });

  it('stores only a hash of the token', async () => {
    const { token } = await app.auth.login('county', TEST_PASSWORD, ctx);
    expect(token.length).toBeGreaterThanOrEqual(43); // 256 bits in base64url
    const rows = await app.db.selectFrom('sessions').select('token_hash').execute();
    expect(rows.map((r) => r.token_hash)).not.toContain(token);
  });
});

describe('passwords', () => {
  it('refuses the last 5 passwords and forces a change after 90 days', async () => {
    const { token } = await app.auth.login('county', TEST_PASSWORD, ctx);
    const auth = (await app.auth.authenticate(token, ctx))!;
    const passwords = ['Aa#11111x', 'Aa#22222x', 'Aa#33333x', 'Aa#44444x', 'Aa#55555x'];
    let current = TEST_PASSWORD;
    for (const next of passwords) {
      app.clock.advance(MINUTE);
      await app.auth.changePassword(auth, current, next);
      current = next;
    }
    await expect(app.auth.changePassword(auth, current, 'Aa#22222x')).rejects.toMatchObject({
      code: 'PASSWORD_POLICY',
    });
    app.clock.advance(MINUTE);
    await app.auth.changePassword(auth, current, TEST_PASSWORD); // the sixth-last may come back
    app.clock.advance(91 * DAY);
    const { token: later } = await app.auth.login('county', TEST_PASSWORD, ctx);
    expect((await app.auth.authenticate(later, ctx))?.mustChangePassword).toBe(true);
  });

  it('requires 12 characters for administrators', async () => {
    await expect(
      app.users.createBySystem({
        username: 'admin2',
        displayName: 'x',
        role: Role.Admin,
        scope: '',
        password: 'Short#Pw99',
      }),
    ).rejects.toMatchObject({ code: 'PASSWORD_POLICY' });
    await expect(
      app.users.createBySystem({
        username: 'clerk',
        displayName: 'x',
        role: Role.VillageWorker,
        scope: '652926100',
        password: 'Short#Pw99',
      }),
    ).resolves.toBeDefined();
  });
});
