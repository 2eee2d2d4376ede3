// Stable codes for what the register refuses (errors) and what it accepts but reports (warnings).
// Import reports, the API and tests rely on these strings: add new ones, never rename.
import { DomainError, ErrorCode } from '../common/errors';

export const RegisterErrorCode = {
  /** A date that is not a real calendar day (field names the column). */
  InvalidDate: 'INVALID_DATE',
  /** A required field is empty. */
  MissingField: 'MISSING_FIELD',
  /** A value outside its list or format (sex, ethnicity, relation, birth order…). */
  InvalidValue: 'INVALID_VALUE',
  /** The citizen ID number fails GB 11643 (length, characters, check digit, region or date). */
  InvalidIdNumber: 'INVALID_ID_NUMBER',
  /** A division code that is malformed or does not exist on the event's date. */
  InvalidCode: 'INVALID_CODE',
  /** A baseline person whose hukou and residence both lie outside the coverage. */
  OutsideCoverage: 'OUTSIDE_COVERAGE',
  /** A baseline person born after the dataset's start date. */
  BirthAfterStart: 'BIRTH_AFTER_START',
  /** An event about a person the register does not know (and who is not arriving from outside). */
  PersonUnknown: 'PERSON_UNKNOWN',
  /** A birth (or arrival) for a person who already exists. */
  PersonAlreadyExists: 'PERSON_ALREADY_EXISTS',
  /** An event dated before the person's birth. */
  EventBeforeBirth: 'EVENT_BEFORE_BIRTH',
  /** A death dated before the person's birth. */
  DeathBeforeBirth: 'DEATH_BEFORE_BIRTH',
  /** A second death. */
  AlreadyDead: 'ALREADY_DEAD',
  /** An event (other than void or correction) dated after the person's death. */
  EventAfterDeath: 'EVENT_AFTER_DEATH',
  /** A birth whose mother is not in the register. */
  MotherUnknown: 'MOTHER_UNKNOWN',
  /** A birth whose mother is not female. */
  MotherNotFemale: 'MOTHER_NOT_FEMALE',
  /** A child born on or before its mother's birth date. */
  MotherBornAfterChild: 'MOTHER_BORN_AFTER_CHILD',
  /** A mother younger than 12 completed years at the birth. */
  MotherTooYoung: 'MOTHER_TOO_YOUNG',
  /** A mother who died before the birth date. */
  MotherDead: 'MOTHER_DEAD',
  /** A person named as their own parent or spouse. */
  SelfReference: 'SELF_REFERENCE',
  /** A marriage of someone currently married. */
  AlreadyMarried: 'ALREADY_MARRIED',
  /** A marriage to someone currently married. */
  SpouseAlreadyMarried: 'SPOUSE_ALREADY_MARRIED',
  /** A marriage to someone who died before the marriage date. */
  SpouseDead: 'SPOUSE_DEAD',
  /** A divorce of people not married to each other. */
  NotMarriedToSpouse: 'NOT_MARRIED_TO_SPOUSE',
  /** A correction of a field that cannot be corrected. */
  CorrectionFieldNotAllowed: 'CORRECTION_FIELD_NOT_ALLOWED',
  /** A correction or void without a reason. */
  ReasonRequired: 'REASON_REQUIRED',
  /** A void naming an event that is not (earlier) in the person's log. */
  VoidTargetUnknown: 'VOID_TARGET_UNKNOWN',
  /** applyEvent was given a void: voids act retroactively, use replayPerson. */
  VoidRequiresReplay: 'VOID_REQUIRES_REPLAY',
  /** An event that neither concerns the person as subject, mother, father nor spouse. */
  EventNotForPerson: 'EVENT_NOT_FOR_PERSON',
  /** An event (other than void or correction) about a record merged into another as its duplicate. */
  PersonMerged: 'PERSON_MERGED',
} as const;
export type RegisterErrorCode = (typeof RegisterErrorCode)[keyof typeof RegisterErrorCode];

export const RegisterWarningCode = {
  /** The birth date written in the ID number differs from the person's birth date. */
  IdBirthDateMismatch: 'ID_BIRTH_DATE_MISMATCH',
  /** The sex written in the ID number differs from the person's sex. */
  IdSexMismatch: 'ID_SEX_MISMATCH',
  /** A birth order given in the file differs from the one derived from the mother (the given one is kept). */
  BirthOrderMismatch: 'BIRTH_ORDER_MISMATCH',
  /** A child's residence differs from its mother's residence on the birth date. */
  ResidenceDiffersFromMother: 'RESIDENCE_DIFFERS_FROM_MOTHER',
  /** A move/hukou from_code differs from the person's current code (to_code is applied anyway). */
  FromCodeMismatch: 'FROM_CODE_MISMATCH',
  /** A marriage or divorce whose spouse is not in the register. */
  SpouseNotInRegister: 'SPOUSE_NOT_IN_REGISTER',
  /** A marriage below the legal age (22 for men, 20 for women). */
  UnderMarriageAge: 'UNDER_MARRIAGE_AGE',
  /** children_ever_born given for a man (kept as given). */
  ChildrenEverBornForMale: 'CHILDREN_EVER_BORN_FOR_MALE',
} as const;
export type RegisterWarningCode = (typeof RegisterWarningCode)[keyof typeof RegisterWarningCode];

/** field is the interchange column (snake_case) the problem is about. */
export interface RegisterError {
  code: RegisterErrorCode;
  field: string;
  message: string;
}

export interface RegisterWarning {
  code: RegisterWarningCode;
  field: string;
  message: string;
}

export function registerError(code: RegisterErrorCode, field: string, message: string): RegisterError {
  return { code, field, message };
}

export function registerWarning(code: RegisterWarningCode, field: string, message: string): RegisterWarning {
  return { code, field, message };
}

/** For services that throw: a rejected row becomes VALIDATION_FAILED with the register code as the reason. */
export function registerErrorToDomainError(error: RegisterError, row?: number): DomainError {
  return new DomainError(ErrorCode.ValidationFailed, error.message, [
    { field: error.field, reason: error.code, ...(row === undefined ? {} : { row }) },
  ]);
}
