import { describe, expect, it } from 'vitest';
import { checkPassword, defaultPasswordPolicy } from './password-policy';

describe('password rules (等保 practice)', () => {
  const officer = { username: 'zhangsan', administrator: false };
  const admin = { username: 'admin', administrator: true };
  it.each([
    ['Abcdef1!', officer, []],
    ['abcdef12!', officer, []],
    ['Abc1!', officer, ['too_short']],
    ['abcdefgh', officer, ['too_few_classes']],
    ['ABCDEF12', officer, ['too_few_classes']],
    ['P@ssw0rd', officer, ['common']],
    ['Zhangsan#2024', officer, ['contains_username']],
    ['Abcdef1!xy', admin, ['too_short']],
    ['Abcdef1!xyzw', admin, []],
    ['长城长城长城长城1a', officer, []],
    [`Aa1!${'x'.repeat(60)}`, admin, []],
    [`Aa1!${'x'.repeat(300)}`, admin, ['too_long']],
  ] as const)('%s → %j', (password, options, expected) => {
    expect(checkPassword(password, options)).toEqual(expected);
  });

  it('defaults to the assessors’ figures', () => {
    expect(defaultPasswordPolicy).toMatchObject({
      minLength: 8,
      adminMinLength: 12,
      minClasses: 3,
      maxAgeDays: 90,
      historySize: 5,
    });
  });
});
