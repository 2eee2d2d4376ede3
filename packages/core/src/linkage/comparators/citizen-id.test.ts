import { describe, expect, it } from 'vitest';
import { citizenIdCheckChar, citizenIdKey, normalizeCitizenId, upgradeCitizenId } from './citizen-id';

describe('citizen ID numbers (GB 11643)', () => {
  it('computes the MOD 11-2 check character', () => {
    // The standard's example number.
    expect(citizenIdCheckChar('11010519491231002')).toBe('X');
    expect(citizenIdCheckChar('44052418800101001')).toBe('4');
    expect(citizenIdCheckChar('1234')).toBe('');
  });

  it('normalises full-width digits, lower-case x, spaces and hyphens', () => {
    expect(normalizeCitizenId('１１０１０５ 19491231-002x')).toBe('11010519491231002X');
  });

  it('upgrades 15-digit numbers to 18', () => {
    expect(upgradeCitizenId('110105491231002')).toBe('11010519491231002X');
    const key = citizenIdKey('110105491231002');
    expect(key).toEqual({ id: '11010519491231002X', checkDigitValid: true });
  });

  it('flags a wrong check character (a typing error somewhere)', () => {
    expect(citizenIdKey('110105194912310021')?.checkDigitValid).toBe(false);
    // One substituted digit is always caught.
    expect(citizenIdKey('11010519491231012X')?.checkDigitValid).toBe(false);
    expect(citizenIdKey('')).toBeNull();
  });
});
