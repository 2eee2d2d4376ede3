// The generator's Chinese department files as linkage datasets: a synthetic county written by the
// code of `renkou generate` (cached in bench/.data/register/, shared with the register benchmark),
// the register's persons from its persons.csv + events.csv, and a department file with the truth
// the generator wrote (truth/<file>.csv: record_id → person_id, '' when the register lacks the person).
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { marriageParties, parseCsv, type RecordTable } from '@renkou/core';
import { RegisterPersons, departmentTruthLabels } from '../../packages/core/src/linkage/register-persons';
import { readCsvTable } from '../../packages/cli/src/commands/link-files';
import { benchRoot } from '../lib/discover';

export interface LoadedDataset {
  tables: RecordTable[];
  /** Truth per record (table A's rows, then table B's). */
  labels: string[];
}

const countyRoot = join(benchRoot, '.data', 'register');

/**
 * The county's folder, generated when missing by the register benchmark's code. That code loads the
 * CLI and the server (for the division list); if they do not load, a complete cached folder still serves.
 */
const loadGenerator = () => import('../register/datasets');

async function countyDir(county: string, log: (message: string) => void): Promise<string> {
  const dir = join(countyRoot, county);
  let generator: Awaited<ReturnType<typeof loadGenerator>>;
  try {
    generator = await loadGenerator();
  } catch (error) {
    if (!existsSync(join(dir, 'bench-dataset.json'))) throw error;
    log(`${county}: generator code does not load (${String(error)}); reusing ${dir}`);
    return dir;
  }
  const spec = generator.datasetSpecs[county];
  if (!spec) throw new Error(`unknown synthetic county ${county}`);
  return (await generator.ensureDataset(countyRoot, spec, log)).dir;
}

/**
 * Rows of a generated CSV file as records. Lines without a quote are split on commas directly (the
 * generator quotes only fields holding a comma or quote, never a line break); the rest go through
 * the RFC 4180 reader. Several times faster than the character-by-character reader on 2 M rows.
 */
async function* csvRows(path: string, columns?: readonly string[]): AsyncGenerator<Record<string, string>> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let header: string[] | undefined;
  let wanted: [string, number][] = [];
  let rest = '';
  const split = (line: string): string[] =>
    line.includes('"') ? (parseCsv(line, false).header as string[]) : line.split(',');
  const toRecord = (line: string) => {
    const cells = split(line);
    const record: Record<string, string> = {};
    for (const [column, i] of wanted) record[column] = cells[i] ?? '';
    return record;
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 22 })) {
    const lines = (rest + decoder.decode(chunk as Buffer, { stream: true })).split('\n');
    rest = lines.pop() ?? '';
    for (const raw of lines) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line === '') continue;
      if (header) yield toRecord(line);
      else {
        header = split(line.charCodeAt(0) === 0xfeff ? line.slice(1) : line);
        wanted = header.flatMap((column, i): [string, number][] =>
          !columns || columns.includes(column) ? [[column, i]] : [],
        );
      }
    }
  }
  rest += decoder.decode();
  if (rest.trim() !== '' && header) yield toRecord(rest.replace(/\r$/, ''));
}

interface CountyRegister {
  dir: string;
  table: RecordTable;
  /** Reading persons.csv + events.csv into the register's persons (once per county). */
  buildMs: number;
}

// What RegisterPersons reads.
const PERSON_COLUMNS = ['person_id', 'id_number', 'name', 'sex', 'birth_date', 'mother_id'];
const EVENT_COLUMNS = [...PERSON_COLUMNS, 'event_id', 'type', 'date', 'field', 'value', 'target_event_id'];

const registers = new Map<string, Promise<CountyRegister>>();

/** The county's folder (generated when missing) and its register's persons, built once per county. */
export function countyRegister(county: string, log: (message: string) => void): Promise<CountyRegister> {
  let loaded = registers.get(county);
  if (!loaded) {
    loaded = (async () => {
      const dir = await countyDir(county, log);
      const start = performance.now();
      const persons = new RegisterPersons();
      for await (const row of csvRows(join(dir, 'persons.csv'), PERSON_COLUMNS)) persons.addPerson(row);
      for await (const row of csvRows(join(dir, 'events.csv'), EVENT_COLUMNS)) persons.addEvent(row);
      const table = persons.table();
      return { dir, table, buildMs: performance.now() - start };
    })();
    registers.set(county, loaded);
  }
  return loaded;
}

/** A department file (its first `limit` rows) against the county's register. */
export async function loadDepartmentFile(
  county: string,
  file: 'hospital_births' | 'civil_deaths',
  limit: number,
  log: (message: string) => void,
): Promise<LoadedDataset> {
  const { dir, table } = await countyRegister(county, log);
  const department = await readCsvTable(join(dir, `${file}.csv`));
  department.rows.length = Math.min(department.rows.length, limit);
  const truth = new Map<string, string>();
  for await (const row of csvRows(join(dir, 'truth', `${file}.csv`))) {
    truth.set(row.record_id ?? '', row.person_id ?? '');
  }
  return { tables: [department, table], labels: departmentTruthLabels(department, truth, table) };
}

/**
 * Civil-affairs marriages and divorces as their parties (record_id#1, record_id#2, as the server stores
 * them) against the county's register; the truth names each party's person.
 */
export async function loadMarriageParties(
  county: string,
  log: (message: string) => void,
): Promise<LoadedDataset> {
  const { dir, table } = await countyRegister(county, log);
  const path = join(dir, 'civil_marriages.csv');
  if (!existsSync(path))
    throw new Error(`${path} is missing: the county was generated before civil_marriages.csv; delete ${dir}`);
  const parties: Record<string, string>[] = [];
  for await (const row of csvRows(path)) parties.push(...marriageParties(row));
  const header = Object.keys(parties[0] ?? { record_id: '' });
  const department: RecordTable = { header, rows: parties.map((p) => header.map((c) => p[c] ?? '')) };
  const truth = new Map<string, string>();
  for await (const row of csvRows(join(dir, 'truth', 'civil_marriages.csv'))) {
    truth.set(`${row.record_id}#1`, row.person_id_1 ?? '');
    truth.set(`${row.record_id}#2`, row.person_id_2 ?? '');
  }
  return { tables: [department, table], labels: departmentTruthLabels(department, truth, table) };
}

/** Frees a county's register once no dataset needs it. */
export function forgetCounty(county: string): void {
  registers.delete(county);
}
