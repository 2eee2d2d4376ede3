import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charClassMask, editLowerBound, jaroWinklerUpperBound, popcount32 } from './char-bounds';
import { osaDistance } from './damerau-levenshtein';
import { jaroWinkler } from './jaro-winkler';

const bounds = (a: string, b: string) => ({
  edits: editLowerBound(a.length, b.length, charClassMask(a), charClassMask(b)),
  jw: jaroWinklerUpperBound(a.length, b.length, charClassMask(a), charClassMask(b)),
});

describe('character-class bounds', () => {
  it('counts bits', () => {
    expect(popcount32(0)).toBe(0);
    expect(popcount32(0x7fffffff)).toBe(31);
    expect(popcount32(0b1011)).toBe(3);
  });

  it('bound the edit distance from below and Jaro–Winkler from above', () => {
    const word = fc.string({ unit: fc.constantFrom(...'abcdexyz王芳方0123'), maxLength: 12 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        const { edits, jw } = bounds(a, b);
        expect(edits).toBeLessThanOrEqual(osaDistance(a, b));
        expect(jw + 1e-12).toBeGreaterThanOrEqual(jaroWinkler(a, b));
      }),
      { numRuns: 3000 },
    );
  });

  it('rule out unrelated words', () => {
    expect(bounds('smith', 'jones').edits).toBeGreaterThan(2);
    expect(bounds('smith', 'jones').jw).toBeLessThan(0.8);
  });
});
