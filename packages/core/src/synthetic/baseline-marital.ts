// Marital status and children ever born at the baseline, by age and sex. The shares are set so that
// the county's adults come out near its census figures (never married 19 %, married 71 %, divorced
// 4 %, widowed 5 %) and its women 15–64 near 1.76 live births.
import { MaritalCode } from './population';
import { FERTILITY_SHAPE } from './rates';

type Shares = readonly [never: number, married: number, divorced: number, widowed: number];

const WOMEN: readonly (readonly [number, Shares])[] = [
  [18, [1, 0, 0, 0]],
  [20, [0.8, 0.19, 0.01, 0]],
  [25, [0.42, 0.53, 0.05, 0]],
  [30, [0.13, 0.8, 0.07, 0]],
  [35, [0.05, 0.87, 0.07, 0.01]],
  [50, [0.03, 0.87, 0.07, 0.03]],
  [60, [0.02, 0.8, 0.06, 0.12]],
  [70, [0.01, 0.68, 0.04, 0.27]],
  [200, [0.01, 0.42, 0.03, 0.54]],
];

const MEN: readonly (readonly [number, Shares])[] = [
  [20, [1, 0, 0, 0]],
  [22, [0.9, 0.1, 0, 0]],
  [25, [0.62, 0.36, 0.02, 0]],
  [30, [0.28, 0.67, 0.05, 0]],
  [35, [0.09, 0.85, 0.06, 0]],
  [50, [0.05, 0.88, 0.06, 0.01]],
  [60, [0.03, 0.89, 0.04, 0.04]],
  [70, [0.02, 0.86, 0.03, 0.09]],
  [200, [0.02, 0.7, 0.02, 0.26]],
];

const CODES = [MaritalCode.Never, MaritalCode.Married, MaritalCode.Divorced, MaritalCode.Widowed] as const;

/** The marital status code for a draw `u` in [0, 1). */
export function baselineMarital(age: number, sex: 1 | 2, u: number): number {
  const table = sex === 2 ? WOMEN : MEN;
  const shares = (table.find(([upTo]) => age < upTo) ?? table[table.length - 1])?.[1] ?? [1, 0, 0, 0];
  let sum = 0;
  for (let i = 0; i < shares.length; i++) {
    sum += shares[i] ?? 0;
    if (u < sum) return CODES[i] ?? MaritalCode.Never;
  }
  return MaritalCode.Never;
}

/** Completed fertility of a cohort (mean live births per ever-married woman), by ethnicity. */
function completedFertility(ethnicity: number, birthYear: number): number {
  if (ethnicity === 5) {
    if (birthYear < 1955) return 4.6;
    if (birthYear < 1965) return 3.6;
    if (birthYear < 1975) return 2.7;
    return birthYear < 1985 ? 2.2 : 2;
  }
  if (birthYear < 1950) return 3;
  if (birthYear < 1960) return 2.2;
  if (birthYear < 1970) return 1.7;
  return 1.4;
}

/** Share of a woman's lifetime fertility done by completed age `age`. */
function fertilityDoneBy(age: number): number {
  let done = 0;
  for (let a = 15; a < Math.min(age, 50); a++) done += (FERTILITY_SHAPE[Math.floor((a - 15) / 5)] ?? 0) / 5;
  return done;
}

/** The expected number of live births so far of an ever-married woman. */
export function expectedChildrenEverBorn(ethnicity: number, birthYear: number, age: number): number {
  return completedFertility(ethnicity, birthYear) * fertilityDoneBy(age);
}
