// Statistical division codes (统计用区划代码): prefixes give the hierarchy.
// Lengths: 2 province, 4 city, 6 county, 9 township (乡镇/街道), 12 village (村/居委会).
import { DomainError, ErrorCode } from '../common/errors';

export const JurisdictionLevel = {
  Province: 1,
  City: 2,
  County: 3,
  Township: 4,
  Village: 5,
} as const;
export type JurisdictionLevel = (typeof JurisdictionLevel)[keyof typeof JurisdictionLevel];

const lengthByLevel: Record<JurisdictionLevel, number> = { 1: 2, 2: 4, 3: 6, 4: 9, 5: 12 };
const levelByLength = new Map<number, JurisdictionLevel>([
  [2, 1],
  [4, 2],
  [6, 3],
  [9, 4],
  [12, 5],
]);

export const levelLabels: Record<JurisdictionLevel, string> = {
  1: '省',
  2: '市',
  3: '县',
  4: '乡镇',
  5: '村（居）',
};

export function levelOf(code: string): JurisdictionLevel | undefined {
  return levelByLength.get(code.length);
}

export function parentCode(code: string): string | undefined {
  const level = levelOf(code);
  if (level === undefined || level === 1) return undefined;
  return code.slice(0, lengthByLevel[(level - 1) as JurisdictionLevel]);
}

/**
 * The short code for a division code written in any accepted way: surrounding spaces trimmed,
 * 12-digit codes padded with zeros shortened (652926000000 → 652926). Throws UNKNOWN_JURISDICTION
 * when it is not a code at all; existence is checked against the tree by the caller.
 */
export function normalizeJurisdictionCode(input: string): string {
  const raw = input.trim();
  if (!/^\d+$/.test(raw) || !levelByLength.has(raw.length)) {
    throw new DomainError(
      ErrorCode.UnknownJurisdiction,
      `区划代码格式不正确：${input}（应为 2、4、6、9 或 12 位数字）`,
    );
  }
  if (raw.length !== 12) return raw;
  // Shorten zero padding one level at a time, as long as the removed part is all zeros.
  let code = raw;
  for (const length of [9, 6, 4, 2]) {
    if (/^0+$/.test(code.slice(length))) code = code.slice(0, length);
    else break;
  }
  return code;
}

/** 12-digit form, as files and reports write it. */
export function padJurisdictionCode(code: string): string {
  return code.padEnd(12, '0');
}
