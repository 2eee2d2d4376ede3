import fc from 'fast-check';
import { distance as levenshtein } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { damerauLevenshtein, osaDistance, osaDistanceWithin } from './damerau-levenshtein';

describe('Damerau–Levenshtein', () => {
  it('counts an adjacent transposition as one edit', () => {
    expect(osaDistance('ab', 'ba')).toBe(1);
    expect(damerauLevenshtein('ab', 'ba')).toBe(1);
    expect(osaDistance('19560409', '19564009')).toBe(1);
    expect(osaDistance('kitten', 'sitting')).toBe(3);
    expect(osaDistance('', 'abc')).toBe(3);
  });

  it('distinguishes optimal string alignment from the true distance (CA → ABC)', () => {
    expect(osaDistance('CA', 'ABC')).toBe(3);
    expect(damerauLevenshtein('CA', 'ABC')).toBe(2);
  });

  it('never exceeds Levenshtein and is at least the true distance', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), (a, b) => {
        const osa = osaDistance(a, b);
        expect(osa).toBeLessThanOrEqual(levenshtein(a, b));
        expect(osa).toBeGreaterThanOrEqual(damerauLevenshtein(a, b));
        expect(osa).toBe(osaDistance(b, a));
      }),
      { numRuns: 1000 },
    );
  });

  it('caps the distance at limit + 1', () => {
    expect(osaDistanceWithin('abc', 'abcdefgh', 2)).toBe(3);
    expect(osaDistanceWithin('abcd', 'abdc', 2)).toBe(1);
  });
});
