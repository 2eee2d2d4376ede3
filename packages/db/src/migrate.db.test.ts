// Migrations apply to an empty database (PGlite here; PostgreSQL too when DATABASE_URL is set).
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, type Db } from './create-database';
import { listMigrations, migrate } from './migrate';
import { sql } from 'kysely';
import { adminUrl, databaseUrlFor } from './postgres-urls';

const opened: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (opened.length) await opened.pop()?.();
});

async function emptyDatabase(): Promise<Db> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await createDatabase({ kind: 'pglite' });
    opened.push(() => db.destroy());
    return db;
  }
  const name = `renkou_empty_${process.pid}_${Date.now()}`;
  const admin = await createDatabase({ kind: 'postgres', url: adminUrl(url), maxConnections: 1 });
  await sql.raw(`CREATE DATABASE ${name}`).execute(admin);
  const db = await createDatabase({ kind: 'postgres', url: databaseUrlFor(url, name) });
  opened.push(async () => {
    await db.destroy();
    await sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).execute(admin);
    await admin.destroy();
  });
  return db;
}

describe('migrate', () => {
  it('applies every migration to an empty database, then nothing the second time', async () => {
    const db = await emptyDatabase();
    const first = await migrate(db);
    expect(first.applied).toEqual(listMigrations().map((m) => m.name));
    const second = await migrate(db);
    expect(second).toEqual({ applied: [], alreadyApplied: first.applied.length });
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public' order by table_name`.execute(
      db,
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'audit_log',
        'audit_seals',
        'jurisdictions',
        'sessions',
        'users',
        'schema_migrations',
      ]),
    );
  });

  it('returns counts as numbers and plain dates as strings', async () => {
    const db = await emptyDatabase();
    const row = await sql<{ n: unknown; d: unknown }>`select count(*) as n, date '2024-02-29' as d`.execute(
      db,
    );
    expect(row.rows[0]).toEqual({ n: 1, d: '2024-02-29' });
  });

  it('runs a transaction that rolls back completely on error', async () => {
    const db = await emptyDatabase();
    await migrate(db);
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('settings').values({ key: 'a', value: '1' }).execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.selectFrom('settings').selectAll().execute()).toEqual([]);
  });
});
