// Shared fixtures for this folder's tests (not exported by index.ts).
import type { ApplyContext } from './context';
import type {
  BirthEvent,
  CorrectionEvent,
  DeathEvent,
  DivorceEvent,
  HukouEvent,
  MarriageEvent,
  MoveEvent,
  PersonState,
  VoidEvent,
} from './model';

export const COVERAGE = '652926';
export const VILLAGE_A = '652926100001';
export const VILLAGE_B = '652926100002';
/** Abolished on 2021-01-01. */
export const OLD_VILLAGE = '652926100003';
export const ELSEWHERE = '650102';
export const ELSEWHERE_PADDED = '650102000000';

export function isValidCode(code: string, date: string): boolean {
  if (code === OLD_VILLAGE) return date < '2021-01-01';
  return [COVERAGE, VILLAGE_A, VILLAGE_B, ELSEWHERE, '650103'].includes(code);
}

export const ctx: ApplyContext = { coverage: COVERAGE, isValidCode };

export function person(overrides: Partial<PersonState> = {}): PersonState {
  return {
    personId: 'P1',
    idNumber: null,
    name: '阿依古丽',
    sex: 2,
    birthDate: '1990-05-01',
    ethnicity: '02',
    hukouCode: VILLAGE_A,
    residenceCode: VILLAGE_A,
    householdId: 'H1',
    relation: 'head',
    maritalStatus: '10',
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

export const mother = person({ personId: 'M1', name: '古丽', birthDate: '1990-05-01', childrenEverBorn: 1 });
export const man = person({ personId: 'F1', name: '买买提·艾力', sex: 1, birthDate: '1988-03-02' });

const base = { recordedDate: null };

export function birth(overrides: Partial<BirthEvent> = {}): BirthEvent {
  return {
    ...base,
    type: 'birth',
    eventId: 'E-birth',
    date: '2020-03-01',
    personId: 'C1',
    motherId: 'M1',
    fatherId: 'F1',
    name: '小明',
    sex: 1,
    idNumber: null,
    ethnicity: null,
    birthOrder: null,
    birthCertNo: null,
    hukouCode: VILLAGE_A,
    residenceCode: VILLAGE_A,
    ...overrides,
  };
}

export function death(overrides: Partial<DeathEvent> = {}): DeathEvent {
  return {
    ...base,
    type: 'death',
    eventId: 'E-death',
    date: '2021-01-01',
    personId: 'P1',
    cause: null,
    ...overrides,
  };
}

const noArrival = { name: null, sex: null, idNumber: null, birthDate: null, ethnicity: null };

export function move(overrides: Partial<MoveEvent> = {}): MoveEvent {
  return {
    ...base,
    ...noArrival,
    type: 'move',
    eventId: 'E-move',
    date: '2020-06-01',
    personId: 'P1',
    fromCode: VILLAGE_A,
    toCode: VILLAGE_B,
    ...overrides,
  };
}

export function hukou(overrides: Partial<HukouEvent> = {}): HukouEvent {
  return {
    ...base,
    ...noArrival,
    type: 'hukou',
    eventId: 'E-hukou',
    date: '2020-06-01',
    personId: 'P1',
    fromCode: VILLAGE_A,
    toCode: VILLAGE_B,
    ...overrides,
  };
}

export function marriage(overrides: Partial<MarriageEvent> = {}): MarriageEvent {
  return {
    ...base,
    type: 'marriage',
    eventId: 'E-marriage',
    date: '2019-10-01',
    personId: 'P1',
    spouseId: 'F1',
    ...overrides,
  };
}

export function divorce(overrides: Partial<DivorceEvent> = {}): DivorceEvent {
  return {
    ...base,
    type: 'divorce',
    eventId: 'E-divorce',
    date: '2022-10-01',
    personId: 'P1',
    spouseId: 'F1',
    ...overrides,
  };
}

export function correction(overrides: Partial<CorrectionEvent> = {}): CorrectionEvent {
  return {
    ...base,
    type: 'correction',
    eventId: 'E-correction',
    date: '2021-02-01',
    personId: 'P1',
    field: 'name',
    value: '阿依古丽·买买提',
    reason: '户口簿登记错误',
    ...overrides,
  };
}

export function voidOf(targetEventId: string, overrides: Partial<VoidEvent> = {}): VoidEvent {
  return {
    ...base,
    type: 'void',
    eventId: `V-${targetEventId}`,
    date: '2022-01-01',
    personId: 'P1',
    targetEventId,
    reason: '重复登记',
    ...overrides,
  };
}
