// One linkage job, start to finish, on tables already in memory: prepare comparisons, block, train,
// score every candidate pair, cluster. `renkou link files` and the benchmark both run this.
import { generateCandidatePairs, sortPairsByRight, type CandidatePairs } from './blocking';
import { clusterPairs } from './clustering';
import { prepareComparison, type PreparedComparison } from './comparisons';
import { computeGammas } from './gammas';
import { KeyExpressionError } from './key-expressions';
import { ModelConfigError, type ModelConfig } from './model-config';
import { LinkInputError, RecordSet, type RecordTable } from './records';
import { scorePairs, type PairScores } from './scoring';
import { trainModel, type TrainedModel } from './training';
import { LevelConfigError } from './value-levels';

export interface LinkOptions {
  log?: (message: string) => void;
  /** Progress of the scoring stage: pairs done of total. */
  onProgress?: (done: number, total: number) => void;
}

export interface LinkTimings {
  prepareMs: number;
  blockingMs: number;
  trainingMs: number;
  /** Comparison vectors + weights of every candidate pair (the "scored pairs" throughput). */
  scoringMs: number;
  clusteringMs: number;
  totalMs: number;
}

export interface LinkResult {
  records: RecordSet;
  /** Record identifiers (the uniqueId column), in record order. */
  ids: string[];
  comparisons: PreparedComparison[];
  pairs: CandidatePairs;
  gammas: Uint8Array;
  scores: PairScores;
  model: TrainedModel;
  /** Cluster per record: the index of the cluster's first record. */
  clusters: Int32Array;
  timings: LinkTimings;
}

const now = () => performance.now();

/** Runs a job; a bad model or input raises ModelConfigError or LinkInputError before any scoring. */
export function linkRecords(
  model: ModelConfig,
  tables: readonly RecordTable[],
  options: LinkOptions = {},
): LinkResult {
  const log = options.log ?? (() => undefined);
  const expected = model.linkType === 'link' ? 2 : 1;
  if (tables.length !== expected) {
    throw new LinkInputError(
      `linkType "${model.linkType}" needs ${expected} file${expected === 2 ? 's' : ''}, got ${tables.length}`,
    );
  }
  const started = now();
  const records = new RecordSet(tables);
  const ids = records.column(model.uniqueId);
  let comparisons: PreparedComparison[];
  try {
    comparisons = model.comparisons.map((config) => prepareComparison(config, records));
  } catch (error) {
    if (error instanceof LevelConfigError) throw new ModelConfigError(error.message);
    throw error;
  }
  const prepared = now();

  let pairs: CandidatePairs;
  try {
    pairs = sortPairsByRight(
      generateCandidatePairs(records, model.blocking.rules, model.blocking.maxBlockPairs),
      records.count,
    );
  } catch (error) {
    if (error instanceof KeyExpressionError) throw new ModelConfigError(error.message);
    throw error;
  }
  const blocked = now();
  log(
    `${pairs.length.toLocaleString('en-US')} candidate pairs from ${records.count.toLocaleString('en-US')} records`,
  );

  const trained = trainModel(model, comparisons, records, log);
  const trainedAt = now();

  const gammas = computeGammas(comparisons, pairs.left, pairs.right, pairs.length, (done) =>
    options.onProgress?.(done, pairs.length),
  );
  const scores = scorePairs(trained, comparisons, gammas, pairs.left, pairs.length);
  const scored = now();

  const clusters = clusterPairs(records.count, pairs.left, pairs.right, scores.probabilities, {
    threshold: model.clustering.threshold ?? model.threshold,
    strongThreshold: model.clustering.strongThreshold,
  });
  const clustered = now();

  return {
    records,
    ids,
    comparisons,
    pairs,
    gammas,
    scores,
    model: trained,
    clusters,
    timings: {
      prepareMs: prepared - started,
      blockingMs: blocked - prepared,
      trainingMs: trainedAt - blocked,
      scoringMs: scored - trainedAt,
      clusteringMs: clustered - scored,
      totalMs: clustered - started,
    },
  };
}
