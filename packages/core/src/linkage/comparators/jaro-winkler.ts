// Jaro and Jaro–Winkler similarity, textbook definition (Winkler 1990; same as RapidFuzz/DuckDB):
// match window ⌊max(|a|,|b|)/2⌋ − 1, prefix of at most 4 characters, scale p = 0.1, and the prefix
// boost applied only when the Jaro similarity exceeds 0.7. Works on UTF-16 code units, which is
// exact for the BMP (all common Hanzi and Latin letters).

/** Scratch flags reused across calls so the hot loop allocates nothing. */
let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

function ensureScratch(length: number): void {
  if (flagsA.length < length) {
    flagsA = new Uint8Array(length * 2);
    flagsB = new Uint8Array(length * 2);
  }
}

export function jaro(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  if (la === 0 && lb === 0) return 1;
  if (la === 0 || lb === 0) return 0;
  if (a === b) return 1;
  if (la <= 31 && lb <= 31) return jaroShort(a, b, la, lb);
  ensureScratch(Math.max(la, lb));
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const from = i > window ? i - window : 0;
    const to = Math.min(i + window + 1, lb);
    const ch = a.charCodeAt(i);
    for (let j = from; j < to; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === ch) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  // Half the number of matched characters that appear in a different order.
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  return (m / la + m / lb + (m - transpositions / 2) / m) / 3;
}

/**
 * The same computation for strings of at most 31 code units (names, words, dates), the flags kept as
 * bits of two integers: no typed-array fill or stores per call, about twice as fast. Same arithmetic
 * in the same order as above, so the result is identical to the last digit.
 */
function jaroShort(a: string, b: string, la: number, lb: number): number {
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let usedA = 0;
  let usedB = 0;
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const from = i > window ? i - window : 0;
    const to = Math.min(i + window + 1, lb);
    const ch = a.charCodeAt(i);
    for (let j = from; j < to; j++) {
      if ((usedB & (1 << j)) === 0 && b.charCodeAt(j) === ch) {
        usedA |= 1 << i;
        usedB |= 1 << j;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if ((usedA & (1 << i)) === 0) continue;
    while ((usedB & (1 << k)) === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  return (m / la + m / lb + (m - transpositions / 2) / m) / 3;
}

export function jaroWinkler(a: string, b: string, prefixScale = 0.1, boostThreshold = 0.7): number {
  const sim = jaro(a, b);
  if (sim <= boostThreshold) return sim;
  const limit = Math.min(4, a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return sim + prefix * prefixScale * (1 - sim);
}
