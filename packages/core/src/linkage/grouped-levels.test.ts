// Levels filled by groups of pairs (grouped-levels.ts) equal the level of each pair on its own, in
// the pairs' own order, with missing values, repeated value pairs and a level list without "exact"
// first; computeGammas gives the same bytes as levelOf pair by pair.
import { describe, expect, it } from 'vitest';
import { NULL_LEVEL, prepareComparison } from './comparisons';
import { computeGammas } from './gammas';
import { fillGroupedLevels, GroupingScratch } from './grouped-levels';
import { parseModelConfig, type ModelConfig } from './model-config';
import { seededRandom } from './random';
import { RecordSet } from './records';

const random = seededRandom(20261208);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const NAMES = [
  '王芳',
  '王方',
  '芳王',
  '王 芳',
  '李娜',
  '李哪',
  '張偉',
  '张伟',
  '欧阳娜',
  '',
  'wang fang',
  '王芳芳',
];
const WORDS = ['anna', 'ana', 'anne', 'hannah', 'johann', 'jon', 'john', '', 'mary ann', 'ann mary'];

function job(): { records: RecordSet; model: ModelConfig; left: Int32Array; right: Int32Array } {
  const rows = Array.from({ length: 300 }, (_, r) => [String(r), pick(NAMES), pick(WORDS), pick(WORDS)]);
  const records = new RecordSet([
    { header: ['record_id', 'name', 'first', 'last'], rows: rows.slice(0, 100) },
    { header: ['record_id', 'name', 'first', 'last'], rows: rows.slice(100) },
  ]);
  const model = parseModelConfig({
    linkType: 'link',
    uniqueId: 'record_id',
    comparisons: [
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
        ],
      },
      // "exact" not first: equal values go through the level function too.
      { column: 'first', levels: [{ jaroWinkler: 0.9 }, 'exact', { jaro: 0.7 }] },
      // The reversed level looks at the records: no grouped fill.
      { column: 'first', levels: ['exact', { reversed: 'last' }, { jaroWinkler: 0.8 }] },
    ],
    blocking: { rules: ['all'] },
  });
  // Random pairs, many repeated (the same records or the same values meet again), in no order.
  const length = 6000;
  const left = Int32Array.from({ length }, () => Math.floor(random() * 100));
  const right = Int32Array.from({ length }, () => 100 + Math.floor(random() * 200));
  return { records, model, left, right };
}

describe('levels filled in groups of value pairs', { timeout: 60_000 }, () => {
  it('equal levelOf pair by pair, in the pairs’ order', () => {
    const { records, model, left, right } = job();
    const comparisons = model.comparisons.map((config) => prepareComparison(config, records));
    const plain = model.comparisons.map((config) => prepareComparison(config, records));
    expect(comparisons[0]?.fillLevels).toBeDefined();
    expect(comparisons[1]?.fillLevels).toBeDefined();
    expect(comparisons[2]?.fillLevels).toBeUndefined();
    const gammas = computeGammas(comparisons, left, right, left.length);
    const seen = comparisons.map(() => new Set<number>());
    for (let p = 0; p < left.length; p++) {
      plain.forEach((comparison, c) => {
        const level = comparison.levelOfUncached(left[p] as number, right[p] as number);
        expect(gammas[p * comparisons.length + c]).toBe(level);
        seen[c]?.add(level);
      });
    }
    // Missing values and several levels were met, or the test proves little.
    expect(seen[0]?.has(NULL_LEVEL)).toBe(true);
    expect(seen[0]?.size).toBeGreaterThan(5);
    expect(seen[1]?.size).toBeGreaterThan(3);
  });

  it('fillGroupedLevels writes each pair its own level, at its own offset', () => {
    const ids = Int32Array.from({ length: 50 }, () => (random() < 0.1 ? -1 : Math.floor(random() * 12)));
    // One scratch for both runs, with another level function each: nothing of the first may leak.
    const scratch = new GroupingScratch();
    let shift = 0;
    const level = (lo: number, hi: number) => {
      expect(lo).toBeLessThanOrEqual(hi);
      return (lo * 7 + hi * 3 + shift) % 9;
    };
    const length = 3000;
    const left = Int32Array.from({ length }, () => Math.floor(random() * 50));
    const right = Int32Array.from({ length }, () => Math.floor(random() * 50));
    for (const exactFirst of [true, false]) {
      shift = exactFirst ? 0 : 4;
      const out = new Uint8Array(length * 3).fill(200);
      fillGroupedLevels(ids, 12, exactFirst, level, left, right, length, out, 3, 1, scratch);
      for (let p = 0; p < length; p++) {
        const a = ids[left[p] as number] as number;
        const b = ids[right[p] as number] as number;
        const expected =
          a < 0 || b < 0 ? NULL_LEVEL : a === b && exactFirst ? 0 : level(Math.min(a, b), Math.max(a, b));
        expect(out[p * 3 + 1]).toBe(expected);
        expect(out[p * 3]).toBe(200);
        expect(out[p * 3 + 2]).toBe(200);
      }
    }
  });
});
