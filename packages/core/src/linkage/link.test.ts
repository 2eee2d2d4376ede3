import { describe, expect, it } from 'vitest';
import { linkRecords } from './link';
import { ModelConfigError, parseModelConfig } from './model-config';
import { LinkInputError } from './records';

const header = ['record_id', 'citizen_id', 'name', 'sex', 'birth_date', 'address'];
// Hospital-style records (A) against register rows (B); same number = same person.
const a = {
  header,
  rows: [
    ['a1', '11010519491231002X', '張偉', '男', '1949-12-31', '北京市西城区'],
    ['a2', '', '王芳', '女', '1990-03-04', '拜城县赛里木镇'],
    ['a3', '65292619800101123X', '迪里夏提•克然木', '男', '1980-01-01', '拜城县'],
    ['a4', '440524188001010014', '曾志伟', '男', '1880-01-01', '汕头'],
    ['a5', '', '李娜', '女', '2001-07-08', '乌鲁木齐'],
  ],
};
const b = {
  header,
  rows: [
    ['b1', '110105491231002', '张伟', '男', '19491231', '北京市西城区'],
    ['b2', '650000199003040021', '王方', '女', '1990/3/4', '拜城县赛里木镇'],
    ['b3', '65292619800101123X', '迪里夏提·克然木', '男', '1980-01-01', '拜城县'],
    ['b4', '440524188001010041', '曾志伟', '男', '1880-01-01', '汕头'],
    ['b5', '', '张娜', '女', '1975-02-02', '喀什'],
  ],
};

// Fixed m/u: the test checks the comparisons and the scoring, not training on five records.
const model = parseModelConfig({
  linkType: 'link',
  uniqueId: 'record_id',
  comparisons: [
    {
      column: 'citizen_id',
      kind: 'citizenId',
      levels: ['exact', { typo: 2 }],
      m: [0.9, 0.05, 0.05],
      u: [1e-7, 1e-6, 0.999],
    },
    {
      column: 'name',
      kind: 'chineseName',
      levels: ['exact', 'variant', 'swapped', 'pinyin', { pinyinJaroWinkler: 0.8 }],
      m: [0.7, 0.1, 0.02, 0.1, 0.04, 0.04],
      u: [1e-4, 1e-5, 1e-6, 5e-4, 0.01, 0.9894],
    },
    { column: 'sex', levels: ['exact'], m: [0.98, 0.02], u: [0.5, 0.5] },
    {
      column: 'birth_date',
      kind: 'date',
      levels: ['exact', { damerauLevenshtein: 1 }],
      m: [0.9, 0.07, 0.03],
      u: [1e-4, 1e-3, 0.9989],
    },
  ],
  blocking: { rules: ['all'] },
  prior: { probability: 0.2 },
});

describe('linkRecords', () => {
  it('links Chinese records across scripts, homophones, dot variants and ID forms', () => {
    const result = linkRecords(model, [a, b]);
    const probability = (l: string, r: string) => {
      for (let p = 0; p < result.pairs.length; p++) {
        if (
          result.ids[result.pairs.left[p] as number] === l &&
          result.ids[result.pairs.right[p] as number] === r
        )
          return result.scores.probabilities[p] as number;
      }
      throw new Error(`pair ${l}-${r} not scored`);
    };
    expect(result.pairs.length).toBe(25);
    for (const n of ['1', '2', '3', '4']) expect(probability(`a${n}`, `b${n}`)).toBeGreaterThan(0.99);
    // Same name sound and sex, different birth date and no ID: not a match.
    expect(probability('a5', 'b5')).toBeLessThan(0.5);
    expect(probability('a1', 'b2')).toBeLessThan(0.01);
    // Clusters: each matched pair together, a5 and b5 apart.
    const cluster = (id: string) => result.clusters[result.ids.indexOf(id)];
    expect(cluster('a1')).toBe(cluster('b1'));
    expect(cluster('a3')).toBe(cluster('b3'));
    expect(cluster('a5')).not.toBe(cluster('b5'));
  });

  it('reports a missing column before any work', () => {
    const broken = { header: ['record_id', 'name'], rows: [['x', '王芳']] };
    expect(() => linkRecords(model, [a, broken])).toThrow(LinkInputError);
    expect(() => linkRecords(model, [a])).toThrow(/needs 2 files/);
  });

  it('rejects a bad model with every problem listed', () => {
    expect(() => parseModelConfig({ uniqueId: 'id', comparisons: [], blocking: { rules: [] } })).toThrow(
      ModelConfigError,
    );
    const wrongLevel = parseModelConfig({
      uniqueId: 'record_id',
      comparisons: [{ column: 'name', levels: ['pinyin'] }],
      blocking: { rules: ['all'] },
    });
    expect(() => linkRecords(wrongLevel, [a])).toThrow(/does not apply to kind "string"/);
  });
});
