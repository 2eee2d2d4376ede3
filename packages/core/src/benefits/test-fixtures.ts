// Register records for this folder's tests (not exported by index.ts).
import type { PersonState } from '../register/model';

export const VILLAGE = '652926100001';

export function person(overrides: Partial<PersonState> = {}): PersonState {
  return {
    personId: 'P1',
    idNumber: null,
    name: '古丽',
    sex: 2,
    birthDate: '1960-05-10',
    ethnicity: '02',
    hukouCode: VILLAGE,
    residenceCode: VILLAGE,
    householdId: 'H1',
    relation: 'head',
    maritalStatus: '20',
    spouseId: null,
    motherId: null,
    fatherId: null,
    childrenEverBorn: 0,
    birthOrder: null,
    hukouType: 'agricultural',
    disabilityGrade: null,
    onlyChildCertificate: null,
    adopted: false,
    deathDate: null,
    duplicateOf: null,
    status: 'resident',
    attributes: {},
    ...overrides,
  };
}

/** A child of M1 (mother) and F1 (father). */
export function child(personId: string, overrides: Partial<PersonState> = {}): PersonState {
  return person({
    personId,
    name: `孩子${personId}`,
    birthDate: '1990-03-01',
    motherId: 'M1',
    fatherId: 'F1',
    relation: 'child',
    maritalStatus: null,
    ...overrides,
  });
}

export const mother = person({ personId: 'M1', sex: 2, birthDate: '1962-08-15', spouseId: 'F1' });
export const father = person({ personId: 'F1', sex: 1, birthDate: '1960-02-20', spouseId: 'M1' });
