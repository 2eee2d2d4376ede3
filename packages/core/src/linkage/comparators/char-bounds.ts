// Bounds from the character classes two strings use (one bit per class: UTF-16 code mod 31). A
// character whose class the other string lacks can neither be matched (Jaro) nor kept (edits), so
// most non-matching pairs are decided without the O(n·m) comparator. The bounds are exact: a
// level never changes, only the work to find it.

/** The classes of a string's characters as a 31-bit mask (0 only for the empty string). */
export function charClassMask(s: string): number {
  let mask = 0;
  for (let i = 0; i < s.length; i++) mask |= 1 << (s.charCodeAt(i) % 31);
  return mask;
}

export function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** A lower bound of the edit distance (OSA, Levenshtein, Damerau–Levenshtein) of two strings. */
export function editLowerBound(la: number, lb: number, ma: number, mb: number): number {
  const onlyA = popcount32(ma & ~mb);
  const onlyB = popcount32(mb & ~ma);
  const lengths = la > lb ? la - lb : lb - la;
  return Math.max(onlyA, onlyB, lengths);
}

/** An upper bound of the Jaro similarity (1 when either string is empty: no bound). */
export function jaroUpperBound(la: number, lb: number, ma: number, mb: number): number {
  if (la === 0 || lb === 0) return 1;
  const matches = Math.min(la - popcount32(ma & ~mb), lb - popcount32(mb & ~ma));
  if (matches <= 0) return 0;
  return (matches / la + matches / lb + 1) / 3;
}

/** An upper bound of Jaro–Winkler with the textbook prefix boost (at most 4 × 0.1 of the gap). */
export function jaroWinklerUpperBound(la: number, lb: number, ma: number, mb: number): number {
  const bound = jaroUpperBound(la, lb, ma, mb);
  return bound === 0 ? 0 : 0.4 + 0.6 * bound;
}

// Sharper bounds from the characters themselves, counted with multiplicity: for names that share
// most letters (pinyin: "wang fang" / "wang wei") the class bound above rarely decides.

/** A string's UTF-16 code units in ascending order (prepared once per value). */
export function sortedCodeUnits(s: string): Uint16Array {
  const units = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) units[i] = s.charCodeAt(i);
  return units.sort();
}

/** Code units two strings share, with multiplicity: at least the number of Jaro matches. */
export function sharedCodeUnits(a: Uint16Array, b: Uint16Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/** Length of the common prefix, at most `max` (Jaro–Winkler counts up to 4). */
export function commonPrefixLength(a: string, b: string, max: number): number {
  const limit = Math.min(max, a.length, b.length);
  let n = 0;
  while (n < limit && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** Jaro with at most `matches` matches and no transposition (the same arithmetic, so never below). */
export function jaroBoundFromMatches(la: number, lb: number, matches: number): number {
  return matches === 0 ? 0 : (matches / la + matches / lb + 1) / 3;
}

/** Textbook Jaro–Winkler (p = 0.1, boost above 0.7) of that Jaro bound with the actual prefix. */
export function jaroWinklerBoundFromMatches(la: number, lb: number, matches: number, prefix: number): number {
  const bound = jaroBoundFromMatches(la, lb, matches);
  return bound <= 0.7 ? bound : bound + prefix * 0.1 * (1 - bound);
}

// The same count without the characters: a string's classes counted up to three times, as three masks
// (bit c of layer t set when class c occurs at least t times). Two strings' layers bound the
// characters they share in O(1) from a few integers kept per value, where the sorted code units
// above cost a list per value and a merge per pair.

/** Writes the three layer masks of `s` at out[at], out[at + 1], out[at + 2]. */
export function classLayers(s: string, out: Int32Array, at: number): void {
  let once = 0;
  let twice = 0;
  let thrice = 0;
  for (let i = 0; i < s.length; i++) {
    const bit = 1 << (s.charCodeAt(i) % 31);
    if ((once & bit) === 0) once |= bit;
    else if ((twice & bit) === 0) twice |= bit;
    else thrice |= bit;
  }
  out[at] = once;
  out[at + 1] = twice;
  out[at + 2] = thrice;
}

/**
 * At least `sharedCodeUnits` of the two strings (so at least their Jaro matches): per class the
 * smaller count, layer by layer, and beyond the third layer at most what either string has left.
 */
export function sharedClassBound(
  la: number,
  lb: number,
  a: Int32Array,
  at: number,
  b: Int32Array,
  bt: number,
): number {
  const a1 = a[at] as number;
  const a2 = a[at + 1] as number;
  const a3 = a[at + 2] as number;
  const b1 = b[bt] as number;
  const b2 = b[bt + 1] as number;
  const b3 = b[bt + 2] as number;
  const beyondA = la - popcount32(a1) - popcount32(a2) - popcount32(a3);
  const beyondB = lb - popcount32(b1) - popcount32(b2) - popcount32(b3);
  return (
    popcount32(a1 & b1) + popcount32(a2 & b2) + popcount32(a3 & b3) + (beyondA < beyondB ? beyondA : beyondB)
  );
}
