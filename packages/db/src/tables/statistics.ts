// The statistics tables (migration 0007, ADR 0014).
import type { ColumnType } from 'kysely';

export interface StatCubePopulationTable {
  basis: number;
  month: number;
  code: string;
  days: number[];
  stock: number[];
}

export interface StatCubeEventsTable {
  basis: number;
  month: number;
  code: string;
  kind: number;
  sex: number;
  age: number;
  birth_order: number;
  count: number;
}

export interface StatCubeMovesTable {
  basis: number;
  month: number;
  from_code: string;
  to_code: string;
  count: number;
}

export interface StatCubeResidentsTable {
  residence_code: string;
  hukou_code: string;
  counts: number[];
}

export interface StatCubePersonsTable {
  person_key: string;
  inputs: ColumnType<unknown, string, string>;
}
