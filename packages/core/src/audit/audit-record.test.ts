import { describe, expect, it } from 'vitest';
import { canonicalJson } from './audit-record';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"y":null,"z":1}]},"b":1}',
    );
  });
  it('gives the same text for the same content in any key order', () => {
    expect(canonicalJson({ x: '户籍地', y: [1, 2] })).toBe(canonicalJson({ y: [1, 2], x: '户籍地' }));
  });
});
