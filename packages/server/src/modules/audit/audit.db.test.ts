import { sql } from '@renkou/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor, openTestApplication } from '../../testing/test-application';
import { Role } from '@renkou/core';

type App = Awaited<ReturnType<typeof openTestApplication>>;

describe('audit log', () => {
  let app: App;
  beforeEach(async () => {
    app = await openTestApplication();
    for (let i = 0; i < 5; i++) {
      await app.audit.record(
        app.db,
        { actor: actor(Role.CountyOfficer, '652926') },
        { action: 'person.read', targetIds: [`p${i}`] },
      );
    }
  });
  afterEach(async () => app.close());

  it('refuses UPDATE, DELETE and TRUNCATE of audit rows', async () => {
    await expect(sql`update audit_log set action = 'x'`.execute(app.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(app.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log cascade`.execute(app.db)).rejects.toThrow(/append-only/);
    await app.audit.sealPending();
    await expect(sql`delete from audit_seals`.execute(app.db)).rejects.toThrow(/append-only/);
  });

  it('seals committed rows in a chain that verifies', async () => {
    expect(await app.audit.sealPending()).toBe(5);
    expect(await app.audit.sealPending()).toBe(0);
    await app.audit.record(app.db, {}, { action: 'system' });
    const report = await app.audit.verify();
    expect(report).toEqual({ ok: true, checked: 5, pending: 1, problems: [] });
  });

  // Tampering needs the superuser's power to bypass the triggers (session_replication_role = replica).
  async function asSuperuser(statement: ReturnType<typeof sql>): Promise<void> {
    await app.db.connection().execute(async (conn) => {
      await sql`set session_replication_role = replica`.execute(conn);
      await statement.execute(conn);
      await sql`set session_replication_role = origin`.execute(conn);
    });
  }

  it('detects an altered sealed row', async () => {
    await app.audit.sealPending();
    await asSuperuser(sql`update audit_log set target_ids = '{someone-else}' where seq = 3`);
    const report = await app.audit.verify();
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toMatch(/链位置 3.*篡改/);
  });

  it('detects a removed sealed row', async () => {
    await app.audit.sealPending();
    await asSuperuser(sql`delete from audit_log where seq = 2`);
    const report = await app.audit.verify();
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toMatch(/已被删除/);
  });

  it('detects a removed seal (a gap in the chain)', async () => {
    await app.audit.sealPending();
    await asSuperuser(sql`delete from audit_seals where position = 2`);
    const report = await app.audit.verify();
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toMatch(/位置 2 缺失/);
  });

  it('detects an inserted row in the chain', async () => {
    await app.audit.sealPending();
    await asSuperuser(sql`
      insert into audit_log (id, at, action, outcome) values ('01900000-0000-7000-8000-000000000099', now(), 'forged', 'success')`);
    await asSuperuser(sql`update audit_seals set position = -position where position >= 3`);
    await asSuperuser(sql`update audit_seals set position = 1 - position where position < 0`);
    await asSuperuser(sql`
      insert into audit_seals (position, audit_id, previous_hash, hash, sealed_at)
      select 3, '01900000-0000-7000-8000-000000000099', hash, repeat('a', 64), now() from audit_seals where position = 2`);
    const report = await app.audit.verify();
    expect(report.ok).toBe(false);
    expect(report.problems.length).toBeGreaterThan(0);
  });

  it('lists entries for an auditor and logs that read; others are refused', async () => {
    const auditor = actor(Role.Auditor, '');
    const page = await app.audit.list(auditor, { page: 1, pageSize: 3 });
    expect(page.total).toBe(5);
    expect(page.items).toHaveLength(3);
    const after = await app.audit.list(auditor, { page: 1, pageSize: 10, action: 'audit.read' });
    expect(after.total).toBe(1);
    await expect(app.audit.list(actor(Role.Admin, ''), { page: 1, pageSize: 10 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
