import { describe, expect, it } from 'vitest';
import { generateCandidatePairs } from './blocking';
import { RecordSet } from './records';

const table = {
  header: ['id', 'surname', 'dob'],
  rows: [
    ['1', 'smith', '1970'],
    ['2', 'smith', '1970'],
    ['3', 'smith', '1980'],
    ['4', 'jones', '1970'],
    ['5', '', '1980'],
  ],
};

const pairsOf = (result: ReturnType<typeof generateCandidatePairs>) =>
  Array.from({ length: result.length }, (_, p) => `${result.left[p]}-${result.right[p]}`).sort();

describe('blocking', () => {
  it('scores the union of the rules, each pair once, and reports pairs per rule', () => {
    const result = generateCandidatePairs(new RecordSet([table]), [['surname'], ['dob']], 1000);
    expect(pairsOf(result)).toEqual(['0-1', '0-2', '0-3', '1-2', '1-3', '2-4']);
    expect(result.report.map((r) => r.pairs)).toEqual([3, 3]);
    expect(Array.from(result.rule)).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it('skips a block over the cap and does not count its pairs as covered', () => {
    const result = generateCandidatePairs(new RecordSet([table]), [['surname'], ['dob']], 2);
    expect(result.report[0]).toMatchObject({ pairs: 0, skippedBlocks: 1, skippedPairs: 3 });
    // dob 1970 has records 0, 1, 3 (3 pairs > cap); dob 1980 has records 2 and 4.
    expect(pairsOf(result)).toEqual(['2-4']);
  });

  it('links two tables across only, with key functions', () => {
    const b = { header: ['id', 'surname', 'dob'], rows: [['b1', 'smyth', '1970-05-01']] };
    const result = generateCandidatePairs(
      new RecordSet([table, b]),
      [['prefix(surname,2)', 'year(dob)']],
      100,
    );
    expect(pairsOf(result)).toEqual(['0-5', '1-5']);
  });

  it('compares every pair with "all"', () => {
    const result = generateCandidatePairs(new RecordSet([table]), ['all', ['surname']], 100);
    expect(result.length).toBe(10);
    expect(result.report[1]?.pairs).toBe(0);
  });
});
