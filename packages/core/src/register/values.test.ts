import { describe, expect, it } from 'vitest';
import {
  parseCount,
  parseDisabilityGrade,
  parseEthnicity,
  parseFlag,
  parseHukouType,
  parseMaritalStatus,
  parseRelation,
  parseSex,
} from './values';

describe('coded values', () => {
  it('reads marital status, 21/22/23 as married', () => {
    expect(['10', '20', '21', '22', '23', '30', '40', '90'].map(parseMaritalStatus)).toEqual([
      '10',
      '20',
      '20',
      '20',
      '20',
      '30',
      '40',
      '90',
    ]);
    expect(parseMaritalStatus('50')).toBeUndefined();
    expect(parseMaritalStatus('2')).toBeUndefined();
  });

  it('reads sex, ethnicity, relation, hukou type, disability grade, counts and flags', () => {
    expect([parseSex('1'), parseSex(' 2 '), parseSex('0'), parseSex('男')]).toEqual([
      1,
      2,
      undefined,
      undefined,
    ]);
    expect(['01', '56', '97', '98', '00', '57', '1', 'ab'].map(parseEthnicity)).toEqual([
      '01',
      '56',
      '97',
      '98',
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(parseRelation('grandchild')).toBe('grandchild');
    expect(parseRelation('cousin')).toBeUndefined();
    expect(parseHukouType('non_agricultural')).toBe('non_agricultural');
    expect(parseHukouType('urban')).toBeUndefined();
    expect(['1', '4', '0', '5'].map(parseDisabilityGrade)).toEqual([1, 4, undefined, undefined]);
    expect(['0', '3', '-1', '1.5', ''].map(parseCount)).toEqual([0, 3, undefined, undefined, undefined]);
    expect(['', 'true', 'TRUE', 'false', '1', '0', 'yes'].map(parseFlag)).toEqual([
      false,
      true,
      true,
      false,
      true,
      false,
      undefined,
    ]);
  });
});
