// Every person field carries a data class (spec: ordinary, personal, sensitive). The Record type
// makes a new field without a class a compile error. Sensitive fields are encrypted at rest,
// masked in answers, and revealed only with the permission, a reason and an audit row.
import type { PersonState } from './model';

export type DataClass = 'ordinary' | 'personal' | 'sensitive';

export const personFieldClass: Record<keyof PersonState, DataClass> = {
  personId: 'ordinary',
  idNumber: 'sensitive',
  name: 'personal',
  sex: 'personal',
  birthDate: 'personal',
  ethnicity: 'personal',
  hukouCode: 'personal',
  residenceCode: 'personal',
  householdId: 'personal',
  relation: 'personal',
  maritalStatus: 'personal',
  spouseId: 'personal',
  motherId: 'personal',
  fatherId: 'personal',
  childrenEverBorn: 'personal',
  birthOrder: 'personal',
  hukouType: 'personal',
  disabilityGrade: 'sensitive',
  onlyChildCertificate: 'sensitive',
  adopted: 'personal',
  deathDate: 'personal',
  duplicateOf: 'ordinary',
  status: 'ordinary',
  attributes: 'personal',
};

export const sensitivePersonFields = (Object.keys(personFieldClass) as (keyof PersonState)[]).filter(
  (field) => personFieldClass[field] === 'sensitive',
);

/** Sensitive cells of the interchange files (persons.csv columns; event fields in the log). */
export const sensitiveBaselineColumns = ['id_number', 'disability_grade', 'only_child_certificate'] as const;
export const sensitiveEventFields = ['idNumber', 'cause'] as const;

/** First 4 and last 4 characters: 6529**********1234. */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 8) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 4)}${'*'.repeat(idNumber.length - 8)}${idNumber.slice(-4)}`;
}
