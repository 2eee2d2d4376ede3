// A comparison prepared for one job: values interned to ids per record, the level function over
// distinct values behind a pair cache (or, for a run of pairs, visited in groups of values), and
// term frequencies of the exact level.
import type { ComparisonConfig } from './model-config';
import { fillGroupedLevels, type GroupingScratch } from './grouped-levels';
import { PairLevelCache } from './pair-cache';
import { internValues, type RecordSet } from './records';
import { normalizeColumn } from './value-keys';
import { checkLevelsForKind, levelLabel, valueLevelFunction, type ValueLevel } from './value-levels';

/** The level of a pair where either value is missing: contributes weight 0. */
export const NULL_LEVEL = 255;

/** Writes the level of every pair p < length at `out[p · width + offset]`. */
export type FillLevels = (
  left: Int32Array,
  right: Int32Array,
  length: number,
  out: Uint8Array,
  width: number,
  offset: number,
  scratch?: GroupingScratch,
) => void;

export interface PreparedComparison {
  name: string;
  /** Column(s) read (EM does not train a comparison on pairs blocked on its column). */
  columns: string[];
  /** Labels of the configured levels followed by "else". */
  labels: string[];
  /** Configured levels + 1 ("else"). */
  levelCount: number;
  /** Index of the "exact" level, or −1. */
  exactLevel: number;
  /** Level of records i and j (NULL_LEVEL when a value is missing). */
  levelOf(i: number, j: number): number;
  /** The same without the pair cache: for random pairs, whose values rarely meet twice. */
  levelOfUncached(i: number, j: number): number;
  /**
   * Writes the level of every pair p < length at `out[p · width + offset]`, the same as `levelOf`:
   * present for the comparisons with a pair cache, whose pairs are better visited in groups.
   */
  fillLevels?: FillLevels;
  /** Sizes the pair cache ahead for a run over this many pairs. */
  reserve(pairs: number): void;
  /** log2 of the relative frequency of record i's value (for the exact level's TF adjustment), or null. */
  logTf: Float64Array | null;
  tfWeight: number;
  config: ComparisonConfig;
}

export function prepareComparison(config: ComparisonConfig, records: RecordSet): PreparedComparison {
  const name = config.name ?? config.column;
  checkLevelsForKind(config.kind, config.levels, `comparison ${name}`);
  const reversedAt = config.levels.findIndex((level) => typeof level === 'object' && 'reversed' in level);
  const reversedLevel = reversedAt >= 0 ? config.levels[reversedAt] : undefined;
  const otherColumn =
    reversedLevel && typeof reversedLevel === 'object' && 'reversed' in reversedLevel
      ? reversedLevel.reversed
      : null;

  // Own column and, for the reversed level, the other column share one id space.
  const own = normalizeColumn(config.kind, records.column(config.column));
  const other = otherColumn ? normalizeColumn(config.kind, records.column(otherColumn)) : [];
  const interned = internValues(own.concat(other));
  const ids = interned.ids.subarray(0, records.count);
  const otherIds = otherColumn ? interned.ids.subarray(records.count) : null;

  // Value levels: the configured list without `reversed`; map their indices back to the full list.
  const valueLevels: ValueLevel[] = [];
  const levelIndex: number[] = [];
  config.levels.forEach((level, index) => {
    if (typeof level === 'object' && 'reversed' in level) return;
    valueLevels.push(level);
    levelIndex.push(index);
  });
  levelIndex.push(config.levels.length); // "else"
  const valueLevel = valueLevelFunction(config.kind, valueLevels, interned.distinct);
  const exactLevel = config.levels.indexOf('exact');
  const exactFirst = exactLevel === 0;
  // Dates and ID numbers are compared by arithmetic on prepared keys and edit distances over a few
  // digits: cheaper than probing a table of millions of value pairs (most pairs of them never repeat).
  // Names and free text repeat and cost a Jaro–Winkler, so their levels are cached; a comparison of
  // exact levels only (sex) is one integer test, cheaper than any lookup.
  const onlyExact = valueLevels.every((level) => level === 'exact');
  const cache =
    config.kind === 'date' || config.kind === 'citizenId' || onlyExact ? null : new PairLevelCache();

  const levelOfValues = (a: number, b: number): number => {
    if (a === b && exactFirst) return 0;
    if (cache === null) return levelIndex[valueLevel(a < b ? a : b, a < b ? b : a)] as number;
    const lo = a < b ? a : b;
    const hi = a < b ? b : a;
    let level = cache.get(lo, hi);
    if (level < 0) {
      level = levelIndex[valueLevel(lo, hi)] as number;
      cache.set(lo, hi, level);
    }
    return level;
  };
  const levelOfValuesUncached = (a: number, b: number): number =>
    a === b && exactFirst ? 0 : (levelIndex[valueLevel(a < b ? a : b, a < b ? b : a)] as number);

  const makeLevelOf = (values: (a: number, b: number) => number) =>
    otherIds && reversedAt >= 0
      ? (i: number, j: number): number => {
          const a = ids[i] as number;
          const b = ids[j] as number;
          if (a < 0 || b < 0) return NULL_LEVEL;
          const level = values(a, b);
          if (level > reversedAt && a !== b && otherIds[i] === b && otherIds[j] === a) return reversedAt;
          return level;
        }
      : (i: number, j: number): number => {
          const a = ids[i] as number;
          const b = ids[j] as number;
          if (a < 0 || b < 0) return NULL_LEVEL;
          return values(a, b);
        };
  const levelOf = makeLevelOf(levelOfValues);
  const levelOfUncached = makeLevelOf(levelOfValuesUncached);
  // A run of pairs goes through fillGroupedLevels (grouped-levels.ts), which finds repeated value
  // pairs without the pair cache; not with the reversed level, which looks at the records too.
  const fillLevels: FillLevels | undefined =
    cache !== null && otherIds === null
      ? (left, right, length, out, width, offset, scratch) =>
          fillGroupedLevels(
            ids,
            interned.distinct.length,
            exactFirst,
            levelOfValuesUncached,
            left,
            right,
            length,
            out,
            width,
            offset,
            scratch,
          )
      : undefined;

  let logTf: Float64Array | null = null;
  let tfWeight = 0;
  if (config.tf && exactLevel >= 0) {
    const options = config.tf === true ? { weight: 1, minimumU: 0 } : config.tf;
    tfWeight = options.weight;
    const counts = new Float64Array(interned.distinct.length);
    let present = 0;
    for (let i = 0; i < records.count; i++) {
      const id = ids[i] as number;
      if (id >= 0) {
        counts[id] = (counts[id] as number) + 1;
        present++;
      }
    }
    logTf = new Float64Array(records.count);
    for (let i = 0; i < records.count; i++) {
      const id = ids[i] as number;
      logTf[i] = id < 0 ? 0 : Math.log2(Math.max((counts[id] as number) / present, options.minimumU));
    }
  }

  return {
    name,
    columns: otherColumn ? [config.column, otherColumn] : [config.column],
    labels: [...config.levels.map(levelLabel), 'else'],
    levelCount: config.levels.length + 1,
    exactLevel,
    levelOf,
    levelOfUncached,
    ...(fillLevels ? { fillLevels } : {}),
    reserve: (pairs) => cache?.reserve(pairs),
    logTf,
    tfWeight,
    config,
  };
}
