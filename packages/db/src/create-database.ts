// The one way to open a database: embedded PGlite (a data folder, or memory) or a PostgreSQL server.
// No module-level singletons: every caller owns what it opens and closes it with `db.destroy()`.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect';
import type { Database } from './tables';

export type DatabaseOptions =
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob }
  | { kind: 'postgres'; url: string; maxConnections?: number; onIdleError?: (error: Error) => void };

export type DatabaseKind = DatabaseOptions['kind'];
export type Db = Kysely<Database>;

const TypeId = { Int8: 20, Date: 1082, Numeric: 1700 } as const;
// Same shapes on both engines: counts as numbers, plain dates as 'YYYY-MM-DD', numeric as string.
const parseInt8 = (value: string) => Number(value);
const keepText = (value: string) => value;

const kindOf = new WeakMap<Db, DatabaseKind>();
const pgliteOf = new WeakMap<Db, PGlite>();

export async function createDatabase(options: DatabaseOptions): Promise<Db> {
  if (options.kind === 'pglite') {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    const pglite = await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: { pg_trgm },
      parsers: { [TypeId.Int8]: parseInt8, [TypeId.Date]: keepText, [TypeId.Numeric]: keepText },
    });
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    kindOf.set(db, 'pglite');
    pgliteOf.set(db, pglite);
    return db;
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    types: {
      getTypeParser: ((id: number, format?: 'text' | 'binary') => {
        if (id === TypeId.Int8) return parseInt8;
        if (id === TypeId.Date || id === TypeId.Numeric) return keepText;
        return pg.types.getTypeParser(id, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection the server ends (restart, database dropped) is discarded by the pool; without
  // a listener its 'error' event would crash the process. Queries on live connections still throw.
  pool.on('error', (error) => options.onIdleError?.(error));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  kindOf.set(db, 'postgres');
  return db;
}

export function databaseKind(db: Db): DatabaseKind {
  return kindOf.get(db) ?? 'postgres';
}

/** The data folder of an embedded database as a tarball (tests load a migrated template from it). */
export async function dumpPglite(db: Db): Promise<Blob> {
  const pglite = pgliteOf.get(db);
  if (!pglite) throw new Error('dumpPglite: not a PGlite database');
  return pglite.dumpDataDir('none');
}
