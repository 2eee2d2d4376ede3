// Every indicator of indicators.md for one jurisdiction and period, by a plain scan of the persons
// and their dated places. It is the obviously-correct reference: aggregate tables, when they come,
// must give the same numbers.
import { birthOrderShares } from './birth-order';
import { completedAge, dayNumber } from './calendar';
import { ageStructure, dependencyIndicators, type DependencyIndicators } from './age-structure';
import {
  ageSpecificFertilityRates,
  ageSpecificFertilityRates5,
  meanAgeAtChildbearing,
  totalFertilityRate,
  type AgeMap,
} from './fertility';
import { migrantShare, type ResidentCodes } from './migrant-share';
import {
  OLDEST_SINGLE_AGE,
  PersonYearsCounter,
  exposureSpans,
  personYearsByAgeMap,
  type DatedPlace,
  type SexKey,
} from './person-years';
import { crudeBirthRate, crudeDeathRate, naturalGrowthRate } from './rates';
import { sexRatioAtBirthSummary, type SrbStatus } from './sex-ratio';
import type { Interval } from './binomial-intervals';

export type Basis = 'residence' | 'hukou';

/** What the scan needs of a person; places in date order, codes already mapped to today's tree. */
export interface StatPerson {
  key: string;
  sex: SexKey;
  birthDate: string;
  deathDate: string | null;
  residence: readonly DatedPlace[];
  hukou: readonly DatedPlace[];
  motherKey: string | null;
  /** Order of this person's birth, when the register knows it (from the event or derived at birth). */
  birthOrder: number | null;
}

export interface IndicatorRequest {
  jurisdiction: string;
  from: string;
  to: string;
  basis: Basis;
}

export interface Indicators extends DependencyIndicators {
  population_start: number;
  population_end: number;
  person_years: number;
  person_years_by_age: Record<SexKey, Record<string, number>>;
  births: number;
  births_male: number;
  births_female: number;
  deaths: number;
  moves_in: number;
  moves_out: number;
  cbr: number | null;
  cdr: number | null;
  natural_growth_rate: number | null;
  srb: number | null;
  srb_ci95: Interval | null;
  srb_status: SrbStatus | null;
  asfr: AgeMap;
  asfr5: AgeMap;
  tfr: number | null;
  mean_age_childbearing: number | null;
  birth_order_share: Record<string, number | null>;
  age_structure: Record<SexKey, Record<string, number>>;
  migrant_share: number | null;
}

/** The code in force on `date`: the last change dated on or before it (undefined before the first). */
export function placeOn(places: readonly DatedPlace[], date: string): string | undefined {
  let code: string | undefined;
  for (const place of places) {
    if (place.date > date) break;
    code = place.code;
  }
  return code;
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const alive = (p: StatPerson, date: string) =>
  p.birthDate <= date && (p.deathDate === null || p.deathDate > date);

/** Whether any residence or hukou code of the person lies under the code. */
export function everPlacedIn(person: StatPerson, jurisdiction: string): boolean {
  return (
    person.residence.some((p) => p.code.startsWith(jurisdiction)) ||
    person.hukou.some((p) => p.code.startsWith(jurisdiction))
  );
}

/**
 * `persons` is everyone the scan may need (mothers included); `candidates`, when given, are the
 * persons ever placed in J (everPlacedIn), so a township's pass skips the rest of the county.
 */
export function computeIndicators(
  persons: ReadonlyMap<string, StatPerson>,
  request: IndicatorRequest,
  candidates: Iterable<StatPerson> = persons.values(),
): Indicators {
  const { jurisdiction, from, to, basis } = request;
  const inJ = (code: string | undefined) => code !== undefined && code.startsWith(jurisdiction);
  const placesOf = (p: StatPerson) => (basis === 'residence' ? p.residence : p.hukou);
  const period = { first: dayNumber(from), last: dayNumber(to) };
  const before = dayBefore(from);
  const counter = new PersonYearsCounter();
  const endByAge: Record<SexKey, number[]> = { male: [], female: [] };
  const birthsByMotherAge: number[] = [];
  const birthOrders: number[] = [];
  const residents: ResidentCodes[] = [];
  let populationStart = 0;
  let births = 0;
  let birthsMale = 0;
  let deaths = 0;
  let movesIn = 0;
  let movesOut = 0;

  const inScope = [...candidates].filter((person) => everPlacedIn(person, jurisdiction));
  for (const person of inScope) {
    const places = placesOf(person);
    if (!places.some((p) => p.code.startsWith(jurisdiction))) continue;
    if (alive(person, before) && inJ(placeOn(places, before))) populationStart += 1;
    counter.add(person.sex, person.birthDate, exposureSpans({ ...person, places }, inJ, period));
    if (alive(person, to) && inJ(placeOn(places, to))) {
      const age = Math.min(completedAge(person.birthDate, to), OLDEST_SINGLE_AGE);
      endByAge[person.sex][age] = (endByAge[person.sex][age] ?? 0) + 1;
    }
    if (person.birthDate >= from && person.birthDate <= to && inJ(placeOn(places, person.birthDate))) {
      births += 1;
      if (person.sex === 'male') birthsMale += 1;
      const mother = person.motherKey ? persons.get(person.motherKey) : undefined;
      if (mother) {
        const age = completedAge(mother.birthDate, person.birthDate);
        birthsByMotherAge[age] = (birthsByMotherAge[age] ?? 0) + 1;
      }
      birthOrders.push(person.birthOrder ?? 1);
    }
    if (person.deathDate !== null && person.deathDate >= from && person.deathDate <= to) {
      if (inJ(placeOn(places, person.deathDate))) deaths += 1;
    }
    // A change of place while alive crosses J's border one way or the other; a first place that is
    // not the day of birth is an arrival from outside the register.
    places.forEach((place, i) => {
      if (place.date < from || place.date > to || !alive(person, place.date)) return;
      const previous = i === 0 ? undefined : places[i - 1]?.code;
      if (i === 0 && place.date === person.birthDate) return;
      if (inJ(place.code) && !inJ(previous)) movesIn += 1;
      if (!inJ(place.code) && inJ(previous)) movesOut += 1;
    });
  }
  for (const person of inScope) {
    if (!alive(person, to)) continue;
    const residence = placeOn(person.residence, to);
    if (!inJ(residence) || residence === undefined) continue;
    residents.push({ residenceCode: residence, hukouCode: placeOn(person.hukou, to) ?? '' });
  }

  return assembleIndicators({
    populationStart,
    exposure: counter,
    endByAge,
    birthsByMotherAge,
    birthOrders,
    births,
    birthsMale,
    deaths,
    movesIn,
    movesOut,
    migrantShare: migrantShare(residents),
  });
}

/** What every indicator is made of: counts, integer day tallies and the population on `to` by age. */
export interface IndicatorParts {
  populationStart: number;
  exposure: PersonYearsCounter;
  /** Population on `to` by sex and single age (index 100 = 100+); holes count as 0. */
  endByAge: Record<SexKey, number[]>;
  /** Births by the mother's age on the day of the birth (births of unknown mothers are left out). */
  birthsByMotherAge: number[];
  birthOrders: Iterable<number>;
  births: number;
  birthsMale: number;
  deaths: number;
  movesIn: number;
  movesOut: number;
  migrantShare: number | null;
}

/** The indicators from their parts; the scan and the aggregate tables both end here. */
export function assembleIndicators(parts: IndicatorParts): Indicators {
  const { births, birthsMale, deaths } = parts;
  const personYears = parts.exposure.personYears();
  const femaleExposure = parts.exposure.personYearsByAge('female');
  const births0 = Array.from(parts.birthsByMotherAge, (n) => n ?? 0);
  const asfr = ageSpecificFertilityRates(births0, femaleExposure);
  const tfr = totalFertilityRate(asfr);
  const endPopulation = {
    male: Array.from(parts.endByAge.male, (n) => n ?? 0),
    female: Array.from(parts.endByAge.female, (n) => n ?? 0),
  };
  return {
    population_start: parts.populationStart,
    population_end:
      endPopulation.male.reduce((a, b) => a + b, 0) + endPopulation.female.reduce((a, b) => a + b, 0),
    person_years: personYears,
    person_years_by_age: personYearsByAgeMap(parts.exposure),
    births,
    births_male: birthsMale,
    births_female: births - birthsMale,
    deaths,
    moves_in: parts.movesIn,
    moves_out: parts.movesOut,
    cbr: crudeBirthRate(births, personYears),
    cdr: crudeDeathRate(deaths, personYears),
    natural_growth_rate: naturalGrowthRate(births, deaths, personYears),
    ...sexRatioAtBirthSummary(birthsMale, births - birthsMale),
    asfr,
    asfr5: ageSpecificFertilityRates5(births0, femaleExposure),
    tfr,
    mean_age_childbearing: tfr === null || tfr === 0 ? null : meanAgeAtChildbearing(asfr),
    birth_order_share: birthOrderShares(parts.birthOrders),
    age_structure: ageStructure(endPopulation),
    ...dependencyIndicators(endPopulation),
    migrant_share: parts.migrantShare,
  };
}
