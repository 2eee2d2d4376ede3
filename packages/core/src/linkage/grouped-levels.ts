// The levels of a run of pairs for a comparison whose levels cost a comparator (names, free text),
// visiting the pairs grouped by their smaller value id: within a group, a value pair met before is
// found in two arrays indexed by the other value (small, so in cache), where a hash table over all
// value pairs costs a cache miss per pair once it outgrows the caches (a 2 M-person register meets
// a million distinct name pairs). The order in which pairs are visited changes no level: each is a
// function of the two values only.

/** NULL_LEVEL of comparisons.ts, which imports this file (no import cycle; the tests compare them). */
const NULL_LEVEL = 255;

/**
 * The working arrays of fillGroupedLevels, kept for the comparisons of one scoring pass. On a 2 M
 * register they are ~30 MB per comparison; allocated afresh for each, they pushed V8 into a full
 * collection of the whole heap (external memory pressure) in the middle of scoring.
 */
export class GroupingScratch {
  private readonly arrays = new Map<string, Int32Array | Uint8Array>();

  /** An Int32Array of at least n elements; zeroed on request (else it holds the last call's values). */
  int32(name: string, n: number, zeroed: boolean): Int32Array {
    const kept = this.arrays.get(name);
    if (kept instanceof Int32Array && kept.length >= n) return zeroed ? kept.fill(0, 0, n) : kept;
    const fresh = new Int32Array(n);
    this.arrays.set(name, fresh);
    return fresh;
  }

  /** A Uint8Array of at least n elements, holding whatever the last call left. */
  uint8(name: string, n: number): Uint8Array {
    const kept = this.arrays.get(name);
    if (kept instanceof Uint8Array && kept.length >= n) return kept;
    const fresh = new Uint8Array(n);
    this.arrays.set(name, fresh);
    return fresh;
  }
}

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
  scratch: GroupingScratch = new GroupingScratch(),
): void {
  // Pass 1: decide missing and equal values; find how far the smaller value ids of the rest go.
  // The pairs' values are looked up again in the passes below rather than stored: per-pair scratch
  // is fresh memory, and first touching fresh memory costs more than the lookups (page faults).
  let pending = 0;
  let maxLo = -1;
  for (let p = 0; p < length; p++) {
    const a = ids[left[p] as number] as number;
    const b = ids[right[p] as number] as number;
    if (a < 0 || b < 0) out[p * width + offset] = NULL_LEVEL;
    else if (a === b && exactFirst) out[p * width + offset] = 0;
    else {
      const lo = a < b ? a : b;
      if (lo > maxLo) maxLo = lo;
      pending++;
    }
  }
  if (pending === 0) return;
  // Counting sort by smaller value. Records are interned in order, so the smaller value is mostly
  // one of the first file's: `start` is sized by the largest one, not by every value.
  const start = scratch.int32('start', maxLo + 2, true);
  for (let p = 0; p < length; p++) {
    const lo = pendingLo(ids, exactFirst, left[p] as number, right[p] as number);
    if (lo >= 0) start[lo + 1] = (start[lo + 1] as number) + 1;
  }
  for (let v = 0; v <= maxLo; v++) start[v + 1] = (start[v + 1] as number) + (start[v] as number);
  // Each pair's index and larger value at its place in the group order: pass 2 then reads both in
  // sequence (only the level's write goes back to the pair's place). start[lo] moves to the end of
  // its group as the group fills, which is where the next group begins.
  const order = scratch.int32('order', pending, false);
  const orderHi = scratch.int32('orderHi', pending, false);
  for (let p = 0; p < length; p++) {
    const i = left[p] as number;
    const j = right[p] as number;
    const lo = pendingLo(ids, exactFirst, i, j);
    if (lo < 0) continue;
    const k = start[lo] as number;
    order[k] = p;
    orderHi[k] = (ids[i] as number) + (ids[j] as number) - lo; // the other value
    start[lo] = k + 1;
  }
  // Pass 2, group by group: seenWith[hi] === lo + 1 when (lo, hi) was computed in this group (0,
  // as zeroed, is never a group). memo[hi] is read only where seenWith says it was written.
  const seenWith = scratch.int32('seenWith', valueCount, true);
  const memo = scratch.uint8('memo', valueCount);
  for (let lo = 0, from = 0; lo <= maxLo; lo++) {
    const to = start[lo] as number;
    for (let k = from; k < to; k++) {
      const p = order[k] as number;
      const hi = orderHi[k] as number;
      let level: number;
      if (seenWith[hi] === lo + 1) level = memo[hi] as number;
      else {
        level = levelOfValues(lo, hi);
        seenWith[hi] = lo + 1;
        memo[hi] = level;
      }
      out[p * width + offset] = level;
    }
    from = to;
  }
}

/** The smaller value id of a pair still to compare, or −1 when a value is missing or both are equal (exact first). */
function pendingLo(ids: Int32Array, exactFirst: boolean, i: number, j: number): number {
  const a = ids[i] as number;
  const b = ids[j] as number;
  if (a < 0 || b < 0 || (a === b && exactFirst)) return -1;
  return a < b ? a : b;
}
