// A fresh PostgreSQL database for one benchmark run, on the server of DATABASE_URL
// (default: the local server, 127.0.0.1:5432, user postgres, trust auth).
import { adminUrl, createDatabase, databaseUrlFor, sql } from '@renkou/db';

export const defaultServerUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

export function serverUrl(): string {
  return process.env.DATABASE_URL || defaultServerUrl;
}

/** Host and port of a URL, without credentials (for tables and result files). */
export function describeServer(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}`;
}

export interface FreshDatabase {
  name: string;
  url: string;
  serverVersion: string;
  drop(): Promise<void>;
}

/** Creates `<prefix>_<timestamp>`; throws when the server cannot be reached. */
export async function createFreshDatabase(prefix: string): Promise<FreshDatabase> {
  const server = serverUrl();
  const name = `${prefix}_${Date.now()}`;
  const admin = await createDatabase({ kind: 'postgres', url: adminUrl(server), maxConnections: 1 });
  try {
    const version = await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(admin);
    await sql.raw(`CREATE DATABASE ${name}`).execute(admin);
    let dropped = false;
    return {
      name,
      url: databaseUrlFor(server, name),
      serverVersion: version.rows[0]?.v ?? 'unknown',
      async drop() {
        if (dropped) return;
        dropped = true;
        const again = await createDatabase({ kind: 'postgres', url: adminUrl(server), maxConnections: 1 });
        try {
          await sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).execute(again);
        } finally {
          await again.destroy();
        }
      },
    };
  } finally {
    await admin.destroy();
  }
}
