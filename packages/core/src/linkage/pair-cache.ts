// A small open-addressing hash map from a pair of value ids to a comparison level, in typed
// arrays. Names and dates repeat, so the same two values meet again and again across pairs; looking
// the level up is far cheaper than recomputing Jaro–Winkler or an edit distance.

const EMPTY = -1;

export class PairLevelCache {
  private keysA: Int32Array;
  private keysB: Int32Array;
  private values: Uint8Array;
  private mask: number;
  private size = 0;

  constructor(
    initialBits = 12,
    private readonly maxBits = 22,
  ) {
    const capacity = 1 << initialBits;
    this.keysA = new Int32Array(capacity).fill(EMPTY);
    this.keysB = new Int32Array(capacity);
    this.values = new Uint8Array(capacity);
    this.mask = capacity - 1;
  }

  /** Grows ahead for about `entries` pairs (bounded), so a large job does not rehash step by step. */
  reserve(entries: number): void {
    const bits = Math.min(this.maxBits - 2, Math.ceil(Math.log2(Math.max(1, entries * 2))));
    if (this.keysA.length < 1 << bits) this.grow(1 << bits); // one rehash, not one per doubling
  }

  private slot(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
    h ^= h >>> 15;
    return h & this.mask;
  }

  /** The cached level, or −1. `a` < `b` by convention of the caller. */
  get(a: number, b: number): number {
    let s = this.slot(a, b);
    for (;;) {
      const ka = this.keysA[s] as number;
      if (ka === EMPTY) return -1;
      if (ka === a && this.keysB[s] === b) return this.values[s] as number;
      s = (s + 1) & this.mask;
    }
  }

  set(a: number, b: number, level: number): void {
    if ((this.size + 1) * 2 > this.keysA.length) {
      if (this.keysA.length >= 1 << this.maxBits) return; // full: stop caching, keep computing
      this.grow();
    }
    let s = this.slot(a, b);
    while (this.keysA[s] !== EMPTY) s = (s + 1) & this.mask;
    this.keysA[s] = a;
    this.keysB[s] = b;
    this.values[s] = level;
    this.size++;
  }

  private grow(capacity = this.keysA.length * 2): void {
    const oldA = this.keysA;
    const oldB = this.keysB;
    const oldV = this.values;
    this.keysA = new Int32Array(capacity).fill(EMPTY);
    this.keysB = new Int32Array(capacity);
    this.values = new Uint8Array(capacity);
    this.mask = capacity - 1;
    this.size = 0;
    for (let i = 0; i < oldA.length; i++) {
      const ka = oldA[i] as number;
      if (ka !== EMPTY) this.set(ka, oldB[i] as number, oldV[i] as number);
    }
  }
}
