// Marriages and divorces. Brides are drawn by age-specific rates; each is matched with an unmarried
// man of her ethnicity a few years older, at or above the legal ages (22 and 20). After the wedding
// the wife usually moves to the husband's village, and often her hukou follows.
import { ageOnDay, yearOfDay } from './days';
import { moveResidence, transferHukou } from './migration-events';
import { MaritalCode, NONE } from './population';
import { WeightedPicker } from './random';
import { DIVORCE_RATE, firstMarriageRate, remarriageRate } from './rates';
import type { Simulation } from './simulation';

const GAPS = [-2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12];
const gapPicker = new WeightedPicker([2, 4, 7, 12, 15, 15, 12, 9, 7, 5, 4, 3, 2]);

function canMarry(sim: Simulation, person: number): boolean {
  const { pop } = sim;
  return pop.isAlive(person) && sim.isPresent(person) && pop.marital[person] !== MaritalCode.Married;
}

export function simulateMarriages(sim: Simulation): void {
  const { pop, random } = sim;
  const grooms = new Map<number, number[]>();
  const brides: number[] = [];
  for (let p = 0; p < pop.size; p++) {
    if (!canMarry(sim, p)) continue;
    const age = ageOnDay(pop.birthDay[p] ?? 0, sim.yearStart);
    if (pop.sex[p] === 1) {
      if (age < 22 || age > 75) continue;
      const key = (pop.ethnicity[p] ?? 0) * 10000 + yearOfDay(pop.birthDay[p] ?? 0);
      const bucket = grooms.get(key);
      if (bucket) bucket.push(p);
      else grooms.set(key, [p]);
    } else if (age >= 20) {
      const rate = pop.marital[p] === MaritalCode.Never ? firstMarriageRate(age, 2) : remarriageRate(age);
      if (random.chance(rate * sim.yearFraction)) brides.push(p);
    }
  }
  for (const bride of brides) {
    const year = yearOfDay(pop.birthDay[bride] ?? 0);
    for (let attempt = 0; attempt < 6; attempt++) {
      const gap = GAPS[gapPicker.pick(random)] ?? 3;
      const bucket = grooms.get((pop.ethnicity[bride] ?? 0) * 10000 + year - gap);
      if (!bucket || bucket.length === 0) continue;
      const index = random.int(bucket.length);
      const groom = bucket[index] ?? NONE;
      bucket[index] = bucket[bucket.length - 1] ?? NONE;
      bucket.pop();
      marry(sim, groom, bride);
      break;
    }
  }
}

function marry(sim: Simulation, groom: number, bride: number): void {
  const { pop, random, places } = sim;
  const day = sim.pickDay(sim.lastEventOf(groom, bride));
  if (day === undefined) return;
  const [subject, other] = random.chance(0.5) ? [groom, bride] : [bride, groom];
  sim.event(day, { type: 'marriage', person_id: pop.personId(subject), spouse_id: pop.personId(other) });
  sim.records(
    day,
    sim.departments.civilMarriage('marriage', sim.personRecord(groom), sim.personRecord(bride), day),
  );
  for (const [person, spouse] of [
    [groom, bride],
    [bride, groom],
  ] as const) {
    pop.marital[person] = MaritalCode.Married;
    pop.spouse[person] = spouse;
    pop.spouseLinked[person] = 1;
    pop.touch(person, day);
  }
  const home = pop.residence[groom] ?? 0;
  if (home === pop.residence[bride] || !places.isInside(home) || !random.chance(0.7)) return;
  const moveDay = sim.pickDay(day, Math.min(sim.yearEnd, day + 60));
  if (moveDay === undefined) return;
  moveResidence(sim, bride, home, moveDay, false);
  const hukou = pop.hukou[groom] ?? 0;
  if (places.isInside(hukou) && hukou !== pop.hukou[bride] && random.chance(0.4)) {
    const hukouDay = sim.pickDay(moveDay, Math.min(sim.yearEnd, moveDay + 180));
    if (hukouDay !== undefined) transferHukou(sim, bride, hukou, hukouDay);
  }
}

export function simulateDivorces(sim: Simulation): void {
  const { pop, random } = sim;
  for (let wife = 0; wife < pop.size; wife++) {
    if (pop.sex[wife] !== 2 || pop.marital[wife] !== MaritalCode.Married) continue;
    const husband = pop.spouse[wife] ?? NONE;
    if (husband === NONE || !pop.isAlive(wife) || !pop.isAlive(husband)) continue;
    if (!sim.isPresent(wife) || !random.chance(DIVORCE_RATE * sim.yearFraction)) continue;
    const day = sim.pickDay(sim.lastEventOf(wife, husband));
    if (day === undefined) continue;
    const [subject, other] = random.chance(0.5) ? [husband, wife] : [wife, husband];
    sim.event(day, { type: 'divorce', person_id: pop.personId(subject), spouse_id: pop.personId(other) });
    sim.records(
      day,
      sim.departments.civilMarriage('divorce', sim.personRecord(husband), sim.personRecord(wife), day),
    );
    for (const person of [wife, husband]) {
      pop.marital[person] = MaritalCode.Divorced;
      pop.spouse[person] = NONE;
      pop.spouseLinked[person] = 0;
      pop.touch(person, day);
    }
  }
}
