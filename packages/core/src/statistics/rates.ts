// Crude rates per mille (‰) of person-years; a zero denominator gives null, never 0 and never an error.

/** numerator / denominator, or null when the denominator is zero. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** numerator / person-years × 1000. */
export function perMille(events: number, personYears: number): number | null {
  const value = ratio(events, personYears);
  return value === null ? null : value * 1000;
}

/** `cbr`: births / person_years × 1000. */
export function crudeBirthRate(births: number, personYears: number): number | null {
  return perMille(births, personYears);
}

/** `cdr`: deaths / person_years × 1000. */
export function crudeDeathRate(deaths: number, personYears: number): number | null {
  return perMille(deaths, personYears);
}

/** `natural_growth_rate`: cbr − cdr (‰). */
export function naturalGrowthRate(births: number, deaths: number, personYears: number): number | null {
  const cbr = crudeBirthRate(births, personYears);
  const cdr = crudeDeathRate(deaths, personYears);
  return cbr === null || cdr === null ? null : cbr - cdr;
}

/** numerator / denominator × 100, or null when the denominator is zero. */
export function percent(numerator: number, denominator: number): number | null {
  const value = ratio(numerator, denominator);
  return value === null ? null : value * 100;
}
