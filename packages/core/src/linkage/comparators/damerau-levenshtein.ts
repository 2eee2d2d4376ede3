// Edit distances. Optimal string alignment (OSA, "restricted Damerau–Levenshtein": adjacent
// transpositions, no edits inside a transposed pair) is what Splink/DuckDB call damerau_levenshtein;
// the true (unrestricted) Damerau–Levenshtein distance is also given for completeness.
// Both reuse scratch rows so the scoring loop allocates nothing.

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

function ensureRows(length: number): void {
  if (rowA.length < length) {
    rowA = new Int32Array(length * 2);
    rowB = new Int32Array(length * 2);
    rowC = new Int32Array(length * 2);
  }
}

/** Optimal string alignment distance (adjacent transposition counts as one edit). */
export function osaDistance(a: string, b: string): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (la === 0) return lb;
  if (lb === 0) return la;
  ensureRows(lb + 1);
  // prev2 = row i−2, prev = row i−1, cur = row i.
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let best = (prev[j - 1] as number) + cost;
      const del = (prev[j] as number) + 1;
      const ins = (cur[j - 1] as number) + 1;
      if (del < best) best = del;
      if (ins < best) best = ins;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        const tr = (prev2[j - 2] as number) + 1;
        if (tr < best) best = tr;
      }
      cur[j] = best;
    }
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  return prev[lb] as number;
}

/**
 * OSA distance, or `limit + 1` as soon as the distance is known to exceed `limit`: the row minimum
 * never decreases by more than a transposition allows, so once two consecutive rows are above the
 * limit the answer is too (most pairs in a random sample stop after a few rows).
 */
export function osaDistanceWithin(a: string, b: string, limit: number): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > limit) return limit + 1;
  if (la === 0 || lb === 0) return Math.max(la, lb);
  if (limit === 1) return osaWithinOne(a, b, la, lb);
  ensureRows(lb + 1);
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  let prevMin = 0;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let best = (prev[j - 1] as number) + (ca === cb ? 0 : 1);
      const del = (prev[j] as number) + 1;
      const ins = (cur[j - 1] as number) + 1;
      if (del < best) best = del;
      if (ins < best) best = ins;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        const tr = (prev2[j - 2] as number) + 1;
        if (tr < best) best = tr;
      }
      cur[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > limit && prevMin > limit) return limit + 1;
    prevMin = rowMin;
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  const d = prev[lb] as number;
  return d > limit ? limit + 1 : d;
}

/**
 * `osaDistanceWithin(a, b, 1)` for a ≠ b with lengths at most one apart, without the table (dates,
 * ID numbers and names are mostly compared at limit 1). Equal lengths: distance 1 is one substitution
 * or one adjacent transposition at the first difference; lengths one apart: one deletion there.
 */
function osaWithinOne(a: string, b: string, la: number, lb: number): number {
  let i = 0;
  const shorter = la < lb ? la : lb;
  while (i < shorter && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la > lb) return sameTail(a, i + 1, b, i) ? 1 : 2;
  if (la < lb) return sameTail(a, i, b, i + 1) ? 1 : 2;
  if (sameTail(a, i + 1, b, i + 1)) return 1;
  const swapped =
    i + 1 < la &&
    a.charCodeAt(i) === b.charCodeAt(i + 1) &&
    a.charCodeAt(i + 1) === b.charCodeAt(i) &&
    sameTail(a, i + 2, b, i + 2);
  return swapped ? 1 : 2;
}

/** a from `i` equals b from `j` (the remaining lengths are equal by the caller). */
function sameTail(a: string, i: number, b: string, j: number): boolean {
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}

/** True Damerau–Levenshtein distance (Lowrance–Wagner), transpositions of non-adjacent edits allowed. */
export function damerauLevenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (la === 0) return lb;
  if (lb === 0) return la;
  const maxDist = la + lb;
  const width = lb + 2;
  const d = new Int32Array((la + 2) * width);
  const lastRow = new Map<number, number>();
  d[0] = maxDist;
  for (let i = 0; i <= la; i++) {
    d[(i + 1) * width] = maxDist;
    d[(i + 1) * width + 1] = i;
  }
  for (let j = 0; j <= lb; j++) {
    d[j + 1] = maxDist;
    d[width + j + 1] = j;
  }
  for (let i = 1; i <= la; i++) {
    let lastMatchCol = 0;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const i1 = lastRow.get(cb) ?? 0;
      const j1 = lastMatchCol;
      const cost = ca === cb ? 0 : 1;
      if (cost === 0) lastMatchCol = j;
      d[(i + 1) * width + j + 1] = Math.min(
        (d[i * width + j] as number) + cost,
        (d[(i + 1) * width + j] as number) + 1,
        (d[i * width + j + 1] as number) + 1,
        (d[i1 * width + j1] as number) + (i - i1 - 1) + 1 + (j - j1 - 1),
      );
    }
    lastRow.set(ca, i);
  }
  return d[(la + 1) * width + lb + 1] as number;
}
