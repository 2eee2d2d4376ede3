// The synthetic county generator: a register dataset (baseline + events) with matching department
// files and their truth, deterministic for a seed. Pure: the caller supplies the villages and writes
// the rows wherever it wants.
import { tryNormalizeCode } from '../register/coverage';
import { isCalendarDate } from '../register/dates';
import { buildBaseline } from './baseline-builder';
import {
  BAICHENG_MINORITY_SHARE,
  BAICHENG_POPULATION,
  BAICHENG_PYRAMID,
  DEFAULT_COVERAGE,
  type CensusPyramid,
} from './census-652926';
import { CitizenIdIssuer } from './citizen-ids';
import { dayFromDate } from './days';
import { simulateDivorces, simulateMarriages } from './family-events';
import { simulateBirths, simulateDeaths } from './life-events';
import { simulateArrivals, simulateMigration } from './migration-events';
import { baselineRows } from './person-rows';
import { DEFAULT_OUTSIDE_PLACES, Places, type OutsidePlace, type VillageInput } from './places';
import { Population } from './population';
import { Random } from './random';
import { DEFAULT_MIGRATION, type MigrationRates } from './rates';
import { simulateCorrections, simulateVoids } from './register-fixes';
import type { SyntheticPersonRow, SyntheticRecord } from './rows';
import { Simulation } from './simulation';
import type { ResolvedOptions, World } from './world';

export const DEFAULT_FROM = '2010-01-01';
export const DEFAULT_TO = '2024-12-31';
/**
 * Default TFR. The county's women aged 15–64 had borne 1.76 children on average by 2020, and its
 * fertility fell steeply in the late 2010s; 1.8 is a level between the early and late years.
 */
export const DEFAULT_TFR = 1.8;
/** Default sex ratio at birth (boys per 100 girls). */
export const DEFAULT_SRB = 106;
/** Default mortality level: the national rates of 2015–2020 × 1.3 (southern Xinjiang's life expectancy is lower). */
export const DEFAULT_MORTALITY = 1.3;

export interface SyntheticCountyOptions {
  /** The villages (村/居委会) of the coverage, from the national division list. */
  villages: readonly VillageInput[];
  /** Division-code prefix of the dataset (default 652926, 拜城县). */
  coverage?: string;
  /** Places outside the coverage people come from and go to (county-level codes of the national list). */
  outsidePlaces?: readonly OutsidePlace[];
  /** Baseline size (default: the census population of 拜城县, 231 113). */
  persons?: number;
  from?: string;
  to?: string;
  seed?: number;
  tfr?: number;
  srb?: number;
  /** Multiplier of the age-specific death rates (default 1.3). */
  mortality?: number;
  migration?: Partial<MigrationRates>;
  /** Population by sex and census age group (default: 拜城县 2020). */
  pyramid?: CensusPyramid;
  minorityShare?: number;
  /** Share of births left out of events.csv (漏报), present in the department files only. */
  missedBirthRate?: number;
  /** Share of deaths of unmarried people the register never learns of. */
  missedDeathRate?: number;
  /** Share of department records with injected mistakes. */
  recordErrorRate?: number;
}

export class SyntheticOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyntheticOptionsError';
  }
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new SyntheticOptionsError(message);
}

export function resolveOptions(options: SyntheticCountyOptions): ResolvedOptions {
  const coverage = tryNormalizeCode(options.coverage ?? DEFAULT_COVERAGE);
  check(coverage !== undefined, `区划代码格式不正确：${options.coverage ?? ''}`);
  const from = options.from ?? DEFAULT_FROM;
  const to = options.to ?? DEFAULT_TO;
  check(isCalendarDate(from) && isCalendarDate(to), `日期应为 YYYY-MM-DD：${from}，${to}`);
  check(from < to, `起始日 ${from} 应早于结束日 ${to}`);
  const persons = options.persons ?? BAICHENG_POPULATION;
  check(
    Number.isInteger(persons) && persons >= 1 && persons <= 20_000_000,
    `人数应为 1 到 20000000 的整数：${persons}`,
  );
  const tfr = options.tfr ?? DEFAULT_TFR;
  check(tfr >= 0 && tfr <= 8, `总和生育率应在 0 到 8 之间：${tfr}`);
  const srb = options.srb ?? DEFAULT_SRB;
  check(srb >= 80 && srb <= 150, `出生性别比应在 80 到 150 之间：${srb}`);
  const mortality = options.mortality ?? DEFAULT_MORTALITY;
  check(mortality >= 0 && mortality <= 5, `死亡水平应在 0 到 5 之间：${mortality}`);
  check(options.villages.length > 0, `辖区 ${coverage ?? ''} 下没有村（居）委会`);
  for (const village of options.villages) {
    check(/^\d{12}$/.test(village.code), `村（居）委会代码应为 12 位：${village.code}`);
    check(
      village.code.startsWith(coverage ?? ''),
      `村（居）委会 ${village.code} 不在辖区 ${coverage ?? ''} 内`,
    );
  }
  for (const place of options.outsidePlaces ?? []) {
    const code = tryNormalizeCode(place.code);
    check(code !== undefined && !code.startsWith(coverage ?? ''), `辖区外地点代码不正确：${place.code}`);
  }
  return {
    coverage: coverage ?? DEFAULT_COVERAGE,
    persons,
    from,
    to,
    fromDay: dayFromDate(from),
    toDay: dayFromDate(to),
    seed: (options.seed ?? 1) >>> 0,
    tfr,
    srb,
    mortality,
    migration: { ...DEFAULT_MIGRATION, ...options.migration },
    pyramid: options.pyramid ?? BAICHENG_PYRAMID,
    minorityShare: options.minorityShare ?? BAICHENG_MINORITY_SHARE,
    missedBirthRate: options.missedBirthRate ?? 0.03,
    missedDeathRate: options.missedDeathRate ?? 0.02,
    recordErrorRate: options.recordErrorRate ?? 0.15,
  };
}

export interface SyntheticCounty {
  readonly options: ResolvedOptions;
  /** Every division code the files use (the villages, then the outside places), 12-digit. */
  readonly codes: readonly string[];
  /** persons.csv: the baseline at the start date. Read it before records(). */
  persons(): Generator<SyntheticPersonRow>;
  /**
   * Every other file's rows, year by year: events.csv in (date, file order), the department files and
   * their truth by date. Runs the simulation, so it can be read once.
   */
  records(): Generator<SyntheticRecord>;
}

/** Builds the baseline now (a few hundred bytes per person); the events come as records() is read. */
export function createSyntheticCounty(input: SyntheticCountyOptions): SyntheticCounty {
  const options = resolveOptions(input);
  const random = new Random(options.seed);
  const places = new Places(
    input.villages,
    input.outsidePlaces ?? DEFAULT_OUTSIDE_PLACES,
    options.coverage,
    random.fork(10),
  );
  const world: World = {
    options,
    population: new Population(),
    places,
    ids: new CitizenIdIssuer(random.fork(11)),
    diffs: new Map(),
    baselineSize: 0,
  };
  buildBaseline(world, random.fork(12));
  const simulationRandom = random.fork(13);
  // Drawn last from the seed: civil_marriages.csv came later, and the other files stayed as they were.
  const marriageRecordsRandom = random.fork(14);
  let started = false;
  return {
    options,
    codes: places.allCodes(),
    persons() {
      if (started) throw new Error('persons() must be read before records()');
      return baselineRows(world);
    },
    records() {
      if (started) throw new Error('records() can be read once');
      started = true;
      return new Simulation(world, simulationRandom, marriageRecordsRandom).run(simulateYear);
    },
  };
}

function simulateYear(sim: Simulation): void {
  let residents = 0;
  for (let p = 0; p < sim.pop.size; p++) if (sim.pop.isAlive(p) && sim.isPresent(p)) residents++;
  simulateDeaths(sim);
  simulateMarriages(sim);
  simulateDivorces(sim);
  simulateBirths(sim);
  simulateMigration(sim);
  simulateArrivals(sim, residents);
  simulateCorrections(sim);
  simulateVoids(sim);
}

/** The whole county in arrays (small runs and tests). */
export function generateSyntheticCounty(input: SyntheticCountyOptions): {
  options: ResolvedOptions;
  codes: readonly string[];
  persons: SyntheticPersonRow[];
  records: SyntheticRecord[];
} {
  const county = createSyntheticCounty(input);
  const persons = [...county.persons()];
  return { options: county.options, codes: county.codes, persons, records: [...county.records()] };
}
