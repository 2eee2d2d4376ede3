// A small open-addressing hash map from a pair of value ids to a comparison level, in one typed
// array. Names and dates repeat, so the same two values meet again and again across pairs; looking
// the level up is far cheaper than recomputing Jaro–Winkler or an edit distance.
//
// Each slot is four consecutive integers (value a, value b, level, unused): a probe reads one cache
// line, where three parallel arrays cost three memory accesses (the table is larger than the cache).

const EMPTY = -1;
const SLOT = 4;

export class PairLevelCache {
  private slots: Int32Array;
  private mask: number;
  private size = 0;

  constructor(
    initialBits = 12,
    private readonly maxBits = 22,
  ) {
    this.slots = PairLevelCache.emptySlots(1 << initialBits);
    this.mask = (1 << initialBits) - 1;
  }

  /** Every field EMPTY (only a slot's first is read as such): one native fill, no loop to warm up. */
  private static emptySlots(capacity: number): Int32Array {
    return new Int32Array(capacity * SLOT).fill(EMPTY);
  }

  private get capacity(): number {
    return this.mask + 1;
  }

  /** Grows ahead for about `entries` pairs (bounded), so a large job does not rehash step by step. */
  reserve(entries: number): void {
    const bits = Math.min(this.maxBits - 2, Math.ceil(Math.log2(Math.max(1, entries * 2))));
    if (this.capacity < 1 << bits) this.grow(1 << bits); // one rehash, not one per doubling
  }

  private slot(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
    h ^= h >>> 15;
    return h & this.mask;
  }

  /** The cached level, or −1. `a` < `b` by convention of the caller. */
  get(a: number, b: number): number {
    const slots = this.slots;
    let at = this.slot(a, b) * SLOT;
    for (;;) {
      const ka = slots[at] as number;
      if (ka === EMPTY) return -1;
      if (ka === a && slots[at + 1] === b) return slots[at + 2] as number;
      at = (at + SLOT) & (this.mask * SLOT + SLOT - 1);
    }
  }

  set(a: number, b: number, level: number): void {
    if ((this.size + 1) * 2 > this.capacity) {
      if (this.capacity >= 1 << this.maxBits) return; // full: stop caching, keep computing
      this.grow();
    }
    const slots = this.slots;
    const wrap = this.mask * SLOT + SLOT - 1;
    let at = this.slot(a, b) * SLOT;
    while (slots[at] !== EMPTY) at = (at + SLOT) & wrap;
    slots[at] = a;
    slots[at + 1] = b;
    slots[at + 2] = level;
    this.size++;
  }

  private grow(capacity = this.capacity * 2): void {
    const old = this.slots;
    this.slots = PairLevelCache.emptySlots(capacity);
    this.mask = capacity - 1;
    this.size = 0;
    for (let at = 0; at < old.length; at += SLOT) {
      const ka = old[at] as number;
      if (ka !== EMPTY) this.set(ka, old[at + 1] as number, old[at + 2] as number);
    }
  }
}
