// Exposure by the day-counting rule of indicators.md: each day of calendar year Y on which a person is
// alive and in J counts 1/(days in Y). Days are tallied as integers per year length (365 or 366) and
// divided once at the end, so totals do not depend on the order in which persons are added.
import { birthdayIn, dayNumber, dayNumberOf, isLeapYear, yearOfDayNumber } from './calendar';

/** Inclusive range of days, as day numbers. */
export interface DaySpan {
  first: number;
  last: number;
}

/** A place (residence or hukou code) that holds from `date` on, until the next change (the register's PlaceChange fits). */
export interface DatedPlace {
  date: string;
  code: string;
}

export type SexKey = 'male' | 'female';

/** Oldest single age kept apart; older ages are pooled under "100+". */
export const OLDEST_SINGLE_AGE = 100;

/** The period [from, to], both days included. */
export function periodSpan(from: string, to: string): DaySpan {
  return { first: dayNumber(from), last: dayNumber(to) };
}

export function intersectSpans(a: DaySpan, b: DaySpan): DaySpan | null {
  const first = Math.max(a.first, b.first);
  const last = Math.min(a.last, b.last);
  return first <= last ? { first, last } : null;
}

/** Alive on day d when birth_date ≤ d and (no death, or death date > d): the day of death is not lived. */
export function isAliveOn(birthDate: string, deathDate: string | null, date: string): boolean {
  return birthDate <= date && (deathDate === null || deathDate > date);
}

export function aliveSpan(birthDate: string, deathDate: string | null, within: DaySpan): DaySpan | null {
  const alive = {
    first: dayNumber(birthDate),
    last: deathDate === null ? Infinity : dayNumber(deathDate) - 1,
  };
  return intersectSpans(alive, within);
}

/**
 * Spans of `within` on which the place after all changes dated ≤ d satisfies `inJurisdiction`.
 * Changes must be in date order; of several on one day the last one wins. Days before the first change
 * have no known place and count nowhere.
 */
export function presenceSpans(
  changes: readonly DatedPlace[],
  inJurisdiction: (code: string) => boolean,
  within: DaySpan,
): DaySpan[] {
  const spans: DaySpan[] = [];
  changes.forEach((change, index) => {
    const next = changes[index + 1];
    const span = { first: dayNumber(change.date), last: next ? dayNumber(next.date) - 1 : Infinity };
    const clipped =
      span.first <= span.last && inJurisdiction(change.code) ? intersectSpans(span, within) : null;
    if (!clipped) return;
    const previous = spans.at(-1);
    if (previous && previous.last + 1 === clipped.first) previous.last = clipped.last;
    else spans.push(clipped);
  });
  return spans;
}

/** Days a person is alive and in J during `period`: presence spans cut to the alive span. */
export function exposureSpans(
  person: { birthDate: string; deathDate: string | null; places: readonly DatedPlace[] },
  inJurisdiction: (code: string) => boolean,
  period: DaySpan,
): DaySpan[] {
  const alive = aliveSpan(person.birthDate, person.deathDate, period);
  return alive ? presenceSpans(person.places, inJurisdiction, alive) : [];
}

/** Integer day counts, kept apart by the length of the year they fall in. */
interface DayTally {
  commonYearDays: number;
  leapYearDays: number;
}

function emptyTally(): DayTally {
  return { commonYearDays: 0, leapYearDays: 0 };
}

function addDays(tally: DayTally, year: number, days: number): void {
  if (isLeapYear(year)) tally.leapYearDays += days;
  else tally.commonYearDays += days;
}

function tallyYears(tally: DayTally): number {
  return tally.commonYearDays / 365 + tally.leapYearDays / 366;
}

/** Calls `visit` once per calendar-year piece of the span. */
function forEachYearPiece(span: DaySpan, visit: (year: number, first: number, last: number) => void): void {
  if (!Number.isFinite(span.first) || !Number.isFinite(span.last))
    throw new RangeError('a span needs both ends');
  for (let year = yearOfDayNumber(span.first); ; year += 1) {
    const first = Math.max(span.first, dayNumberOf(year, 1, 1));
    const last = Math.min(span.last, dayNumberOf(year, 12, 31));
    if (first > span.last) return;
    visit(year, first, last);
  }
}

/** Person-years of some spans (a person alive and in J all of one year contributes exactly 1). */
export function personYears(spans: readonly DaySpan[]): number {
  const tally = emptyTally();
  for (const span of spans)
    forEachYearPiece(span, (year, first, last) => addDays(tally, year, last - first + 1));
  return tallyYears(tally);
}

/** Sums person-years in total and by sex and completed age (age on each day, 100+ pooled). */
export class PersonYearsCounter {
  private readonly total = emptyTally();
  private readonly byAge: Record<SexKey, DayTally[]> = {
    male: Array.from({ length: OLDEST_SINGLE_AGE + 1 }, emptyTally),
    female: Array.from({ length: OLDEST_SINGLE_AGE + 1 }, emptyTally),
  };

  add(sex: SexKey, birthDate: string, spans: readonly DaySpan[]): void {
    const birthYear = Number(birthDate.slice(0, 4));
    for (const span of spans) {
      forEachYearPiece(span, (year, first, last) => {
        addDays(this.total, year, last - first + 1);
        // The age goes up by one on the birthday within this year.
        const birthday = birthdayIn(birthDate, year);
        this.addAge(sex, year, year - birthYear - 1, first, Math.min(last, birthday - 1));
        this.addAge(sex, year, year - birthYear, Math.max(first, birthday), last);
      });
    }
  }

  /** Days already counted elsewhere (the aggregate tables): `days` lived at `age` in `year`. */
  addDays(sex: SexKey, year: number, age: number, days: number): void {
    addDays(this.total, year, days);
    this.addAge(sex, year, age, 1, days);
  }

  personYears(): number {
    return tallyYears(this.total);
  }

  /** Person-years by single age, index = age, the last index holding 100+. */
  personYearsByAge(sex: SexKey): number[] {
    return this.byAge[sex].map(tallyYears);
  }

  private addAge(sex: SexKey, year: number, age: number, first: number, last: number): void {
    if (first > last) return;
    const tally = this.byAge[sex][Math.min(age, OLDEST_SINGLE_AGE)];
    if (tally) addDays(tally, year, last - first + 1);
  }
}

/** Keys "0" … "99", "100+" of the single-age maps. */
export function singleAgeKey(age: number): string {
  return age >= OLDEST_SINGLE_AGE ? `${OLDEST_SINGLE_AGE}+` : String(age);
}

/** `person_years_by_age`: `{ male: { "0": …, "100+": … }, female: { … } }`, every key present. */
export function personYearsByAgeMap(counter: PersonYearsCounter): Record<SexKey, Record<string, number>> {
  const map = (sex: SexKey) =>
    Object.fromEntries(counter.personYearsByAge(sex).map((value, age) => [singleAgeKey(age), value]));
  return { male: map('male'), female: map('female') };
}
