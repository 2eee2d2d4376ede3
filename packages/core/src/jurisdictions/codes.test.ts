import { describe, expect, it } from 'vitest';
import { levelOf, normalizeJurisdictionCode, padJurisdictionCode, parentCode } from './codes';

describe('division codes', () => {
  it.each([
    ['652926', '652926'],
    ['652926000000', '652926'],
    ['652926100000', '652926100'],
    ['652926100002', '652926100002'],
    ['650000000000', '65'],
    ['652900000000', '6529'],
    [' 652926 ', '652926'],
  ])('normalises %s to %s', (input, expected) => {
    expect(normalizeJurisdictionCode(input)).toBe(expected);
  });

  it.each(['', '65292', 'abc', '6529261', '6529261000000'])('refuses %j', (input) => {
    expect(() => normalizeJurisdictionCode(input)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_JURISDICTION' }),
    );
  });

  it('knows levels, parents and the padded form', () => {
    expect(levelOf('652926100002')).toBe(5);
    expect(levelOf('652926100')).toBe(4);
    expect(parentCode('652926100002')).toBe('652926100');
    expect(parentCode('652926100')).toBe('652926');
    expect(parentCode('65')).toBeUndefined();
    expect(padJurisdictionCode('652926')).toBe('652926000000');
  });
});
