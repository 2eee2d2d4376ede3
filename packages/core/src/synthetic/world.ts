// What every part of the generator shares: the resolved options, the people, the places, the ID issuer,
// and what the register's baseline gets wrong (fixed later by correction events).
import type { CensusPyramid } from './census-652926';
import type { CitizenIdIssuer } from './citizen-ids';
import type { Places } from './places';
import type { Population } from './population';
import type { MigrationRates } from './rates';

export interface ResolvedOptions {
  /** Short coverage code (652926). */
  coverage: string;
  persons: number;
  from: string;
  to: string;
  fromDay: number;
  toDay: number;
  seed: number;
  tfr: number;
  srb: number;
  mortality: number;
  migration: MigrationRates;
  pyramid: CensusPyramid;
  minorityShare: number;
  missedBirthRate: number;
  missedDeathRate: number;
  recordErrorRate: number;
}

/** Where persons.csv differs from the truth (a clerk's mistake, corrected by a later event). */
export interface RegisterDiff {
  name?: string;
  birthDay?: number;
  /** The register has no ID number for the person yet. */
  noIdNumber?: boolean;
}

export interface World {
  options: ResolvedOptions;
  population: Population;
  places: Places;
  ids: CitizenIdIssuer;
  diffs: Map<number, RegisterDiff>;
  /** How many persons the baseline has (indexes below it). */
  baselineSize: number;
}
