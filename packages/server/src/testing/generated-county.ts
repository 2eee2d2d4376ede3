// A small generated county for db tests: real villages of some townships of 拜城县 from the loaded
// tree, the register written as a dataset folder and imported through the register's own import.
import {
  generateSyntheticCounty,
  SYNTHETIC_FILES,
  SYNTHETIC_PERSON_COLUMNS,
  type SyntheticCountyOptions,
  type VillageInput,
} from '@renkou/core';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Application } from '../application';

const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function csvText(
  columns: readonly string[],
  rows: readonly Partial<Record<string, string>>[],
): string {
  const lines = rows.map((row) => columns.map((c) => quote(row[c] ?? '')).join(','));
  return `${columns.join(',')}\n${lines.join('\n')}\n`;
}

export async function villagesOf(app: Application, townships: readonly string[]): Promise<VillageInput[]> {
  const rows = await app.db
    .selectFrom('jurisdictions as v')
    .innerJoin('jurisdictions as t', 't.code', 'v.parent_code')
    .select(['v.code', 'v.name', 't.code as township_code', 't.name as township_name'])
    .where('v.parent_code', 'in', [...townships])
    .orderBy('v.code')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    townshipCode: r.township_code,
    townshipName: r.township_name,
  }));
}

export interface GeneratedRegister {
  county: ReturnType<typeof generateSyntheticCounty>;
  dir: string;
  /** The generator's rows of one of its files (events, hospital_births, truth/…). */
  rowsOf(file: string): Record<string, string>[];
}

/** Generates a county over `townships` and imports its register (the tree must be loaded). */
export async function importGeneratedRegister(
  app: Application,
  options: Omit<SyntheticCountyOptions, 'villages' | 'coverage' | 'from' | 'to'> & {
    townships: readonly string[];
    from: string;
    to: string;
  },
): Promise<GeneratedRegister> {
  const { townships, ...generatorOptions } = options;
  const county = generateSyntheticCounty({
    villages: await villagesOf(app, townships),
    coverage: '652926',
    ...generatorOptions,
  });
  const dir = mkdtempSync(join(tmpdir(), 'renkou-county-'));
  const rowsOf = (file: string) =>
    county.records.filter((r) => r.file === file).map((r) => r.row as Record<string, string>);
  writeFileSync(
    join(dir, 'dataset.json'),
    JSON.stringify({ coverage: '652926', start: options.from, end: options.to }),
  );
  writeFileSync(join(dir, 'persons.csv'), csvText(SYNTHETIC_PERSON_COLUMNS, county.persons));
  writeFileSync(join(dir, 'events.csv'), csvText(SYNTHETIC_FILES.events, rowsOf('events')));
  await app.register.importDirectory(dir, { username: 'tester' });
  return { county, dir, rowsOf };
}
