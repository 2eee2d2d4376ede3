// Age-specific rates that drive the yearly simulation. Shapes are fixed; levels are parameters.

/**
 * Share of the TFR by 5-year age of mother, 15–19 … 45–49. Earlier than China's national pattern
 * (WPP 2024), as for southern Xinjiang's Uyghur majority, where marriage comes early; births are
 * to married women, so hardly any before 20.
 */
export const FERTILITY_SHAPE = [0.03, 0.33, 0.3, 0.19, 0.1, 0.04, 0.01] as const;

/** Age-specific fertility (births per woman-year) at completed age `age` for a TFR. */
export function fertilityRate(age: number, tfr: number): number {
  if (age < 15 || age > 49) return 0;
  return (tfr * (FERTILITY_SHAPE[Math.floor((age - 15) / 5)] ?? 0)) / 5;
}

/** Ages of the abridged mortality table: 0, 1, 5, 10, …, 100+. */
const MORTALITY_AGES = [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100];

/**
 * Central death rates m(x), China 2015–2020 (UN World Population Prospects 2024, CC BY 3.0 IGO;
 * "Source: United Nations, DESA, Population Division. World Population Prospects 2024").
 */
const MORTALITY_MALE = [
  0.00783544, 0.00045297, 0.00035351, 0.0004532, 0.00053241, 0.00077738, 0.00094565, 0.00105759, 0.00132405,
  0.00221723, 0.00346547, 0.00580011, 0.00832887, 0.01485116, 0.02323263, 0.03711008, 0.06013746, 0.10357923,
  0.17260393, 0.29298323, 0.51175699, 0.89299663,
];
const MORTALITY_FEMALE = [
  0.00670937, 0.0004589, 0.0003084, 0.00028859, 0.00033003, 0.00049386, 0.00055702, 0.00060788, 0.00075336,
  0.00114974, 0.00167546, 0.00273772, 0.00385689, 0.00696635, 0.01193689, 0.02121015, 0.03717788, 0.07029145,
  0.12254554, 0.21537465, 0.35918228, 0.53465841,
];

/** Probability of dying within a year at completed age `age`; `level` scales the national rates. */
export function deathProbability(age: number, sex: 1 | 2, level: number): number {
  let index = 0;
  while (index + 1 < MORTALITY_AGES.length && (MORTALITY_AGES[index + 1] ?? Infinity) <= age) index++;
  const m = ((sex === 1 ? MORTALITY_MALE : MORTALITY_FEMALE)[index] ?? 0) * level;
  return 1 - Math.exp(-m);
}

/** Yearly chance that a never-married person of this age marries (brides choose; grooms are matched). */
export function firstMarriageRate(age: number, sex: 1 | 2): number {
  if (sex === 2) {
    if (age < 20) return 0;
    if (age < 25) return 0.22;
    if (age < 30) return 0.25;
    if (age < 35) return 0.15;
    return age < 50 ? 0.04 : 0;
  }
  if (age < 22) return 0;
  if (age < 25) return 0.16;
  if (age < 30) return 0.25;
  if (age < 35) return 0.18;
  return age < 55 ? 0.05 : 0;
}

/** Yearly chance that a divorced or widowed person remarries. */
export function remarriageRate(age: number): number {
  if (age < 50) return 0.12;
  return age < 70 ? 0.03 : 0;
}

/** Yearly chance that a married couple divorces (the county's divorced share, 4.2 % of adults, is high). */
export const DIVORCE_RATE = 0.008;

/** Migration levels: yearly probabilities per person (arrivals: per resident). */
export interface MigrationRates {
  /** Residence moves within the county (people 15–59; children move with their mother). */
  internal: number;
  /** Residence moves out of the county, hukou kept here (labour migration). */
  out: number;
  /** Arrivals from outside, per resident of the county. */
  in: number;
  /** Hukou follows a residence that differs from it (ends a hukou–residence separation). */
  hukouFollow: number;
  /** People living outside with their hukou here come back. */
  return: number;
}

export const DEFAULT_MIGRATION: MigrationRates = {
  internal: 0.012,
  out: 0.008,
  in: 0.007,
  hukouFollow: 0.08,
  return: 0.12,
};

/** Relative mobility by age (peaks in the twenties). */
export function mobilityByAge(age: number): number {
  if (age < 15) return 0;
  if (age < 20) return 0.8;
  if (age < 30) return 2;
  if (age < 40) return 1.3;
  if (age < 50) return 0.7;
  return age < 60 ? 0.3 : 0.1;
}
