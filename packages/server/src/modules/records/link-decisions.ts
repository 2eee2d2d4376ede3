// The CPU-heavy part of a link run, on tables already in memory: block, train, score and cluster
// (core's linkRecords), then each record's best-scoring person and its decision: match (p ≥ 0.9),
// review (0.5 ≤ p < 0.9) or non_match, with the weight of each comparison of that pair (what the review
// page shows). Pure, with no database or file: it runs in a worker thread (link-worker.ts) or inline.
import { linkRecords, NULL_LEVEL, type LinkResult, type ModelConfig, type RecordTable } from '@renkou/core';

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

/** What a run links: the source's model, its records and the register's persons (plain data, cloneable). */
export interface LinkInput {
  model: ModelConfig;
  records: RecordTable;
  persons: RecordTable;
}

/** Stages of a link, for a progress bar: loading, linking (scoring pairs) and what the caller does next. */
export type LinkProgress = (stage: string, done: number, total: number) => void;

/** Each comparison's level and weight for pair p (the same sums scorePairs adds up). */
export function comparisonWeights(result: LinkResult, p: number): ComparisonWeight[] {
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

export function decideLinks(
  { model, records, persons }: LinkInput,
  onProgress: LinkProgress = () => undefined,
): LinkDecision[] {
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

/** The run's linking in this thread: it blocks the event loop (the reference the tests compare with). */
export async function decideInThread(input: LinkInput, onProgress: LinkProgress): Promise<LinkDecision[]> {
  return decideLinks(input, onProgress);
}
