// Column types shared by the table files: how dates, timestamps, money and JSON come back.
import type { ColumnType } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** Plain dates come back as YYYY-MM-DD strings on both engines (see type parsers in create-database.ts). */
export type PlainDate = ColumnType<string, string, string>;
/** bigint fen: parsed as a number on both engines (create-database.ts); amounts stay below 2^53. */
export type Fen = ColumnType<number, number, number>;
export type Json<T> = ColumnType<T, string, string>;
