// Password rules as 等保 level-3 assessors apply them (spec/security.md): length, character classes,
// a blocklist, age and reuse. Figures are defaults; the server passes its configured ones.
export interface PasswordPolicy {
  minLength: number;
  adminMinLength: number;
  maxLength: number;
  minClasses: number;
  maxAgeDays: number;
  historySize: number;
}

export const defaultPasswordPolicy: PasswordPolicy = {
  minLength: 8,
  adminMinLength: 12,
  maxLength: 256,
  minClasses: 3,
  maxAgeDays: 90,
  historySize: 5,
};

// Common passwords seen in Chinese leaks and generic lists; compared case-insensitively.
const blocklist = new Set([
  'password',
  'password1',
  'password123',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword1',
  'admin123',
  'admin@123',
  'admin1234',
  'qwer1234',
  'qwerty123',
  'abc12345',
  'abcd1234',
  'aa123456',
  'a1234567',
  'a12345678',
  'woaini1314',
  'iloveyou1',
  '1qaz2wsx',
  '1qaz@wsx',
  '1q2w3e4r',
  'zxcvbnm1',
  'welcome1',
  'p@ssw0rd123',
  'admin@12345',
  'root@123',
  'test@123',
  'huawei@123',
  'abc@123456',
  'qwe123!@#',
  'renkou123',
  'renkou@123',
]);

export type PasswordProblem =
  'too_short' | 'too_long' | 'too_few_classes' | 'common' | 'contains_username' | 'reused';

export const passwordProblemText: Record<PasswordProblem, string> = {
  too_short: '密码太短',
  too_long: '密码太长',
  too_few_classes: '密码须包含大写字母、小写字母、数字、符号中的至少三类',
  common: '密码过于常见，请换一个',
  contains_username: '密码不能包含用户名',
  reused: '不能使用最近用过的密码',
};

export function characterClasses(password: string): number {
  let classes = 0;
  if (/[a-z]/.test(password)) classes++;
  if (/[A-Z]/.test(password)) classes++;
  if (/[0-9]/.test(password)) classes++;
  if (/[^a-zA-Z0-9]/.test(password)) classes++;
  return classes;
}

/** The problems with a new password; empty when acceptable. Reuse is checked by the caller against hashes. */
export function checkPassword(
  password: string,
  options: { username: string; administrator: boolean; policy?: PasswordPolicy },
): PasswordProblem[] {
  const policy = options.policy ?? defaultPasswordPolicy;
  const problems: PasswordProblem[] = [];
  const minLength = options.administrator ? policy.adminMinLength : policy.minLength;
  if ([...password].length < minLength) problems.push('too_short');
  if ([...password].length > policy.maxLength) problems.push('too_long');
  if (characterClasses(password) < policy.minClasses) problems.push('too_few_classes');
  if (blocklist.has(password.toLowerCase())) problems.push('common');
  if (options.username.length >= 3 && password.toLowerCase().includes(options.username.toLowerCase())) {
    problems.push('contains_username');
  }
  return problems;
}

export function describePasswordProblems(
  problems: PasswordProblem[],
  policy: PasswordPolicy,
  administrator: boolean,
): string {
  return problems
    .map((p) =>
      p === 'too_short'
        ? `密码至少 ${administrator ? policy.adminMinLength : policy.minLength} 位`
        : passwordProblemText[p],
    )
    .join('；');
}
