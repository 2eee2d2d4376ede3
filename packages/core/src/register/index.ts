// The population register's pure domain core: citizen IDs, names, the person state and its reducers.
export * from './model';
export * from './problems';
export * from './dates';
export * from './citizen-id';
export * from './names';
export * from './values';
export { deriveStatus, isInCoverage, normalizeCoverage, tryNormalizeCode } from './coverage';
export type { ApplyContext, ApplyResult, RegisterContext } from './context';
export { applyBirthToMother, checkMother, deriveBirthOrder, MIN_MOTHER_AGE } from './births';
export { applyDeathToSpouse, applyDivorceToSpouse, applyMarriageToSpouse, MARRIAGE_AGE } from './marriages';
export { isCorrectableField, mergedInto } from './corrections';
export { applyEvent, effectiveEvents, replayPerson, type ReplayContext, type ReplayResult } from './reducer';
export {
  PERSON_COLUMNS,
  personFromBaseline,
  type BaselineContext,
  type BaselinePersonRow,
  type BaselineResult,
} from './baseline';
export * from './event-row';
export * from './name-keys';
export * from './places';
export * from './classification';
