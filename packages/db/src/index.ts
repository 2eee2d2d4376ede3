export { createDatabase, databaseKind, dumpPglite } from './create-database';
export type { DatabaseOptions, DatabaseKind, Db } from './create-database';
export { migrate, listMigrations } from './migrate';
export type { MigrationResult } from './migrate';
export type * from './tables';
export { sql, CompiledQuery } from 'kysely';
export type { Transaction, Selectable, Insertable, Updateable, RawBuilder } from 'kysely';
export { adminUrl, databaseUrlFor } from './postgres-urls';
