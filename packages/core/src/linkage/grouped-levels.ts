// The levels of a run of pairs for a comparison whose levels cost a comparator (names, free text),
// visiting the pairs grouped by their smaller value id: within a group, a value pair met before is
// found in two arrays indexed by the other value (small, so in cache), where a hash table over all
// value pairs costs a cache miss per pair once it outgrows the caches (a 2 M-person register meets
// a million distinct name pairs). The order in which pairs are visited changes no level: each is a
// function of the two values only.

/** NULL_LEVEL of comparisons.ts, which imports this file (no import cycle; the tests compare them). */
const NULL_LEVEL = 255;

/**
 * Writes `out[p · width + offset]` for p < length: NULL_LEVEL when a value is missing, 0 for equal
 * values when `exactFirst`, else `levelOfValues(lo, hi)` of the two value ids (lo ≤ hi).
 */
export function fillGroupedLevels(
  ids: Int32Array,
  valueCount: number,
  exactFirst: boolean,
  levelOfValues: (lo: number, hi: number) => number,
  left: Int32Array,
  right: Int32Array,
  length: number,
  out: Uint8Array,
  width: number,
  offset: number,
): void {
  // Pass 1: decide missing and equal values; count the rest per smaller value (counting sort).
  const los = new Int32Array(length);
  const his = new Int32Array(length);
  const start = new Int32Array(valueCount + 1);
  let pending = 0;
  for (let p = 0; p < length; p++) {
    const a = ids[left[p] as number] as number;
    const b = ids[right[p] as number] as number;
    if (a < 0 || b < 0) {
      out[p * width + offset] = NULL_LEVEL;
      los[p] = -1;
    } else if (a === b && exactFirst) {
      out[p * width + offset] = 0;
      los[p] = -1;
    } else {
      const lo = a < b ? a : b;
      los[p] = lo;
      his[p] = a < b ? b : a;
      start[lo + 1] = (start[lo + 1] as number) + 1;
      pending++;
    }
  }
  if (pending === 0) return;
  for (let v = 0; v < valueCount; v++) start[v + 1] = (start[v + 1] as number) + (start[v] as number);
  // Each pair's index and larger value at its place in the group order: pass 2 then reads both in
  // sequence (only the level's write goes back to the pair's place).
  const order = new Int32Array(pending);
  const orderHi = new Int32Array(pending);
  const fill = start.slice(0, valueCount);
  for (let p = 0; p < length; p++) {
    const lo = los[p] as number;
    if (lo < 0) continue;
    const k = fill[lo] as number;
    order[k] = p;
    orderHi[k] = his[p] as number;
    fill[lo] = k + 1;
  }
  // Pass 2, group by group: seenWith[hi] === lo when (lo, hi) was computed in this group.
  const seenWith = new Int32Array(valueCount).fill(-1);
  const memo = new Uint8Array(valueCount);
  for (let lo = 0; lo < valueCount; lo++) {
    const to = start[lo + 1] as number;
    for (let k = start[lo] as number; k < to; k++) {
      const p = order[k] as number;
      const hi = orderHi[k] as number;
      let level: number;
      if (seenWith[hi] === lo) level = memo[hi] as number;
      else {
        level = levelOfValues(lo, hi);
        seenWith[hi] = lo;
        memo[hi] = level;
      }
      out[p * width + offset] = level;
    }
  }
}
