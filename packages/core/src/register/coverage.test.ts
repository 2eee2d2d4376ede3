import { describe, expect, it } from 'vitest';
import { deriveStatus, isInCoverage, normalizeCoverage, tryNormalizeCode } from './coverage';

describe('coverage', () => {
  it('normalises codes and coverage to the short form', () => {
    expect(tryNormalizeCode('652926000000')).toBe('652926');
    expect(tryNormalizeCode(' 652926100002 ')).toBe('652926100002');
    expect(tryNormalizeCode('65292')).toBeUndefined();
    expect(tryNormalizeCode('')).toBeUndefined();
    expect(normalizeCoverage('652926000000')).toBe('652926');
    expect(normalizeCoverage('')).toBe('');
  });

  it('decides inside and outside by prefix', () => {
    expect(isInCoverage('652926100002', '652926')).toBe(true);
    expect(isInCoverage('652926', '652926000000')).toBe(true);
    expect(isInCoverage('652927100002', '652926')).toBe(false);
    expect(isInCoverage('6529', '652926')).toBe(false);
    expect(isInCoverage('110105', '')).toBe(true);
  });

  it('derives the status: dead, left when both codes are outside, resident otherwise', () => {
    const inside = '652926100001';
    const outside = '650102';
    expect(
      deriveStatus(
        { deathDate: null, duplicateOf: null, hukouCode: inside, residenceCode: outside },
        '652926',
      ),
    ).toBe('resident');
    expect(
      deriveStatus(
        { deathDate: null, duplicateOf: null, hukouCode: outside, residenceCode: inside },
        '652926',
      ),
    ).toBe('resident');
    expect(
      deriveStatus(
        { deathDate: null, duplicateOf: null, hukouCode: outside, residenceCode: outside },
        '652926',
      ),
    ).toBe('left');
    expect(
      deriveStatus(
        { deathDate: '2020-01-01', duplicateOf: null, hukouCode: inside, residenceCode: inside },
        '652926',
      ),
    ).toBe('dead');
  });
});
