import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  charClassMask,
  classLayers,
  commonPrefixLength,
  editLowerBound,
  jaroBoundFromMatches,
  jaroWinklerBoundFromMatches,
  jaroWinklerUpperBound,
  popcount32,
  sharedClassBound,
  sharedCodeUnits,
  sortedCodeUnits,
} from './char-bounds';
import { osaDistance } from './damerau-levenshtein';
import { jaro, jaroWinkler } from './jaro-winkler';

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

  it('bound Jaro and Jaro–Winkler from above by shared characters and the common prefix', () => {
    const word = fc.string({ unit: fc.constantFrom(...'aeinoughwz 王芳方'), minLength: 1, maxLength: 14 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        const matches = sharedCodeUnits(sortedCodeUnits(a), sortedCodeUnits(b));
        const prefix = commonPrefixLength(a, b, 4);
        expect(jaroBoundFromMatches(a.length, b.length, matches)).toBeGreaterThanOrEqual(jaro(a, b));
        expect(jaroWinklerBoundFromMatches(a.length, b.length, matches, prefix)).toBeGreaterThanOrEqual(
          jaroWinkler(a, b),
        );
      }),
      { numRuns: 5000 },
    );
  });

  it('bound the shared characters from above by class layers (exactly for distinct classes, at most 3 each)', () => {
    // Few letters, so that characters repeat past the third layer; Hanzi share classes with letters.
    const word = fc.string({ unit: fc.constantFrom(...'aaangw 王芳方'), maxLength: 16 });
    const layers = (s: string) => {
      const out = new Int32Array(4);
      classLayers(s, out, 1);
      return out;
    };
    fc.assert(
      fc.property(word, word, (a, b) => {
        const bound = sharedClassBound(a.length, b.length, layers(a), 1, layers(b), 1);
        const shared = sharedCodeUnits(sortedCodeUnits(a), sortedCodeUnits(b));
        expect(bound).toBeGreaterThanOrEqual(shared);
        const most = (s: string) => Math.max(0, ...[...s].map((ch) => s.split(ch).length - 1));
        if (!/[王芳方]/u.test(a + b) && most(a) <= 3 && most(b) <= 3) expect(bound).toBe(shared);
      }),
      { numRuns: 5000 },
    );
    const at = (s: string) => layers(s);
    expect(sharedClassBound(9, 8, at('wang fang'), 1, at('wang wei'), 1)).toBe(5);
    expect(sharedClassBound(5, 3, at('aaaaa'), 1, at('aaa'), 1)).toBe(3);
  });

  it('count shared characters with multiplicity', () => {
    expect(sharedCodeUnits(sortedCodeUnits('wang fang'), sortedCodeUnits('wang wei'))).toBe(5);
    expect(sharedCodeUnits(sortedCodeUnits('aab'), sortedCodeUnits('abb'))).toBe(2);
    expect(commonPrefixLength('zhangwei', 'zhangfang', 4)).toBe(4);
    expect(commonPrefixLength('li', 'lin', 4)).toBe(2);
  });
});
