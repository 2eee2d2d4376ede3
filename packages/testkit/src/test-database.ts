// A fresh, migrated database per test: a copy of the run's template on PGlite, or on PostgreSQL
// (a new database cloned from the migrated template) when DATABASE_URL is set.
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { createDatabase, sql, type Db, type DatabaseKind } from '@renkou/db';
import { adminUrl, databaseUrlFor } from '@renkou/db';

export interface TestDatabase {
  db: Db;
  kind: DatabaseKind;
  close(): Promise<void>;
}

let counter = 0;

export async function openTestDatabase(): Promise<TestDatabase> {
  const postgresTemplate = inject('postgresTemplate');
  const url = process.env.DATABASE_URL;
  if (url && postgresTemplate) {
    const name = `renkou_t_${process.pid}_${Date.now()}_${counter++}`;
    const admin = await createDatabase({ kind: 'postgres', url: adminUrl(url), maxConnections: 1 });
    await createFromTemplate(admin, name, postgresTemplate);
    const db = await createDatabase({ kind: 'postgres', url: databaseUrlFor(url, name) });
    return {
      db,
      kind: 'postgres',
      close: async () => {
        await db.destroy();
        await sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).execute(admin);
        await admin.destroy();
      },
    };
  }
  const template = readFileSync(inject('pgliteTemplatePath'));
  const db = await createDatabase({ kind: 'pglite', loadDataDir: new Blob([template]) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}

export async function withTestDatabase<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const test = await openTestDatabase();
  try {
    return await fn(test.db);
  } finally {
    await test.close();
  }
}

// Concurrent CREATE DATABASE … TEMPLATE from one template can fail while another copy is being made.
async function createFromTemplate(admin: Db, name: string, template: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await sql.raw(`CREATE DATABASE ${name} TEMPLATE ${template}`).execute(admin);
      return;
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
}
