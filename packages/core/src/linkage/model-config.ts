// The model configuration (docs/linkage-model.md): what to compare and how, how to block, how to
// train. Parsed with zod so a bad file gets a precise report before any work starts.
import { z } from 'zod';

const threshold01 = z.number().min(0).max(1);
const count = z.number().int().min(0);

/** One comparison level, tried in order; the first that holds is the pair's level. */
export const levelSchema = z.union([
  z.enum(['exact', 'variant', 'pinyin', 'swapped', 'dayMonthSwapped', 'checkDigitOnly', 'sameBirthDate']),
  z.strictObject({ jaroWinkler: threshold01 }),
  z.strictObject({ jaro: threshold01 }),
  z.strictObject({ pinyinJaroWinkler: threshold01 }),
  z.strictObject({ damerauLevenshtein: count }),
  z.strictObject({ levenshtein: count }),
  z.strictObject({ typo: count }),
  z.strictObject({ prefix: count }),
  z.strictObject({ tokenOverlap: threshold01 }),
  z.strictObject({ withinDays: count }),
  z.strictObject({ withinYears: count }),
  z.strictObject({ reversed: z.string().min(1) }),
]);
export type LevelConfig = z.infer<typeof levelSchema>;

export const comparisonKinds = ['string', 'date', 'citizenId', 'chineseName'] as const;
export type ComparisonKind = (typeof comparisonKinds)[number];

export const comparisonSchema = z.strictObject({
  /** Label in reports; defaults to the column. */
  name: z.string().min(1).optional(),
  column: z.string().min(1),
  kind: z.enum(comparisonKinds).default('string'),
  levels: z.array(levelSchema).min(1),
  /** Term-frequency adjustment of the exact level (rare values weigh more, common ones less). */
  tf: z
    .union([
      z.boolean(),
      z.strictObject({ weight: threshold01.default(1), minimumU: threshold01.default(0) }),
    ])
    .optional(),
  /** Fixed probabilities, one per level plus the final "else" level; fixed values are not trained. */
  m: z.array(threshold01).optional(),
  u: z.array(threshold01).optional(),
});
export type ComparisonConfig = z.infer<typeof comparisonSchema>;

/**
 * A blocking rule: key expressions that must all be equal (and present) for a pair to be compared,
 * e.g. ["surname", "year(date_of_birth)"]; or "all" to compare every pair (small files only).
 */
export const blockingRuleSchema = z.union([z.literal('all'), z.array(z.string().min(1)).min(1)]);
export type BlockingRuleConfig = z.infer<typeof blockingRuleSchema>;

export const modelSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  /** "dedupe": one file against itself; "link": file A against file B (pairs across files only). */
  linkType: z.enum(['dedupe', 'link']).default('dedupe'),
  /** The record identifier column (in both files). */
  uniqueId: z.string().min(1),
  comparisons: z.array(comparisonSchema).min(1),
  blocking: z.strictObject({
    rules: z.array(blockingRuleSchema).min(1),
    /** Blocks whose pairs exceed this are skipped for that rule and reported (skewed keys). */
    maxBlockPairs: z.number().int().positive().default(1_000_000),
  }),
  /** λ, the probability that two random records match: fixed, or estimated from strict rules. */
  prior: z
    .union([
      z.strictObject({ probability: z.number().gt(0).lt(1) }),
      z.strictObject({
        rules: z.array(z.array(z.string().min(1)).min(1)).min(1),
        /** The guessed share of true matches the strict rules find. */
        recall: z.number().gt(0).max(1),
      }),
    ])
    .optional(),
  training: z
    .strictObject({
      /** Random pairs sampled to estimate u. */
      uMaxPairs: z.number().int().positive().default(1_000_000),
      seed: z.number().int().default(42),
      /** EM sessions, in turn, each on the pairs of one blocking rule; columns in the rule are not trained there. */
      em: z.array(z.strictObject({ blocking: z.array(z.string().min(1)).min(1) })).default([]),
      maxIterations: z.number().int().positive().default(25),
      tolerance: z.number().positive().default(1e-4),
    })
    .default({ uMaxPairs: 1_000_000, seed: 42, em: [], maxIterations: 25, tolerance: 1e-4 }),
  /** Match probability at or above which a pair is a match (and an edge for clustering). */
  threshold: threshold01.default(0.5),
  clustering: z
    .strictObject({
      threshold: threshold01.optional(),
      /** Edges below this may not be the only link between two groups (no chaining via one weak edge). */
      strongThreshold: threshold01.default(0.99),
    })
    .default({ strongThreshold: 0.99 }),
  /** Minimum match probability of a pair written to the output (all scored pairs by default). */
  outputMinProbability: threshold01.default(0),
});
export type ModelConfig = z.infer<typeof modelSchema>;
export type ModelConfigInput = z.input<typeof modelSchema>;

export class ModelConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelConfigError';
  }
}

/** Validates a parsed JSON document; throws ModelConfigError listing every problem. */
export function parseModelConfig(json: unknown): ModelConfig {
  const result = modelSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new ModelConfigError(`invalid model configuration: ${problems.join('; ')}`);
  }
  const model = result.data;
  for (const comparison of model.comparisons) {
    const expected = comparison.levels.length + 1;
    for (const key of ['m', 'u'] as const) {
      const fixed = comparison[key];
      if (fixed && fixed.length !== expected) {
        throw new ModelConfigError(
          `invalid model configuration: comparison ${comparison.name ?? comparison.column}: ${key} needs ${expected} values (levels + else), got ${fixed.length}`,
        );
      }
    }
  }
  return model;
}
