// `renkou import register DIR`: dataset.json, then persons.csv (the baseline), then events.csv.
// Whole-file faults are found by a first pass before anything is written; bad rows are rejected with
// row, field and reason (and so are the rows that depend on them); the rest applies in transactions
// of CHUNK rows, each idempotent by key, so a killed import is completed by running it again.
import {
  checkMother,
  isCalendarDate,
  normalizeJurisdictionCode,
  personFromBaseline,
  EVENT_COLUMNS,
  PERSON_COLUMNS,
  readEventRow,
  type BaselinePersonRow,
  type RegisterEvent,
  mergedInto,
} from '@renkou/core';
import type { Db } from '@renkou/db';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeBook } from '../code-book';
import { findPersons } from '../register.repository';
import {
  RegisterWriter,
  type EventSubmission,
  type Outcome,
  type RowProblem,
  type WriterContext,
} from '../register-writer';
import { FileFault, openTable, requireColumns, type ColumnMapping } from './table-reader';
import { ImportTally } from './import-tally';
import { WriteQueue } from './write-queue';

export const CHUNK = 2000;

export interface Dataset {
  coverage: string;
  start: string;
  end: string;
}

export interface ImportProgress {
  file: string;
  rows: number;
}

const REQUIRED_PERSON_COLUMNS = ['person_id', 'name', 'sex', 'birth_date', 'hukou_code'];
const REQUIRED_EVENT_COLUMNS = ['event_id', 'type', 'date', 'person_id'];

export function readManifest(dir: string): Dataset {
  const path = join(dir, 'dataset.json');
  if (!existsSync(path)) throw new FileFault('dataset.json', '缺少数据集说明文件 dataset.json');
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new FileFault('dataset.json', `不是有效的 JSON：${(error as Error).message}`);
  }
  const m = parsed as Partial<Record<keyof Dataset, unknown>>;
  const problems: string[] = [];
  if (typeof m.coverage !== 'string' || !/^\d+$/.test(m.coverage)) problems.push('coverage 应为区划代码');
  if (typeof m.start !== 'string' || !isCalendarDate(m.start)) problems.push('start 应为 YYYY-MM-DD 日期');
  if (typeof m.end !== 'string' || !isCalendarDate(m.end)) problems.push('end 应为 YYYY-MM-DD 日期');
  if (problems.length === 0 && (m.end as string) < (m.start as string)) problems.push('end 早于 start');
  if (problems.length > 0) throw new FileFault('dataset.json', problems.join('；'));
  return {
    coverage: normalizeJurisdictionCode(m.coverage as string),
    start: m.start as string,
    end: m.end as string,
  };
}

/** Finds NAME.csv or NAME.xlsx in the folder. */
export function findTableFile(dir: string, name: string): string | undefined {
  for (const ext of ['.csv', '.xlsx']) {
    const path = join(dir, `${name}${ext}`);
    if (existsSync(path)) return path;
  }
  return undefined;
}

export function baselineRowOf(cells: Record<string, string>): BaselinePersonRow {
  const row: Record<string, unknown> = {};
  const attributes: Record<string, string> = {};
  for (const [column, value] of Object.entries(cells)) {
    if ((PERSON_COLUMNS as readonly string[]).includes(column)) row[column] = value.trim();
    else if (value.trim() !== '') attributes[column] = value.trim();
  }
  for (const column of REQUIRED_PERSON_COLUMNS) row[column] ??= '';
  if (Object.keys(attributes).length > 0) row.attributes = attributes;
  return row as unknown as BaselinePersonRow;
}

/** Columns the contract does not name are kept with the event in the log. */
function withAttributes(event: RegisterEvent, cells: Record<string, string>): RegisterEvent {
  const attributes: Record<string, string> = {};
  for (const [column, value] of Object.entries(cells)) {
    if (!(EVENT_COLUMNS as readonly string[]).includes(column) && value.trim() !== '')
      attributes[column] = value.trim();
  }
  return Object.keys(attributes).length > 0 ? ({ ...event, attributes } as unknown as RegisterEvent) : event;
}

interface BaselineEntry {
  rowNo: number;
  sex: number;
  birthDate: string;
  motherId: string;
  fatherId: string;
  ok: boolean;
}

export interface ImportRunOptions {
  dataset: Dataset;
  codes: CodeBook;
  writer: Omit<WriterContext, 'coverage' | 'start' | 'codes'>;
  onProgress?: (progress: ImportProgress) => void;
  /** Rows per transaction (default CHUNK). */
  chunkSize?: number;
}

export interface ImportFiles {
  persons?: { path: string; mapping?: ColumnMapping };
  events?: { path: string; mapping?: ColumnMapping };
}

/** The dataset files of a folder (persons, events; .csv or .xlsx). */
export function filesOf(dir: string): ImportFiles {
  const persons = findTableFile(dir, 'persons');
  const events = findTableFile(dir, 'events');
  if (!persons && !events)
    throw new FileFault('persons.csv', '文件夹中没有 persons.csv/.xlsx 或 events.csv/.xlsx');
  return {
    ...(persons ? { persons: { path: persons } } : {}),
    ...(events ? { events: { path: events } } : {}),
  };
}

/** Runs the files of a dataset (baseline first, then events); returns the tally of every row. */
export async function runRegisterImport(
  db: Db,
  files: ImportFiles,
  options: ImportRunOptions,
): Promise<ImportTally> {
  const persons = files.persons ? await openTable(files.persons.path, files.persons.mapping) : undefined;
  const events = files.events ? await openTable(files.events.path, files.events.mapping) : undefined;
  if (persons) requireColumns(persons, REQUIRED_PERSON_COLUMNS);
  if (events) requireColumns(events, REQUIRED_EVENT_COLUMNS);
  const tally = new ImportTally();
  if (persons) tally.noteUnknownColumns(persons, PERSON_COLUMNS);
  if (events) tally.noteUnknownColumns(events, EVENT_COLUMNS);

  const chunkSize = options.chunkSize ?? CHUNK;
  const ctx: WriterContext = {
    ...options.writer,
    coverage: options.dataset.coverage,
    start: options.dataset.start,
    codes: options.codes,
  };
  const registerContext = { coverage: ctx.coverage, isValidCode: ctx.codes.isValidCode, start: ctx.start };

  // Pass 1: read everything once, so a file that breaks half-way applies nothing.
  const baseline = new Map<string, BaselineEntry>();
  if (persons) {
    for await (const { rowNo, cells } of persons.rows()) {
      const row = baselineRowOf(cells);
      const result = personFromBaseline(row, registerContext);
      const key = row.person_id;
      if (!result.ok) {
        tally.reject(persons.file, rowNo, result.errors);
        continue;
      }
      if (baseline.has(key)) continue; // a repeated person_id is settled by the writer (same content or conflict)
      baseline.set(key, {
        rowNo,
        sex: result.state.sex,
        birthDate: result.state.birthDate,
        motherId: row.mother_id ?? '',
        fatherId: row.father_id ?? '',
        ok: true,
      });
    }
  }
  if (events) for await (const _row of events.rows()) void _row;
  const parentProblems = await checkBaselineParents(db, baseline);

  // Pass 2: apply.
  const rejectedPeople = new Map<string, string>();
  if (persons) {
    type Entry = { rowNo: number; item: Parameters<RegisterWriter['writeBaselines']>[0][number] };
    let chunk: Entry[] = [];
    let read = 0;
    const writes = new WriteQueue();
    const write = async (entries: Entry[]) => {
      const outcomes = await db
        .transaction()
        .execute((trx) => new RegisterWriter(trx, ctx).writeBaselines(entries.map((c) => c.item)));
      entries.forEach((c, i) => tally.outcome(persons.file, c.rowNo, outcomes[i] as Outcome));
    };
    const flush = async () => {
      const entries = chunk;
      chunk = [];
      await writes.push(() => write(entries));
    };
    for await (const { rowNo, cells } of persons.rows()) {
      read += 1;
      if (read % chunkSize === 0) options.onProgress?.({ file: persons.file, rows: read });
      const row = baselineRowOf(cells);
      const problems = parentProblems.get(row.person_id);
      const entry = baseline.get(row.person_id);
      if (problems && entry?.rowNo === rowNo) {
        tally.reject(persons.file, rowNo, problems);
        rejectedPeople.set(row.person_id, `${persons.file} 第 ${rowNo} 行`);
        continue;
      }
      const result = personFromBaseline(row, registerContext);
      if (!result.ok) {
        if (!baseline.has(row.person_id)) rejectedPeople.set(row.person_id, `${persons.file} 第 ${rowNo} 行`);
        continue; // reported in pass 1
      }
      chunk.push({ rowNo, item: { row, state: result.state, hash: ctx.cipher.contentHash(row) } });
      if (result.warnings.length > 0) tally.warn(persons.file, rowNo, result.warnings);
      if (chunk.length >= chunkSize) await flush();
    }
    if (chunk.length > 0) await flush();
    await writes.drain();
    options.onProgress?.({ file: persons.file, rows: read });
  }

  if (events) {
    type Entry = { rowNo: number; item: EventSubmission };
    let chunk: Entry[] = [];
    let read = 0;
    const writes = new WriteQueue();
    const write = async (entries: Entry[]) => {
      // Events apply by date, then file order (a stable sort of the chunk).
      const ordered = entries.toSorted((a, b) =>
        a.item.event.date < b.item.event.date ? -1 : a.item.event.date > b.item.event.date ? 1 : 0,
      );
      // As the register stood when this chunk was read: the reader goes on adding to rejectedPeople.
      const dependsOn = new Map(rejectedPeople);
      const outcomes = await db.transaction().execute((trx) =>
        new RegisterWriter(trx, ctx).writeEvents(
          ordered.map((c) => c.item),
          dependsOn,
        ),
      );
      ordered.forEach((c, i) => {
        const outcome = outcomes[i] as Outcome;
        tally.outcome(events.file, c.rowNo, outcome);
        const event = c.item.event;
        if (event.type === 'death' && outcome.status !== 'rejected')
          tally.deaths.push({ personKey: event.personId, date: event.date });
        const into = mergedInto(event);
        if (into && outcome.status !== 'rejected')
          tally.merges.push({ personKey: event.personId, date: event.date, into });
        if (
          outcome.status === 'rejected' &&
          (event.type === 'birth' || event.type === 'move' || event.type === 'hukou')
        ) {
          if (!rejectedPeople.has(event.personId))
            rejectedPeople.set(event.personId, `${events.file} 第 ${c.rowNo} 行`);
        }
      });
    };
    const flush = async () => {
      const entries = chunk;
      chunk = [];
      await writes.push(() => write(entries));
    };
    for await (const { rowNo, cells } of events.rows()) {
      read += 1;
      if (read % chunkSize === 0) options.onProgress?.({ file: events.file, rows: read });
      const parsed = readEventRow(cells);
      if (!parsed.ok) {
        tally.reject(events.file, rowNo, parsed.errors);
        const personId = (cells.person_id ?? '').trim();
        if ((cells.type ?? '').trim() === 'birth' && personId)
          rejectedPeople.set(personId, `${events.file} 第 ${rowNo} 行`);
        continue;
      }
      const event = withAttributes(parsed.event, cells);
      if (event.date < options.dataset.start || event.date > options.dataset.end) {
        tally.reject(events.file, rowNo, [
          {
            field: 'date',
            code: 'DATE_OUTSIDE_DATASET',
            message: `日期 ${event.date} 不在数据集 ${options.dataset.start} 至 ${options.dataset.end} 之内`,
          },
        ]);
        continue;
      }
      chunk.push({
        rowNo,
        item: { event, hash: ctx.cipher.contentHash(event), label: `${events.file} 第 ${rowNo} 行` },
      });
      if (chunk.length >= chunkSize) await flush();
    }
    if (chunk.length > 0) await flush();
    await writes.drain();
    options.onProgress?.({ file: events.file, rows: read });
  }
  return tally;
}

/**
 * mother_id and father_id of baseline rows must name people of the file or of the register: a
 * woman (born before the child, 12 or older at the birth) and a man. A row whose parent row is
 * rejected is rejected too (repeated until nothing changes).
 */
async function checkBaselineParents(
  db: Db,
  baseline: Map<string, BaselineEntry>,
): Promise<Map<string, RowProblem[]>> {
  const outside = new Set<string>();
  for (const entry of baseline.values()) {
    for (const parent of [entry.motherId, entry.fatherId])
      if (parent && !baseline.has(parent)) outside.add(parent);
  }
  const stored = new Map((await findPersons(db, [...outside])).map((p) => [p.person_key, p]));
  const problems = new Map<string, RowProblem[]>();
  const parentOf = (id: string) => {
    const inFile = baseline.get(id);
    if (inFile) return inFile.ok ? { sex: inFile.sex, birthDate: inFile.birthDate } : 'rejected';
    const row = stored.get(id);
    return row ? { sex: row.sex, birthDate: row.birth_date } : undefined;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const [personId, entry] of baseline) {
      if (!entry.ok) continue;
      const found: RowProblem[] = [];
      if (entry.motherId) {
        const mother = parentOf(entry.motherId);
        if (mother === 'rejected') {
          found.push({
            field: 'mother_id',
            code: 'DEPENDS_ON_REJECTED_ROW',
            message: `母亲 ${entry.motherId} 的行被拒绝`,
          });
        } else {
          const error = checkMother(
            mother
              ? ({
                  personId: entry.motherId,
                  sex: mother.sex,
                  birthDate: mother.birthDate,
                  deathDate: null,
                } as Parameters<typeof checkMother>[0])
              : undefined,
            entry.motherId,
            entry.birthDate,
          );
          if (error) found.push({ field: error.field, code: error.code, message: error.message });
        }
      }
      if (entry.fatherId) {
        const father = parentOf(entry.fatherId);
        if (father === 'rejected') {
          found.push({
            field: 'father_id',
            code: 'DEPENDS_ON_REJECTED_ROW',
            message: `父亲 ${entry.fatherId} 的行被拒绝`,
          });
        } else if (!father) {
          found.push({
            field: 'father_id',
            code: 'FATHER_UNKNOWN',
            message: `父亲 ${entry.fatherId} 不在文件或登记中`,
          });
        } else if (father.sex !== 1) {
          found.push({
            field: 'father_id',
            code: 'FATHER_NOT_MALE',
            message: `父亲 ${entry.fatherId} 登记的性别不是男`,
          });
        } else if (father.birthDate >= entry.birthDate) {
          found.push({
            field: 'father_id',
            code: 'FATHER_BORN_AFTER_CHILD',
            message: `父亲的出生日期不早于孩子的出生日期`,
          });
        }
      }
      if (found.length > 0) {
        entry.ok = false;
        problems.set(personId, found);
        changed = true;
      }
    }
  }
  return problems;
}
