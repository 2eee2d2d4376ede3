// The synthetic county generator (renkou generate): a realistic register with known truth.
export {
  createSyntheticCounty,
  generateSyntheticCounty,
  resolveOptions as resolveSyntheticOptions,
  SyntheticOptionsError,
  DEFAULT_FROM,
  DEFAULT_TO,
  DEFAULT_TFR,
  DEFAULT_SRB,
  DEFAULT_MORTALITY,
  type SyntheticCounty,
  type SyntheticCountyOptions,
} from './generator';
export type { ResolvedOptions as ResolvedSyntheticOptions } from './world';
export { DEFAULT_OUTSIDE_PLACES, type OutsidePlace, type VillageInput } from './places';
export {
  AGE_GROUP_STARTS,
  BAICHENG_POPULATION,
  BAICHENG_PYRAMID,
  DEFAULT_COVERAGE,
  type CensusPyramid,
} from './census-652926';
export { DEFAULT_MIGRATION, type MigrationRates } from './rates';
export {
  SYNTHETIC_ERROR_KINDS,
  SYNTHETIC_FILES,
  SYNTHETIC_PERSON_COLUMNS,
  type SyntheticErrorKind,
  type SyntheticEventRow,
  type SyntheticFile,
  type SyntheticPersonRow,
  type SyntheticRecord,
  type SyntheticTruthRow,
} from './rows';
