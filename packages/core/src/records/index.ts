export {
  RECORD_SOURCES,
  sensitiveRecordColumns,
  type FieldKind,
  type RecordSource,
  type SourceColumn,
} from './sources';
export { readRecordRow, type RecordProblem, type RecordRowResult } from './record-rows';
export * from './api-types';
export {
  factsInIdNumber,
  MARRIAGE_SOURCE,
  marriageOfParty,
  marriageParties,
  partyRecordId,
} from './marriage-parties';
export type { MarriageEntry, MarriageParty } from './marriage-api';
export {
  birthDateInId,
  nameAgreement,
  pairSameBirths,
  sameBirthScore,
  SAME_BIRTH_MAX_DAYS,
  type BirthRecordBrief,
  type SameBirthPair,
} from './same-birth';
