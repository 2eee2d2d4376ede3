// Citizen ID numbers (公民身份号码, GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence
// (odd = male), ISO 7064 MOD 11-2 check character. 15-digit numbers (before 1999) lack the century
// (always 19) and the check character. The number is evidence, not a key: it is validated and
// normalised here, and a disagreement with the recorded birth date or sex is reported, never fixed.
import { isCalendarDate } from './dates';
import type { Sex } from './model';
import { RegisterWarningCode, registerWarning, type RegisterWarning } from './problems';

const checkWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkCharacters = '10X98765432';

// Province-level prefixes of GB/T 2260, plus 81/82/83 used by residence permits for Hong Kong, Macao and Taiwan.
const provincePrefixes = new Set([
  ...['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'],
  ...['71', '81', '82', '83'],
]);

export type CitizenIdProblem = 'length' | 'characters' | 'check_digit' | 'region' | 'date' | 'future_date';

export interface CitizenId {
  /** The 18-character number (upgraded when given with 15 digits). */
  value: string;
  birthDate: string;
  sex: Sex;
  regionCode: string;
  upgradedFrom15: boolean;
}

export type CitizenIdResult =
  ({ ok: true } & CitizenId) | { ok: false; problem: CitizenIdProblem; message: string };

/** Trim, full-width digits and letters to ASCII, lower-case x to X, inner spaces removed. Idempotent. */
export function normalizeCitizenId(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (ch) =>
      String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
    )
    .replace(/\s+/g, '')
    .replace(/x/g, 'X');
}

/** The check character for the first 17 digits. */
export function citizenIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`需要 17 位数字：${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (checkWeights[i] ?? 0);
  return checkCharacters.charAt(sum % 11);
}

function failure(problem: CitizenIdProblem, message: string): CitizenIdResult {
  return { ok: false, problem, message };
}

/**
 * Validates and normalises a citizen ID number. `today` (YYYY-MM-DD) is the latest acceptable birth date.
 * Checks, in order: length, characters, check digit, region, birth date, birth date not after today.
 */
export function parseCitizenId(raw: string, options: { today: string }): CitizenIdResult {
  const normalized = normalizeCitizenId(raw);
  if (normalized.length !== 18 && normalized.length !== 15) {
    return failure('length', `公民身份号码应为 18 位（旧号码 15 位），这里是 ${normalized.length} 位`);
  }
  const upgradedFrom15 = normalized.length === 15;
  if (!(upgradedFrom15 ? /^\d{15}$/ : /^\d{17}[\dX]$/).test(normalized)) {
    return failure('characters', '公民身份号码只能由数字组成，18 位号码的最后一位可以是 X');
  }
  const first17 = upgradedFrom15
    ? `${normalized.slice(0, 6)}19${normalized.slice(6)}`
    : normalized.slice(0, 17);
  const check = citizenIdCheckDigit(first17);
  if (!upgradedFrom15 && normalized.charAt(17) !== check) {
    return failure('check_digit', '公民身份号码校验位不符，号码中可能有写错的数字');
  }
  const regionCode = first17.slice(0, 6);
  if (!provincePrefixes.has(regionCode.slice(0, 2))) {
    return failure('region', `公民身份号码的地址码 ${regionCode} 不属于任何省级行政区`);
  }
  const birthDate = `${first17.slice(6, 10)}-${first17.slice(10, 12)}-${first17.slice(12, 14)}`;
  if (!isCalendarDate(birthDate) || birthDate < '1800-01-01') {
    return failure('date', `公民身份号码中的出生日期 ${first17.slice(6, 14)} 不是有效日期`);
  }
  if (birthDate > options.today) {
    return failure('future_date', `公民身份号码中的出生日期 ${birthDate} 晚于 ${options.today}`);
  }
  const sex: Sex = Number(first17.charAt(16)) % 2 === 1 ? 1 : 2;
  return { ok: true, value: first17 + check, birthDate, sex, regionCode, upgradedFrom15 };
}

/** Disagreements between a valid ID number and the recorded birth date and sex (unknown values are not compared). */
export function crossCheckCitizenId(
  parsed: CitizenId,
  recorded: { birthDate?: string | null; sex?: Sex | null },
): RegisterWarning[] {
  const warnings: RegisterWarning[] = [];
  if (recorded.birthDate && recorded.birthDate !== parsed.birthDate) {
    warnings.push(
      registerWarning(
        RegisterWarningCode.IdBirthDateMismatch,
        'id_number',
        `公民身份号码中的出生日期 ${parsed.birthDate} 与登记的出生日期 ${recorded.birthDate} 不一致`,
      ),
    );
  }
  if (recorded.sex && recorded.sex !== parsed.sex) {
    warnings.push(
      registerWarning(
        RegisterWarningCode.IdSexMismatch,
        'id_number',
        `公民身份号码中的性别（${sexLabel(parsed.sex)}）与登记的性别（${sexLabel(recorded.sex)}）不一致`,
      ),
    );
  }
  return warnings;
}

function sexLabel(sex: Sex): string {
  return sex === 1 ? '男' : '女';
}
