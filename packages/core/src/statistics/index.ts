// Pure statistics behind `renkou stats` (docs: indicators.md): day-counted person-years, crude rates,
// sex ratio at birth with intervals, fertility, age structure, migrant share, abridged life tables and
// the cohort-component projection step. No I/O; callers pass counts, dates and codes.
export {
  OLDEST_SINGLE_AGE,
  PersonYearsCounter,
  aliveSpan,
  exposureSpans,
  intersectSpans,
  isAliveOn,
  periodSpan,
  personYears,
  personYearsByAgeMap,
  presenceSpans,
  singleAgeKey,
  type DatedPlace,
  type DaySpan,
  type SexKey,
} from './person-years';
export * from './rates';
export * from './binomial-intervals';
export { betaQuantile, regularizedIncompleteBeta } from './beta-distribution';
export * from './sex-ratio';
export * from './fertility';
export * from './birth-order';
export * from './age-structure';
export * from './migrant-share';
export * from './life-table';
export * from './separation-factors';
export * from './projection';
export {
  assembleIndicators,
  computeIndicators,
  everPlacedIn,
  placeOn,
  type Basis,
  type IndicatorParts,
  type IndicatorRequest,
  type Indicators,
  type StatPerson,
} from './indicators';
export {
  LIFE_TABLE_AGES,
  PROJECTION_GROUPS,
  lifeTableOf,
  projectPopulation,
  type ObservedRates,
  type ProjectedYear,
  type ProjectionAssumptions,
  type ProjectionScenario,
} from './population-projection';
export { observedRates } from './observed-rates';
export * from './cube';
export { indicatorsFromCube, type CubeSlice } from './cube-indicators';
export { trendFromCubes, type Granularity, type TrendCells, type TrendPoint } from './trend';
