// `renkou project`: a cohort-component projection from the register's own base population, death
// rates, fertility and net migration, in 5-year steps, with low / medium / high fertility scenarios
// (medium ∓ 0.5 children per woman, as the UN's variants).
import { PYRAMID_GROUP_KEYS } from './age-structure';
import { lifeTableFromDeaths, type LifeTable } from './life-table';
import { projectCohortComponentStep, fiveYearLx } from './projection';
import { coaleDemenyWestFromM0, midpointSeparationFactors } from './separation-factors';
import type { SexKey } from './person-years';

/** Age groups of the life table: 0, 1–4, 5–9, …, 80–84, 85+. */
export const LIFE_TABLE_AGES = [0, 1, ...Array.from({ length: 17 }, (_, i) => (i + 1) * 5)];
/** Age groups of the projection: 0–4, …, 80–84, 85+ (the pyramid's). */
export const PROJECTION_GROUPS = PYRAMID_GROUP_KEYS;

export interface ObservedRates {
  /** Deaths and person-years by LIFE_TABLE_AGES group, per sex. */
  deaths: Record<SexKey, number[]>;
  exposures: Record<SexKey, number[]>;
  /** ASFR by 5-year group start (15 … 45). */
  asfr5: Record<number, number>;
  /** Male births per female birth (1.06, not 106). */
  srb: number;
  /** Net migrants per 5 years by projection group, per sex. */
  netMigrants5: Record<SexKey, number[]>;
}

export interface ProjectionAssumptions {
  /** Total fertility of the medium scenario; the observed TFR when not given. */
  tfr?: number;
  /** Include the observed net migration (default true). */
  migration?: boolean;
}

export interface ProjectedYear {
  year: number;
  female: number[];
  male: number[];
  total: number;
  /** Births per year during the step that ended here (null at the base). */
  birthsPerYear: number | null;
  age3to5: number;
  age6to11: number;
  age12to14: number;
  age65plus: number;
  age80plus: number;
}

export interface ProjectionScenario {
  name: 'low' | 'medium' | 'high';
  tfr: number;
  years: ProjectedYear[];
}

export function lifeTableOf(rates: ObservedRates, sex: SexKey): LifeTable {
  const exposures = rates.exposures[sex];
  const mx = rates.deaths[sex].map((d, i) => d / (exposures[i] ?? 1));
  const infant = coaleDemenyWestFromM0(mx[0] ?? 0, sex);
  return lifeTableFromDeaths({
    ageStart: LIFE_TABLE_AGES,
    deaths: rates.deaths[sex],
    exposures,
    ax: midpointSeparationFactors(LIFE_TABLE_AGES, mx, infant),
  });
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Single ages within a 5-year group are taken as evenly spread (the register gives groups here). */
function share(population: readonly number[], firstAge: number, lastAge: number): number {
  let total = 0;
  population.forEach((count, group) => {
    const start = group * 5;
    const end = group === population.length - 1 ? Infinity : start + 4;
    const overlap = Math.min(end, lastAge) - Math.max(start, firstAge) + 1;
    if (overlap > 0) total += end === Infinity ? count : (count * overlap) / 5;
  });
  return total;
}

function yearOf(year: number, female: number[], male: number[], births: number | null): ProjectedYear {
  const both = female.map((f, i) => f + (male[i] ?? 0));
  return {
    year,
    female,
    male,
    total: sum(both),
    birthsPerYear: births === null ? null : births / 5,
    age3to5: share(both, 3, 5),
    age6to11: share(both, 6, 11),
    age12to14: share(both, 12, 14),
    age65plus: share(both, 65, Infinity),
    age80plus: share(both, 80, Infinity),
  };
}

/** Runs the three scenarios for `years` (rounded up to whole 5-year steps) from the base population. */
export function projectPopulation(
  base: { year: number; female: number[]; male: number[] },
  rates: ObservedRates,
  years: number,
  assumptions: ProjectionAssumptions = {},
): ProjectionScenario[] {
  const observedTfr = 5 * sum(Object.values(rates.asfr5));
  const mediumTfr = assumptions.tfr ?? observedTfr;
  const Lx = {
    female: fiveYearLx(lifeTableOf(rates, 'female')),
    male: fiveYearLx(lifeTableOf(rates, 'male')),
  };
  const zeros = PROJECTION_GROUPS.map(() => 0);
  const migrants = (sex: SexKey) => (assumptions.migration === false ? zeros : rates.netMigrants5[sex]);
  const steps = Math.ceil(years / 5);
  const scenarios: [ProjectionScenario['name'], number][] = [
    ['low', Math.max(mediumTfr - 0.5, 0)],
    ['medium', mediumTfr],
    ['high', mediumTfr + 0.5],
  ];
  return scenarios.map(([name, tfr]) => {
    // The observed age pattern of fertility, scaled to the scenario's TFR.
    const scale = observedTfr > 0 ? tfr / observedTfr : 0;
    const asfr = Object.fromEntries(Object.entries(rates.asfr5).map(([age, rate]) => [age, rate * scale]));
    const result = [yearOf(base.year, base.female, base.male, null)];
    let female = base.female;
    let male = base.male;
    for (let step = 1; step <= steps; step += 1) {
      const next = projectCohortComponentStep({
        female: { population: female, Lx: Lx.female, netMigrants: migrants('female') },
        male: { population: male, Lx: Lx.male, netMigrants: migrants('male') },
        asfrByGroupStart: asfr,
        srb: rates.srb,
        radix: 100_000,
      });
      // A group emptied by out-migration cannot go below nobody.
      female = next.female.map((n) => Math.max(n, 0));
      male = next.male.map((n) => Math.max(n, 0));
      result.push(yearOf(base.year + step * 5, female, male, next.births));
    }
    return { name, tfr, years: result };
  });
}
