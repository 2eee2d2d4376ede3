// Population on `to` by age: the pyramid in 5-year groups (85+ open), dependency and ageing ratios.
// Inputs are counts by completed age (index = age) for each sex.
import type { SexKey } from './person-years';
import { percent } from './rates';

export const PYRAMID_OPEN_AGE = 85;

export interface PopulationByAge {
  male: readonly number[];
  female: readonly number[];
}

/** Keys "0-4", …, "80-84", "85+". */
export const PYRAMID_GROUP_KEYS: readonly string[] = Array.from(
  { length: PYRAMID_OPEN_AGE / 5 + 1 },
  (_, i) => (i * 5 === PYRAMID_OPEN_AGE ? `${PYRAMID_OPEN_AGE}+` : `${i * 5}-${i * 5 + 4}`),
);

function countBetween(counts: readonly number[], first: number, last = Infinity): number {
  let sum = 0;
  counts.forEach((count, age) => {
    if (age >= first && age <= last) sum += count ?? 0;
  });
  return sum;
}

/** `age_structure`: counts by sex and 5-year group, every key present (0 when empty). */
export function ageStructure(population: PopulationByAge): Record<SexKey, Record<string, number>> {
  const groups = (counts: readonly number[]) =>
    Object.fromEntries(
      PYRAMID_GROUP_KEYS.map((key, i) => {
        const first = i * 5;
        return [key, countBetween(counts, first, first === PYRAMID_OPEN_AGE ? Infinity : first + 4)];
      }),
    );
  return { male: groups(population.male), female: groups(population.female) };
}

export interface DependencyIndicators {
  dependency_child: number | null;
  dependency_old: number | null;
  dependency_total: number | null;
  ageing_index: number | null;
  share_60_plus: number | null;
  share_65_plus: number | null;
}

/** (0–14)/(15–64), (65+)/(15–64) and their sum × 100; (65+)/(0–14) × 100; % aged 60+ and 65+. */
export function dependencyIndicators(population: PopulationByAge): DependencyIndicators {
  const both = (first: number, last?: number) =>
    countBetween(population.male, first, last) + countBetween(population.female, first, last);
  const children = both(0, 14);
  const workingAge = both(15, 64);
  const old = both(65);
  const total = both(0);
  const dependencyChild = percent(children, workingAge);
  const dependencyOld = percent(old, workingAge);
  return {
    dependency_child: dependencyChild,
    dependency_old: dependencyOld,
    dependency_total:
      dependencyChild === null || dependencyOld === null ? null : dependencyChild + dependencyOld,
    ageing_index: percent(old, children),
    share_60_plus: percent(both(60), total),
    share_65_plus: percent(old, total),
  };
}
