// Jaro or Jaro–Winkler between two distinct values of a column, short-circuited to 0 when the bounds
// of comparators/char-bounds.ts show it cannot reach the lowest threshold of its levels: below that
// threshold every level fails alike, so the level is the same and the O(n·m) comparator is skipped.
import {
  classLayers,
  commonPrefixLength,
  jaroBoundFromMatches,
  jaroWinklerBoundFromMatches,
  sharedClassBound,
} from './comparators/char-bounds';
import { jaro, jaroWinkler } from './comparators/jaro-winkler';

/** Rounding in the bound's last digit must never skip a pair that reaches the threshold exactly. */
const ROUNDING_MARGIN = 1e-9;

/** Per value: its length + 1 (0 until prepared), then its three class layers (`classLayers`). */
const STRIDE = 4;

export type Similarity = (a: number, b: number) => number;

/**
 * `textOf(id)` is the compared text of value `id` (0 … count − 1); per value its length and class
 * layers are prepared once, on first need, in one flat array: most pairs are decided on those
 * integers alone, without reaching for the two texts (on a large register, a cache miss or more each).
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
  const facts = new Int32Array(count * STRIDE);
  const prepared = (id: number): number => {
    const at = id * STRIDE;
    if (facts[at] === 0) {
      const text = textOf(id);
      facts[at] = text.length + 1;
      classLayers(text, facts, at + 1);
    }
    return at;
  };
  const cutoff = lowest - ROUNDING_MARGIN;

  return (a, b) => {
    const at = prepared(a);
    const bt = prepared(b);
    const la = (facts[at] as number) - 1;
    const lb = (facts[bt] as number) - 1;
    if (la === 0 || lb === 0) return compare(textOf(a), textOf(b));
    const matches = sharedClassBound(la, lb, facts, at + 1, facts, bt + 1);
    // Jaro–Winkler first with the largest prefix boost (4), which needs no text.
    const bound = winkler
      ? jaroWinklerBoundFromMatches(la, lb, matches, 4)
      : jaroBoundFromMatches(la, lb, matches);
    if (bound < cutoff) return 0;
    const ta = textOf(a);
    const tb = textOf(b);
    if (winkler && jaroWinklerBoundFromMatches(la, lb, matches, commonPrefixLength(ta, tb, 4)) < cutoff) {
      return 0;
    }
    return compare(ta, tb);
  };
}
