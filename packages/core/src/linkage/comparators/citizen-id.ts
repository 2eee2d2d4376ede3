// Citizen ID numbers (GB 11643-1999) as comparison evidence. A tiny local helper on purpose: the
// register's own citizen-ID module lives elsewhere and linkage must not depend on it.
// 18 characters: 6-digit area code, YYYYMMDD, 3-digit sequence, ISO 7064 MOD 11-2 check character.
// Legacy 15-digit numbers (YYMMDD, no check character) are upgraded by inserting "19".

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

/** The check character for the first 17 digits, or '' when they are not 17 digits. */
export function citizenIdCheckChar(first17: string): string {
  if (first17.length !== 17) return '';
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const digit = first17.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return '';
    sum += digit * (weights[i] as number);
  }
  return checkChars[sum % 11] as string;
}

/** Already 15 digits, or 17 digits and a digit or X: most numbers, which need no normalising. */
function isPlain(text: string): boolean {
  if (text.length !== 18 && text.length !== 15) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 48 || code > 57) && !(code === 88 && i === 17)) return false;
  }
  return true;
}

/** NFKC (full-width digits), upper-case X, no spaces or hyphens. */
export function normalizeCitizenId(text: string): string {
  if (isPlain(text)) return text;
  return text.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
}

/** 15 → 18 digits (inserting the century "19" and the check character); other input unchanged. */
export function upgradeCitizenId(id: string): string {
  if (id.length !== 15 || !/^\d{15}$/.test(id)) return id;
  const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
  return first17 + citizenIdCheckChar(first17);
}

export interface CitizenIdKey {
  /** Normalised and, for 15-digit numbers, upgraded to 18 characters. */
  id: string;
  /** 18 characters whose check character matches. */
  checkDigitValid: boolean;
}

export function citizenIdKey(text: string): CitizenIdKey | null {
  const id = upgradeCitizenId(normalizeCitizenId(text));
  if (id === '') return null;
  const checkDigitValid = id.length === 18 && citizenIdCheckChar(id.slice(0, 17)) === id[17];
  return { id, checkDigitValid };
}
