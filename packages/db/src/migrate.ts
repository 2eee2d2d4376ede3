// Plain SQL migrations (migrations/NNNN_name.sql), applied in name order, each in its own
// transaction, recorded with a checksum so an edited migration is noticed.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Db } from './create-database';
import { databaseKind } from './create-database';

export const migrationsDir = join(import.meta.dirname, '..', 'migrations');

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export function listMigrations(): { name: string; sql: string; checksum: string }[] {
  return readdirSync(migrationsDir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const text = readFileSync(join(migrationsDir, name), 'utf8');
      return { name, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    });
}

export async function migrate(db: Db): Promise<MigrationResult> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(
    db,
  );
  const applied: string[] = [];
  let alreadyApplied = 0;
  for (const migration of listMigrations()) {
    const done = await db.transaction().execute(async (trx) => {
      if (databaseKind(db) === 'postgres') {
        // Two processes starting at once: the second waits, then sees the migration as applied.
        await sql`SELECT pg_advisory_xact_lock(7245001)`.execute(trx);
      }
      const existing = await trx
        .selectFrom('schema_migrations')
        .select(['checksum'])
        .where('name', '=', migration.name)
        .executeTakeFirst();
      if (existing) {
        if (existing.checksum !== migration.checksum) {
          throw new Error(
            `migration ${migration.name} was changed after it was applied; add a new migration instead`,
          );
        }
        return false;
      }
      await sql.raw(migration.sql).execute(trx);
      await trx
        .insertInto('schema_migrations')
        .values({ name: migration.name, checksum: migration.checksum, applied_at: new Date() })
        .execute();
      return true;
    });
    if (done) applied.push(migration.name);
    else alreadyApplied++;
  }
  return { applied, alreadyApplied };
}
