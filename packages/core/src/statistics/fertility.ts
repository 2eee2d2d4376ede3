// Age-specific fertility (single years 15…49 and 5-year groups), TFR and mean age at childbearing.
// Inputs are arrays indexed by completed age: births by the mother's age on the day of the birth, and
// female person-years by age (PersonYearsCounter.personYearsByAge('female')).
import { ratio } from './rates';

export const FERTILE_AGE_FIRST = 15;
export const FERTILE_AGE_LAST = 49;

export type AgeMap = Record<string, number | null>;

const fertileAges = Array.from(
  { length: FERTILE_AGE_LAST - FERTILE_AGE_FIRST + 1 },
  (_, i) => FERTILE_AGE_FIRST + i,
);

/** Counts by completed age (index = age) from a list of ages. */
export function countByAge(ages: Iterable<number>): number[] {
  const counts: number[] = [];
  for (const age of ages) counts[age] = (counts[age] ?? 0) + 1;
  return Array.from(counts, (count) => count ?? 0);
}

/** Births to mothers under 15 count at 15, over 49 at 49. */
function birthsAtFertileAge(birthsByMotherAge: readonly number[], age: number): number {
  let births = 0;
  birthsByMotherAge.forEach((count, motherAge) => {
    const clamped = Math.min(Math.max(motherAge, FERTILE_AGE_FIRST), FERTILE_AGE_LAST);
    if (clamped === age) births += count ?? 0;
  });
  return births;
}

/** `asfr`: `{ "15": …, …, "49": … }`, births / female person-years at that age, null on zero exposure. */
export function ageSpecificFertilityRates(
  birthsByMotherAge: readonly number[],
  femalePersonYearsByAge: readonly number[],
): AgeMap {
  return Object.fromEntries(
    fertileAges.map((age) => [
      String(age),
      ratio(birthsAtFertileAge(birthsByMotherAge, age), femalePersonYearsByAge[age] ?? 0),
    ]),
  );
}

/** `asfr5`: `{ "15-19": …, …, "45-49": … }`, the same with 5-year groups. */
export function ageSpecificFertilityRates5(
  birthsByMotherAge: readonly number[],
  femalePersonYearsByAge: readonly number[],
): AgeMap {
  const result: AgeMap = {};
  for (let start = FERTILE_AGE_FIRST; start <= FERTILE_AGE_LAST; start += 5) {
    const ages = fertileAges.slice(start - FERTILE_AGE_FIRST, start - FERTILE_AGE_FIRST + 5);
    const births = ages.reduce((sum, age) => sum + birthsAtFertileAge(birthsByMotherAge, age), 0);
    const exposure = ages.reduce((sum, age) => sum + (femalePersonYearsByAge[age] ?? 0), 0);
    result[`${start}-${start + 4}`] = ratio(births, exposure);
  }
  return result;
}

function fertileValues(asfr: AgeMap): number[] | null {
  const values = fertileAges.map((age) => asfr[String(age)] ?? null);
  return values.every((value): value is number => value !== null) ? values : null;
}

/** `tfr`: Σ asfr over single ages 15…49 (null if any of them is null). */
export function totalFertilityRate(asfr: AgeMap): number | null {
  const values = fertileValues(asfr);
  return values === null ? null : values.reduce((sum, value) => sum + value, 0);
}

/** `mean_age_childbearing`: Σ (x + 0.5)·asfr(x) / Σ asfr(x) over single ages; null when tfr is null or 0. */
export function meanAgeAtChildbearing(asfr: AgeMap): number | null {
  const values = fertileValues(asfr);
  const tfr = values?.reduce((sum, value) => sum + value, 0) ?? 0;
  if (values === null || tfr === 0) return null;
  return values.reduce((sum, value, i) => sum + (FERTILE_AGE_FIRST + i + 0.5) * value, 0) / tfr;
}

/** TFR from 5-year rates given by group start age: 5 × Σ rates (projection inputs, WPP). */
export function totalFertilityRateFrom5(asfrByGroupStart: Readonly<Record<number, number>>): number {
  return 5 * Object.values(asfrByGroupStart).reduce((sum, value) => sum + value, 0);
}

/** Mean age at childbearing from 5-year rates, at group midpoints x + 2.5; null when they sum to 0. */
export function meanAgeAtChildbearingFrom5(
  asfrByGroupStart: Readonly<Record<number, number>>,
): number | null {
  const entries = Object.entries(asfrByGroupStart).map(([start, rate]) => [Number(start), rate] as const);
  const sum = entries.reduce((total, [, rate]) => total + rate, 0);
  return sum === 0 ? null : entries.reduce((total, [start, rate]) => total + (start + 2.5) * rate, 0) / sum;
}
