// `renkou link --source NAME`: one department's stored records against the register's persons with
// the source's model (models/NAME.json: the benchmark's, trained afresh on every run). This file reads
// them from the database; link-decisions.ts decides, in a worker thread (link-in-worker.ts) or inline.
import { parseModelConfig, DomainError, ErrorCode, LINKABLE_SOURCES, type RecordTable } from '@renkou/core';
import type { Db } from '@renkou/db';
import { existsSync, readFileSync } from 'node:fs';
import type { CryptoProvider } from '../../crypto/crypto-provider';
import type { DuplicateInput, DuplicatePair } from './duplicate-pairs';
import { decideInThread, type LinkDecision, type LinkInput, type LinkProgress } from './link-decisions';

export type { ComparisonWeight, LinkDecision, LinkProgress } from './link-decisions';

/** Links a run's input: in this thread, or in a worker (cancelled through the signal). */
export type DecideLinks = (
  input: LinkInput,
  onProgress: LinkProgress,
  signal?: AbortSignal,
) => Promise<LinkDecision[]>;

/** Finds the register's duplicate pairs: in this thread, or in a worker. */
export type FindDuplicates = (
  input: DuplicateInput,
  onProgress: LinkProgress,
  signal?: AbortSignal,
) => Promise<DuplicatePair[]>;

/** Decrypting a county's ID numbers takes seconds: let requests in between slices. */
const YIELD_EVERY = 2000;
const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));

/** Both sides' columns; a model compares some of them (hukou rows: hukou_code; births: the mother's). */
const COLUMNS = [
  'record_id',
  'id_number',
  'name',
  'sex',
  'birth_date',
  'mother_id_number',
  'mother_name',
  'hukou_code',
];

export function modelOf(source: string) {
  const path = new URL(`./models/${source}.json`, import.meta.url);
  if (!existsSync(path))
    throw new DomainError(
      ErrorCode.ValidationFailed,
      `${source} 还没有比对模型（已有：${LINKABLE_SOURCES.join('、')}）`,
      [{ field: 'source', reason: 'no linkage model' }],
    );
  return parseModelConfig(JSON.parse(readFileSync(path, 'utf8')));
}

function openSealed(crypto: CryptoProvider, payload: unknown): Record<string, string> {
  const { sealed, ...open } = payload as Record<string, string>;
  return sealed ? { ...open, ...(JSON.parse(crypto.decrypt(sealed)) as Record<string, string>) } : open;
}

async function sourceTable(db: Db, crypto: CryptoProvider, source: string): Promise<RecordTable> {
  const rows = await db
    .selectFrom('department_records')
    .select(['record_id', 'payload'])
    .where('source', '=', source)
    .orderBy('record_id')
    .execute();
  const table: string[][] = [];
  for (const r of rows) {
    const values = openSealed(crypto, r.payload);
    table.push(COLUMNS.map((c) => values[c] ?? ''));
    if (table.length % YIELD_EVERY === 0) await yieldToEventLoop();
  }
  return { header: COLUMNS, rows: table };
}

/**
 * The register's persons with their mother's ID number and name (a newborn is found through her) and
 * their hukou now (a hukou row's place: after a birth or move-in, before a move-out or death). A record
 * merged into another as its duplicate is left out: records link to the one that stays.
 */
export async function registerTable(db: Db, crypto: CryptoProvider): Promise<RecordTable> {
  const rows = await db
    .selectFrom('persons')
    .select(['person_key', 'sensitive', 'name', 'sex', 'birth_date', 'mother_key', 'hukou_code', 'status'])
    .execute();
  const idOf = new Map<string, string>();
  const nameOf = new Map<string, string>();
  for (const [i, r] of rows.entries()) {
    nameOf.set(r.person_key, r.name);
    if (r.sensitive)
      idOf.set(
        r.person_key,
        (JSON.parse(crypto.decrypt(r.sensitive)) as { idNumber?: string }).idNumber ?? '',
      );
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop();
  }
  return {
    header: COLUMNS,
    // A merged record still names the mother of its children's records.
    rows: rows
      .filter((r) => r.status !== 'merged')
      .map((r) => [
        r.person_key,
        idOf.get(r.person_key) ?? '',
        r.name,
        String(r.sex),
        r.birth_date,
        r.mother_key ? (idOf.get(r.mother_key) ?? '') : '',
        r.mother_key ? (nameOf.get(r.mother_key) ?? '') : '',
        r.hukou_code,
      ]),
  };
}

/** Reads what a run links: the source's model, its records and the register's persons. */
export async function loadLinkInput(
  db: Db,
  crypto: CryptoProvider,
  source: string,
  onProgress: LinkProgress = () => undefined,
): Promise<LinkInput> {
  const model = modelOf(source);
  onProgress('load', 0, 2);
  const records = await sourceTable(db, crypto, source);
  if (records.rows.length === 0)
    throw new DomainError(
      ErrorCode.ValidationFailed,
      `还没有导入 ${source} 的记录：请先 renkou import records`,
    );
  onProgress('load', 1, 2);
  const persons = await registerTable(db, crypto);
  onProgress('load', 2, 2);
  return { model, records, persons };
}

/** What the register's own run links: models/register.json and the persons not merged. */
export async function loadDuplicateInput(
  db: Db,
  crypto: CryptoProvider,
  onProgress: LinkProgress = () => undefined,
): Promise<DuplicateInput> {
  const model = modelOf('register');
  onProgress('load', 0, 1);
  const persons = await registerTable(db, crypto);
  onProgress('load', 1, 1);
  return { model, persons };
}

export async function linkSourceToRegister(
  db: Db,
  crypto: CryptoProvider,
  source: string,
  onProgress: LinkProgress = () => undefined,
  decide: DecideLinks = decideInThread,
  signal?: AbortSignal,
): Promise<LinkDecision[]> {
  const input = await loadLinkInput(db, crypto, source, onProgress);
  return decide(input, onProgress, signal);
}
