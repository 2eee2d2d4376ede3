// The projection's inputs as the register observed them in a window (usually the five years before
// the base date): deaths and person-years by life-table age group, ASFR by 5-year group, the sex
// ratio at birth and net migration by age, all counted by the rules of indicators.md.
import { completedAge, dayNumber } from './calendar';
import { placeOn, everPlacedIn, type IndicatorRequest, type StatPerson } from './indicators';
import { PersonYearsCounter, exposureSpans, type SexKey } from './person-years';
import { LIFE_TABLE_AGES, PROJECTION_GROUPS, type ObservedRates } from './population-projection';

const lifeTableGroup = (age: number) => (age === 0 ? 0 : age < 5 ? 1 : Math.min(1 + Math.floor(age / 5), 18));
const projectionGroup = (age: number) => Math.min(Math.floor(age / 5), PROJECTION_GROUPS.length - 1);
function bump(values: number[], index: number, by = 1): void {
  values[index] = (values[index] ?? 0) + by;
}
const perSex = (length: number): Record<SexKey, number[]> => ({
  male: Array.from({ length }, () => 0),
  female: Array.from({ length }, () => 0),
});

export function observedRates(
  persons: ReadonlyMap<string, StatPerson>,
  window: IndicatorRequest,
): ObservedRates {
  const { jurisdiction, from, to, basis } = window;
  const inJ = (code: string | undefined) => code !== undefined && code.startsWith(jurisdiction);
  const counter = new PersonYearsCounter();
  const deaths = perSex(LIFE_TABLE_AGES.length);
  const netMigrants = perSex(PROJECTION_GROUPS.length);
  const birthsByMotherGroup: number[] = [0, 0, 0, 0, 0, 0, 0];
  let boys = 0;
  let girls = 0;
  const period = { first: dayNumber(from), last: dayNumber(to) };
  for (const person of persons.values()) {
    if (!everPlacedIn(person, jurisdiction)) continue;
    const places = basis === 'residence' ? person.residence : person.hukou;
    counter.add(person.sex, person.birthDate, exposureSpans({ ...person, places }, inJ, period));
    const { deathDate } = person;
    if (deathDate !== null && deathDate >= from && deathDate <= to && inJ(placeOn(places, deathDate)))
      bump(deaths[person.sex], lifeTableGroup(completedAge(person.birthDate, deathDate)));
    if (person.birthDate >= from && person.birthDate <= to && inJ(placeOn(places, person.birthDate))) {
      if (person.sex === 'male') boys += 1;
      else girls += 1;
      const mother = person.motherKey ? persons.get(person.motherKey) : undefined;
      const age = mother ? completedAge(mother.birthDate, person.birthDate) : undefined;
      if (age !== undefined) bump(birthsByMotherGroup, Math.min(Math.max(Math.floor(age / 5) - 3, 0), 6));
    }
    places.forEach((place, i) => {
      if (place.date < from || place.date > to || (i === 0 && place.date === person.birthDate)) return;
      if (deathDate !== null && deathDate <= place.date) return;
      const crossing = Number(inJ(place.code)) - Number(inJ(places[i - 1]?.code));
      if (crossing !== 0)
        bump(netMigrants[person.sex], projectionGroup(completedAge(person.birthDate, place.date)), crossing);
    });
  }
  const singleAges = { male: counter.personYearsByAge('male'), female: counter.personYearsByAge('female') };
  const exposures = perSex(LIFE_TABLE_AGES.length);
  for (const sex of ['male', 'female'] as const)
    singleAges[sex].forEach((py, age) => bump(exposures[sex], lifeTableGroup(age), py));
  const asfr5: Record<number, number> = {};
  birthsByMotherGroup.forEach((births, i) => {
    const start = 15 + i * 5;
    const exposure = singleAges.female.slice(start, start + 5).reduce((a, b) => a + b, 0);
    asfr5[start] = exposure > 0 ? births / exposure : 0;
  });
  const years = counter.personYears() > 0 ? (period.last - period.first + 1) / 365.2425 : 1;
  const perFiveYears = (values: number[]) => values.map((n) => (n * 5) / years);
  return {
    deaths,
    exposures,
    asfr5,
    srb: girls > 0 ? boys / girls : 1.06,
    netMigrants5: { male: perFiveYears(netMigrants.male), female: perFiveYears(netMigrants.female) },
  };
}
