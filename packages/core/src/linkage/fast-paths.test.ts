// The fast paths of the scoring loop give exactly what the straightforward computations give, on
// random inputs with a fixed seed: Jaro on short strings (bit flags), OSA distance within 1 (no
// table), the pinyin level on reading ids, ID-number levels on integers, levels with or without the
// pair cache, the pair cache itself, Jaro(–Winkler) skipped by its bounds, name keys as integers and
// weights remembered per combination of levels. Equality is exact (toBe), not approximate: accuracy
// must not move.
import { describe, expect, it } from 'vitest';
import { boundedSimilarity } from './bounded-jaro';
import { ChineseNameFacts } from './chinese/name-facts';
import {
  normalizeChineseName,
  pinyinAgrees,
  pinyinCodes,
  pinyinCodesAgree,
  pinyinKey,
  sortedTokensKey,
  variantKey,
} from './chinese/name-keys';
import { citizenIdCheckChar } from './comparators/citizen-id';
import { osaDistance, osaDistanceWithin } from './comparators/damerau-levenshtein';
import { jaro, jaroWinkler } from './comparators/jaro-winkler';
import { NULL_LEVEL, prepareComparison, type PreparedComparison } from './comparisons';
import { parseModelConfig } from './model-config';
import { PairLevelCache } from './pair-cache';
import { seededRandom } from './random';
import { RecordSet } from './records';
import { priorWeight, probabilityFromWeight, scorePairs } from './scoring';
import type { TrainedModel } from './training';

const random = seededRandom(20261206);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const randomText = (alphabet: string, maxLength: number) =>
  Array.from({ length: Math.floor(random() * (maxLength + 1)) }, () => pick([...alphabet])).join('');

/** Textbook Jaro with flag arrays: the straightforward computation. */
function jaroReference(a: string, b: string): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  if (a === b) return 1;
  const window = Math.max(0, (Math.max(a.length, b.length) >> 1) - 1);
  const usedA = new Array<boolean>(a.length).fill(false);
  const usedB = new Array<boolean>(b.length).fill(false);
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(i + window + 1, b.length); j++) {
      if (!usedB[j] && a[i] === b[j]) {
        usedA[i] = usedB[j] = true;
        m++;
        break;
      }
    }
  }
  if (m === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!usedA[i]) continue;
    while (!usedB[k]) k++;
    if (a[i] !== b[k++]) t++;
  }
  return (m / a.length + m / b.length + (m - t / 2) / m) / 3;
}

const NAMES = [...'王李张刘陈杨赵黄周吴曾单解仇区朴查万俟欧阳小明丽伟芳方娜敏静强磊洋艳勇军杰娟涛張偉麗陳楊']; // prettier-ignore

// Tens of thousands of checks per test: allow for a shared, loaded machine.
describe('fast paths give the same answers', { timeout: 60_000 }, () => {
  it('Jaro on short strings (bit flags) equals the textbook computation', () => {
    for (let n = 0; n < 20000; n++) {
      const a = randomText('abcdeghinz ', 31);
      const b = random() < 0.3 ? a.replace(/.$/, 'x') : randomText('abcdeghinz ', 31);
      expect(jaro(a, b)).toBe(jaroReference(a, b));
    }
  });

  it('OSA distance within 1 equals the full distance capped at 2', () => {
    for (let n = 0; n < 20000; n++) {
      const a = randomText('0123', 9);
      let b = a;
      const edits = Math.floor(random() * 3);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * (b.length + 1));
        const op = Math.floor(random() * 4);
        if (op === 0) b = b.slice(0, at) + pick([...'0123']) + b.slice(at + 1);
        else if (op === 1) b = b.slice(0, at) + pick([...'0123']) + b.slice(at);
        else if (op === 2) b = b.slice(0, at) + b.slice(at + 1);
        else b = b.slice(0, at) + b.slice(at + 1, at + 2) + b.slice(at, at + 1) + b.slice(at + 2);
      }
      expect(osaDistanceWithin(a, b, 1)).toBe(Math.min(osaDistance(a, b), 2));
    }
  });

  it('the pinyin level on reading ids equals pinyinAgrees on the keys', () => {
    const ids = new Map<string, number>();
    for (let n = 0; n < 5000; n++) {
      const a = pinyinKey(normalizeChineseName(randomText(NAMES.join(''), 4) || '王'));
      const b = pinyinKey(normalizeChineseName(randomText(NAMES.join(''), 4) || '王'));
      expect(pinyinCodesAgree(pinyinCodes(a, ids), pinyinCodes(b, ids))).toBe(pinyinAgrees(a, b));
    }
  });

  it('levels with the pair cache equal levels computed afresh, on random record pairs', () => {
    const id = () => {
      // Area 652926/652927, born 201x/202x, then 8 digits of 0/1 (so that numbers often nearly agree).
      const digits = Array.from({ length: 8 }, () => pick(['0', '1'])).join('');
      const first17 = `65292${pick(['6', '7'])}20${pick(['1', '2'])}${digits}`;
      const check = random() < 0.8 ? citizenIdCheckChar(first17) : pick([...'0123456789X']);
      return random() < 0.1 ? '' : first17 + check;
    };
    const date = () =>
      `20${pick(['10', '11'])}${pick(['01', '02', '10', '12'])}${pick(['01', '02', '10', '21', '31'])}`;
    const rows = Array.from({ length: 400 }, (_, r) => [
      String(r),
      random() < 0.05 ? `${randomText('0123456789', 15)}` : id(),
      randomText(NAMES.join(''), 4),
      date(),
    ]);
    const records = new RecordSet([{ header: ['record_id', 'id_number', 'name', 'birth_date'], rows }]);
    const model = parseModelConfig({
      linkType: 'dedupe',
      uniqueId: 'record_id',
      comparisons: [
        {
          column: 'id_number',
          kind: 'citizenId',
          levels: ['exact', 'checkDigitOnly', { typo: 2 }, 'sameBirthDate'],
        },
        {
          column: 'name',
          kind: 'chineseName',
          levels: [
            'exact',
            'variant',
            'swapped',
            'pinyin',
            { pinyinJaroWinkler: 0.9 },
            { damerauLevenshtein: 1 },
            { pinyinJaroWinkler: 0.8 },
          ],
        },
        {
          column: 'birth_date',
          kind: 'date',
          levels: [
            'exact',
            { withinDays: 3 },
            { damerauLevenshtein: 1 },
            'dayMonthSwapped',
            { withinYears: 1 },
          ],
        },
      ],
      blocking: { rules: ['all'] },
    });
    const comparisons = model.comparisons.map((config) => prepareComparison(config, records));
    const fresh = model.comparisons.map((config) => prepareComparison(config, records));
    /** The ID-number levels straight from the strings (no prepared integers). */
    const idLevel = (a: string, b: string): number => {
      if (a === '' || b === '') return 255;
      const valid = (x: string) => x.length === 18 && citizenIdCheckChar(x.slice(0, 17)) === x[17];
      if (a === b) return 0;
      if (a.length === 18 && b.length === 18 && a.slice(0, 17) === b.slice(0, 17)) return 1;
      if ((!valid(a) || !valid(b)) && osaDistance(a, b) <= 2) return 2;
      if (a.length === 18 && b.length === 18 && a.slice(6, 14) === b.slice(6, 14)) return 3;
      return 4;
    };
    for (let n = 0; n < 30000; n++) {
      const i = Math.floor(random() * rows.length);
      const j = Math.floor(random() * rows.length);
      expect(comparisons[0]?.levelOf(i, j)).toBe(idLevel(rows[i]?.[1] as string, rows[j]?.[1] as string));
      comparisons.forEach((c, k) => {
        expect(c.levelOf(i, j)).toBe(fresh[k]?.levelOfUncached(i, j));
      });
    }
  });

  it('Jaro and Jaro–Winkler skipped by their bounds only where the full value misses every threshold', () => {
    // The third family repeats letters past the three class layers of the bound.
    const texts = Array.from({ length: 300 }, (_, i) =>
      i % 3 === 0
        ? randomText('abcdeghinz ', 14)
        : i % 3 === 1
          ? randomText('aeinoughwzx', 9)
          : randomText('aang ', 16),
    );
    // Thresholds include values the comparator actually returns, to test the boundary itself.
    const thresholds = [0.7, 0.8, 0.9, jaroWinkler(texts[1] as string, texts[2] as string)];
    for (const lowest of thresholds) {
      for (const measure of ['jaro', 'jaroWinkler'] as const) {
        const full = measure === 'jaro' ? jaro : jaroWinkler;
        const similarity = boundedSimilarity(measure, (id) => texts[id] as string, texts.length, lowest);
        for (let n = 0; n < 4000; n++) {
          const a = Math.floor(random() * texts.length);
          const b = random() < 0.2 ? (a + 1) % texts.length : Math.floor(random() * texts.length);
          const exact = full(texts[a] as string, texts[b] as string);
          const bounded = similarity(a, b);
          if (bounded !== exact) {
            expect(bounded).toBe(0);
            expect(exact).toBeLessThan(lowest);
          }
        }
      }
    }
  });

  it('Chinese name levels (bounds on flat arrays first) equal the plain definitions on the name keys', () => {
    // Near names too: a character changed, dropped or doubled, so that every level is reached.
    const base = Array.from({ length: 150 }, () => randomText(NAMES.join(''), 4) || '王');
    const rows = Array.from({ length: 400 }, (_, r) => {
      const name = pick(base);
      const at = Math.floor(random() * name.length);
      const near = [
        name,
        name.slice(0, at) + pick(NAMES) + name.slice(at + 1),
        name.slice(1),
        name + name.slice(-1),
      ];
      return [String(r), pick(near)];
    });
    const records = new RecordSet([{ header: ['record_id', 'name'], rows }]);
    const levels = ['exact', 'variant', 'swapped', 'pinyin', { pinyinJaroWinkler: 0.9 }, { damerauLevenshtein: 1 }, { pinyinJaroWinkler: 0.8 }]; // prettier-ignore
    const model = parseModelConfig({
      linkType: 'dedupe',
      uniqueId: 'record_id',
      comparisons: [{ column: 'name', kind: 'chineseName', levels }],
      blocking: { rules: ['all'] },
    });
    const comparison = prepareComparison(model.comparisons[0] as (typeof model.comparisons)[0], records);
    const plain = (x: string, y: string): number => {
      const [a, b] = [normalizeChineseName(x), normalizeChineseName(y)];
      if (a === '' || b === '') return NULL_LEVEL;
      if (a === b) return 0;
      if (variantKey(a) === variantKey(b)) return 1;
      if (sortedTokensKey(a) !== '' && sortedTokensKey(a) === sortedTokensKey(b)) return 2;
      if (pinyinAgrees(pinyinKey(a), pinyinKey(b))) return 3;
      const jw = jaroWinkler(pinyinKey(a).primary, pinyinKey(b).primary);
      if (jw >= 0.9) return 4;
      if (osaDistance(variantKey(a), variantKey(b)) <= 1) return 5;
      return jw >= 0.8 ? 6 : 7;
    };
    const seen = new Set<number>();
    for (let n = 0; n < 20000; n++) {
      const i = Math.floor(random() * rows.length);
      const j = Math.floor(random() * rows.length);
      const level = plain(rows[i]?.[1] as string, rows[j]?.[1] as string);
      expect(comparison.levelOf(i, j)).toBe(level);
      seen.add(level);
    }
    expect(seen.size).toBeGreaterThanOrEqual(6);
  });

  it('name keys as integers agree with the keys as strings', () => {
    const names = Array.from({ length: 400 }, () => {
      const parts = Array.from(
        { length: 1 + Math.floor(random() * 2) },
        () => randomText(NAMES.join(''), 3) || '王',
      );
      return normalizeChineseName(parts.join(random() < 0.5 ? '·' : '•'));
    });
    const facts = new ChineseNameFacts(names);
    for (let n = 0; n < 20000; n++) {
      const a = Math.floor(random() * names.length);
      const b = random() < 0.2 ? a : Math.floor(random() * names.length);
      const [na, nb] = [names[a] as string, names[b] as string];
      expect(facts.sameVariant(a, b)).toBe(variantKey(na) === variantKey(nb));
      expect(facts.swapped(a, b)).toBe(
        sortedTokensKey(na) !== '' && sortedTokensKey(na) === sortedTokensKey(nb),
      );
      expect(facts.pinyinAgrees(a, b)).toBe(pinyinAgrees(pinyinKey(na), pinyinKey(nb)));
      expect(facts.variant(a)).toBe(variantKey(na));
    }
  });

  it('the pair cache returns what was stored, through growth', () => {
    const cache = new PairLevelCache(2, 14);
    const stored = new Map<string, number>();
    for (let n = 0; n < 3000; n++) {
      const a = Math.floor(random() * 200);
      const b = a + Math.floor(random() * 200);
      const key = `${a},${b}`;
      const known = stored.get(key);
      expect(cache.get(a, b)).toBe(known ?? -1);
      if (known === undefined) {
        const level = Math.floor(random() * 9);
        cache.set(a, b, level);
        stored.set(key, level);
      }
    }
  });

  it('weights remembered per combination of levels equal the sum per pair', () => {
    const levelCounts = [4, 8, 2, 6];
    const comparisons = levelCounts.map((levelCount, c) => ({
      levelCount,
      logTf: c === 1 || c === 2 ? Float64Array.from({ length: 50 }, () => Math.log2(random())) : null,
    })) as unknown as PreparedComparison[];
    const model = {
      lambda: 0.0013,
      comparisons: levelCounts.map((levelCount, c) => {
        const u = Array.from({ length: levelCount }, () => random());
        return {
          weights: Array.from({ length: levelCount }, () => (random() - 0.5) * 20),
          u,
          exactLevel: 0,
          tfWeight: c === 1 ? 1 : c === 2 ? 0.5 : 0,
        };
      }),
    } as unknown as TrainedModel;
    const length = 5000;
    const width = levelCounts.length;
    const gammas = Uint8Array.from({ length: length * width }, (_, k) => {
      const count = levelCounts[k % width] as number;
      return random() < 0.1 ? NULL_LEVEL : Math.floor(random() * count);
    });
    const left = Int32Array.from({ length }, () => Math.floor(random() * 50));
    const scores = scorePairs(model, comparisons, gammas, left, length);
    for (let p = 0; p < length; p++) {
      // The plain definition: prior + level weights in order, then the TF adjustments in order.
      let w = priorWeight(model.lambda);
      for (let c = 0; c < width; c++) {
        const level = gammas[p * width + c] as number;
        if (level !== NULL_LEVEL) w += model.comparisons[c]?.weights[level] as number;
      }
      model.comparisons.forEach((trained, c) => {
        const logTf = comparisons[c]?.logTf;
        if (logTf && trained.tfWeight > 0 && gammas[p * width + c] === trained.exactLevel) {
          w += trained.tfWeight * (Math.log2(trained.u[0] as number) - (logTf[left[p] as number] as number));
        }
      });
      expect(scores.weights[p]).toBe(w);
      expect(scores.probabilities[p]).toBe(probabilityFromWeight(w));
    }
  });
});
