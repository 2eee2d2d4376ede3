import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- the oracle package ships no types
import jaroWinklerOracle from 'jaro-winkler';
import { jaro, jaroWinkler } from './jaro-winkler';

const oracle = jaroWinklerOracle as (a: string, b: string) => number;

describe('Jaro and Jaro–Winkler', () => {
  it('gives the textbook values', () => {
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 3);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.813, 3);
    expect(jaro('MARTHA', 'MARHTA')).toBeCloseTo(0.944, 3);
    expect(jaro('DWAYNE', 'DUANE')).toBeCloseTo(0.822, 3);
    expect(jaro('DIXON', 'DICKSONX')).toBeCloseTo(0.767, 3);
  });

  it('handles empty, identical and disjoint strings', () => {
    expect(jaroWinkler('', '')).toBe(1);
    expect(jaroWinkler('abc', '')).toBe(0);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    // Window ⌊4/2⌋ − 1 = 1: "max"/"am" share no character inside the window.
    expect(jaro('max', 'am')).toBe(0);
  });

  it('agrees with the jaro-winkler package on random strings', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'abcdeh'), maxLength: 12 }),
        fc.string({ unit: fc.constantFrom(...'abcdeh'), maxLength: 12 }),
        (a, b) => {
          if (a.length === 0 || b.length === 0) return;
          expect(jaroWinkler(a, b)).toBeCloseTo(oracle(a, b), 10);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('is symmetric', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), (a, b) => {
        expect(jaroWinkler(a, b)).toBeCloseTo(jaroWinkler(b, a), 12);
      }),
    );
  });
});
