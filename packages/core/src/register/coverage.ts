// A dataset covers one jurisdiction (a division-code prefix). Codes inside it are the register's own;
// a code outside means arriving from or leaving for elsewhere.
import { normalizeJurisdictionCode } from '../jurisdictions/codes';
import type { PersonState, PersonStatus } from './model';

const codePattern = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;

/** The short form of a division code (652926000000 → 652926), or undefined when it is not a code at all. */
export function tryNormalizeCode(raw: string): string | undefined {
  const value = raw.trim();
  return codePattern.test(value) ? normalizeJurisdictionCode(value) : undefined;
}

/** The coverage prefix in short form; '' covers the whole country. */
export function normalizeCoverage(coverage: string): string {
  return coverage.trim() === '' ? '' : normalizeJurisdictionCode(coverage);
}

export function isInCoverage(code: string, coverage: string): boolean {
  return code.startsWith(normalizeCoverage(coverage));
}

export function deriveStatus(
  person: Pick<PersonState, 'deathDate' | 'hukouCode' | 'residenceCode' | 'duplicateOf'>,
  coverage: string,
): PersonStatus {
  if (person.duplicateOf !== null) return 'merged';
  if (person.deathDate !== null) return 'dead';
  const inside = isInCoverage(person.hukouCode, coverage) || isInCoverage(person.residenceCode, coverage);
  return inside ? 'resident' : 'left';
}

/** The state with its status recomputed: status is derived, never set by hand. */
export function withStatus(person: PersonState, coverage: string): PersonState {
  return { ...person, status: deriveStatus(person, coverage) };
}
