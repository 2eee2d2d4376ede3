// Jaro or Jaro–Winkler between two distinct values of a column, short-circuited to 0 when the bounds
// of comparators/char-bounds.ts show it cannot reach the lowest threshold of its levels: below that
// threshold every level fails alike, so the level is the same and the O(n·m) comparator is skipped.
import {
  charClassMask,
  commonPrefixLength,
  jaroBoundFromMatches,
  jaroUpperBound,
  jaroWinklerBoundFromMatches,
  jaroWinklerUpperBound,
  sharedCodeUnits,
  sortedCodeUnits,
} from './comparators/char-bounds';
import { jaro, jaroWinkler } from './comparators/jaro-winkler';

/** Rounding in the bound's last digit must never skip a pair that reaches the threshold exactly. */
const ROUNDING_MARGIN = 1e-9;

export type Similarity = (a: number, b: number) => number;

/**
 * `textOf(id)` is the compared text of value `id` (0 … count − 1); per value its character classes
 * and sorted code units are prepared once, on first need.
 */
export function boundedSimilarity(
  measure: 'jaro' | 'jaroWinkler',
  textOf: (id: number) => string,
  count: number,
  lowest: number,
): Similarity {
  const winkler = measure === 'jaroWinkler';
  const compare = winkler ? jaroWinkler : jaro;
  // No level of this measure (lowest = ∞): nothing to prepare, and the function is never called.
  if (!Number.isFinite(lowest)) return (a, b) => compare(textOf(a), textOf(b));
  const masks = new Int32Array(count);
  const units: (Uint16Array | undefined)[] = new Array<Uint16Array | undefined>(count);
  const mask = (id: number) => masks[id] || (masks[id] = charClassMask(textOf(id)));
  const sorted = (id: number) => (units[id] ??= sortedCodeUnits(textOf(id)));
  const cutoff = lowest - ROUNDING_MARGIN;
  const classBound = winkler ? jaroWinklerUpperBound : jaroUpperBound;

  return (a, b) => {
    const ta = textOf(a);
    const tb = textOf(b);
    const la = ta.length;
    const lb = tb.length;
    if (la === 0 || lb === 0) return compare(ta, tb);
    // O(1) on classes first; then the characters counted with multiplicity (a merge of two short lists).
    if (classBound(la, lb, mask(a), mask(b)) < lowest) return 0;
    const matches = sharedCodeUnits(sorted(a), sorted(b));
    const bound = winkler
      ? jaroWinklerBoundFromMatches(la, lb, matches, commonPrefixLength(ta, tb, 4))
      : jaroBoundFromMatches(la, lb, matches);
    return bound < cutoff ? 0 : compare(ta, tb);
  };
}
