// Record linkage (Fellegi–Sunter): comparators, Chinese name keys, model configuration, blocking,
// training, scoring, clustering, evaluation. Pure: no I/O.
export * from './comparators/jaro-winkler';
export * from './comparators/damerau-levenshtein';
// Date and ID helpers under names that do not clash with the register module's own.
export { dayMonthSwapped, daysApart, parseDateKey, type DateKey } from './comparators/dates';
export {
  citizenIdCheckChar,
  citizenIdKey,
  upgradeCitizenId,
  type CitizenIdKey,
} from './comparators/citizen-id';
export * from './chinese/name-keys';
export * from './model-config';
export * from './records';
export * from './key-expressions';
export * from './comparisons';
export * from './blocking';
export * from './gammas';
export * from './em';
export * from './training';
export * from './scoring';
export * from './clustering';
export * from './evaluation';
export * from './link';
export * from './csv';
