// `renkou link --source NAME`: one department's stored records against the register's persons with
// the source's model (models/NAME.json: the benchmark's, trained afresh on every run). Each record
// gets its best-scoring person and a decision: match (p ≥ 0.9), review (0.5 ≤ p < 0.9) or non_match,
// with the weight of each comparison of that pair (what the review page shows).
import {
  linkRecords,
  parseModelConfig,
  DomainError,
  ErrorCode,
  NULL_LEVEL,
  type LinkResult,
  type RecordTable,
} from '@renkou/core';
import type { Db } from '@renkou/db';
import { existsSync, readFileSync } from 'node:fs';
import type { CryptoProvider } from '../../crypto/crypto-provider';

export const MATCH_AT = 0.9;
export const REVIEW_AT = 0.5;

export interface ComparisonWeight {
  name: string;
  /** The level the pair reached ('null' when either value is missing). */
  level: string;
  /** Bits: log2(m/u) of the level, plus the term-frequency adjustment of an exact level. */
  weight: number;
}

export interface LinkDecision {
  recordId: string;
  personKey: string | null;
  probability: number;
  decision: 'match' | 'review' | 'non_match';
  /** Match weight of the pair (prior + comparisons), null without a candidate. */
  matchWeight: number | null;
  comparisons: ComparisonWeight[];
}

/** Stages of a link, for a progress bar: loading, linking (scoring pairs) and what the caller does next. */
export type LinkProgress = (stage: string, done: number, total: number) => void;

const COLUMNS = ['record_id', 'id_number', 'name', 'sex', 'birth_date', 'mother_id_number', 'mother_name'];

function modelOf(source: string) {
  const path = new URL(`./models/${source}.json`, import.meta.url);
  if (!existsSync(path))
    throw new DomainError(
      ErrorCode.ValidationFailed,
      `${source} 还没有比对模型（已有：hospital_births、civil_deaths）`,
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
  return {
    header: COLUMNS,
    rows: rows.map((r) => {
      const values = openSealed(crypto, r.payload);
      return COLUMNS.map((c) => values[c] ?? '');
    }),
  };
}

/** The register's persons with their mother's ID number and name (a newborn is found through her). */
async function registerTable(db: Db, crypto: CryptoProvider): Promise<RecordTable> {
  const rows = await db
    .selectFrom('persons')
    .select(['person_key', 'sensitive', 'name', 'sex', 'birth_date', 'mother_key'])
    .execute();
  const idOf = new Map<string, string>();
  const nameOf = new Map<string, string>();
  for (const r of rows) {
    nameOf.set(r.person_key, r.name);
    if (r.sensitive)
      idOf.set(
        r.person_key,
        (JSON.parse(crypto.decrypt(r.sensitive)) as { idNumber?: string }).idNumber ?? '',
      );
  }
  return {
    header: COLUMNS,
    rows: rows.map((r) => [
      r.person_key,
      idOf.get(r.person_key) ?? '',
      r.name,
      String(r.sex),
      r.birth_date,
      r.mother_key ? (idOf.get(r.mother_key) ?? '') : '',
      r.mother_key ? (nameOf.get(r.mother_key) ?? '') : '',
    ]),
  };
}

/** Each comparison's level and weight for pair p (the same sums scorePairs adds up). */
function comparisonWeights(result: LinkResult, p: number): ComparisonWeight[] {
  const width = result.comparisons.length;
  return result.model.comparisons.map((trained, c) => {
    const level = result.gammas[p * width + c] as number;
    if (level === NULL_LEVEL) return { name: trained.name, level: 'null', weight: 0 };
    let weight = trained.weights[level] as number;
    const logTf = result.comparisons[c]?.logTf;
    if (logTf && level === trained.exactLevel && trained.tfWeight > 0)
      weight +=
        trained.tfWeight *
        (Math.log2(trained.u[level] as number) - (logTf[result.pairs.left[p] as number] as number));
    return { name: trained.name, level: trained.labels[level] ?? String(level), weight };
  });
}

export async function linkSourceToRegister(
  db: Db,
  crypto: CryptoProvider,
  source: string,
  onProgress: LinkProgress = () => undefined,
): Promise<LinkDecision[]> {
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
  const result = linkRecords(model, [records, persons], {
    onProgress: (done, total) => onProgress('score', done, total),
  });
  const best = new Map<number, { person: number; probability: number; pair: number }>();
  const { left, right } = result.pairs;
  for (let p = 0; p < result.pairs.length; p += 1) {
    const [a, b] = [left[p] as number, right[p] as number];
    const record = a < records.rows.length ? a : b;
    const person = record === a ? b : a;
    const probability = result.scores.probabilities[p] as number;
    if ((best.get(record)?.probability ?? -1) < probability)
      best.set(record, { person, probability, pair: p });
  }
  return records.rows.map((row, i) => {
    const hit = best.get(i);
    const probability = hit?.probability ?? 0;
    return {
      recordId: row[0] as string,
      personKey: hit ? (result.ids[hit.person] as string) : null,
      probability,
      decision: probability >= MATCH_AT ? 'match' : probability >= REVIEW_AT ? 'review' : 'non_match',
      matchWeight: hit ? (result.scores.weights[hit.pair] as number) : null,
      comparisons: hit ? comparisonWeights(result, hit.pair) : [],
    };
  });
}
