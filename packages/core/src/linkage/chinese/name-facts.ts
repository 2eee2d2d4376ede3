// The comparison keys of every distinct name of a column, prepared once per name on first need and
// held as integers in typed arrays: the levels of a pair compare numbers, and a name's facts sit in
// a few flat arrays instead of one heap object each (pairs touch names in no particular order).
import {
  pinyinCodes,
  pinyinCodesAgree,
  pinyinKey,
  sortedTokensKey,
  variantKey,
  type PinyinKey,
} from './name-keys';

const NOT_YET = -2;
const NO_KEY = -1;

/** Numbers strings in order of first sight. */
class Interner {
  private readonly ids = new Map<string, number>();
  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) this.ids.set(text, (id = this.ids.size));
    return id;
  }
}

export class ChineseNameFacts {
  private readonly variants: (string | undefined)[];
  private readonly variantIds: Int32Array;
  private readonly swapIds: Int32Array;
  private readonly pinyins: (PinyinKey | undefined)[];
  /** Offsets of each name's pinyin codes (see `pinyinCodes`) in `pool`. */
  private readonly pinyinAt: Int32Array;
  private pool = new Int32Array(1024);
  private poolLength = 0;
  private readonly variantInterner = new Interner();
  private readonly swapInterner = new Interner();
  private readonly readingIds = new Map<string, number>();

  constructor(private readonly distinct: readonly string[]) {
    const n = distinct.length;
    this.variants = new Array<string | undefined>(n);
    this.pinyins = new Array<PinyinKey | undefined>(n);
    this.variantIds = new Int32Array(n).fill(NOT_YET);
    this.swapIds = new Int32Array(n).fill(NOT_YET);
    this.pinyinAt = new Int32Array(n).fill(NOT_YET);
  }

  /** Simplified characters without separators (the text Jaro and edit distances measure). */
  variant(id: number): string {
    return (this.variants[id] ??= variantKey(this.distinct[id] as string));
  }

  sameVariant(a: number, b: number): boolean {
    return this.variantId(a) === this.variantId(b);
  }

  /** The same parts in another order; never for a name of one part. */
  swapped(a: number, b: number): boolean {
    const sa = this.swapId(a);
    return sa !== NO_KEY && sa === this.swapId(b);
  }

  pinyin(id: number): PinyinKey {
    return (this.pinyins[id] ??= pinyinKey(this.distinct[id] as string));
  }

  pinyinAgrees(a: number, b: number): boolean {
    // Offsets first: preparing a name may grow (replace) the pool.
    const at = this.pinyinOffset(a);
    const bt = this.pinyinOffset(b);
    return pinyinCodesAgree(this.pool, this.pool, at, bt);
  }

  private variantId(id: number): number {
    let key = this.variantIds[id] as number;
    if (key === NOT_YET) this.variantIds[id] = key = this.variantInterner.id(this.variant(id));
    return key;
  }

  private swapId(id: number): number {
    let key = this.swapIds[id] as number;
    if (key === NOT_YET) {
      const sorted = sortedTokensKey(this.distinct[id] as string);
      this.swapIds[id] = key = sorted === '' ? NO_KEY : this.swapInterner.id(sorted);
    }
    return key;
  }

  private pinyinOffset(id: number): number {
    let at = this.pinyinAt[id] as number;
    if (at === NOT_YET) {
      const codes = pinyinCodes(this.pinyin(id), this.readingIds);
      if (this.poolLength + codes.length > this.pool.length) {
        const grown = new Int32Array(Math.max(this.pool.length * 2, this.poolLength + codes.length));
        grown.set(this.pool);
        this.pool = grown;
      }
      this.pool.set(codes, this.poolLength);
      this.pinyinAt[id] = at = this.poolLength;
      this.poolLength += codes.length;
    }
    return at;
  }
}
