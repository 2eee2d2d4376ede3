// Moves (residence) and hukou transfers: within the county (mostly towards the towns, leaving the
// hukou behind: 人户分离), out of it and back, hukou following the residence, and arrivals from
// outside the county, who the register learns of from the move or hukou event itself.
import { dateFromDay } from './days';
import { personName } from './names';
import { MaritalCode, NONE } from './population';
import { mobilityByAge } from './rates';
import type { Simulation } from './simulation';

/** Moves the person's residence; children under 15 living with a mother go with her (when `family`). */
export function moveResidence(
  sim: Simulation,
  person: number,
  to: number,
  day: number,
  family: boolean,
): void {
  const { pop, places } = sim;
  const from = pop.residence[person] ?? 0;
  if (from === to) return;
  sim.event(day, {
    type: 'move',
    person_id: pop.personId(person),
    from_code: places.code(from),
    to_code: places.code(to),
  });
  pop.residence[person] = to;
  pop.touch(person, day);
  if (!family || pop.sex[person] !== 2) return;
  for (const child of pop.childrenOf(person)) {
    if (!pop.isAlive(child) || pop.residence[child] !== from || sim.age(child, day) >= 15) continue;
    if ((pop.lastEventDay[child] ?? 0) > day) continue;
    moveResidence(sim, child, to, day, false);
  }
}

/** Transfers the person's hukou (户口迁移); the hukou office records arrivals and departures of the county. */
export function transferHukou(sim: Simulation, person: number, to: number, day: number): void {
  const { pop, places } = sim;
  const from = pop.hukou[person] ?? 0;
  if (from === to) return;
  sim.event(day, {
    type: 'hukou',
    person_id: pop.personId(person),
    from_code: places.code(from),
    to_code: places.code(to),
  });
  pop.hukou[person] = to;
  pop.touch(person, day);
  if (places.isInside(to) && !places.isInside(from)) {
    pop.hukouType[person] = sim.hukouTypeAt(to, day);
    sim.records(day, sim.departments.hukou(sim.personRecord(person), 'move_in', day, to));
  } else if (!places.isInside(to) && places.isInside(from)) {
    sim.records(day, sim.departments.hukou(sim.personRecord(person), 'move_out', day, from));
  }
}

export function simulateMigration(sim: Simulation): void {
  const { pop, places, random } = sim;
  const rates = sim.options.migration;
  const size = pop.size;
  for (let p = 0; p < size; p++) {
    if (!pop.isAlive(p)) continue;
    const age = sim.age(p, sim.yearStart);
    if (age < 15) continue; // children move with their mother
    const hukou = pop.hukou[p] ?? 0;
    const residence = pop.residence[p] ?? 0;
    const hukouInside = places.isInside(hukou);
    const residenceInside = places.isInside(residence);
    const mobility = mobilityByAge(age) * sim.yearFraction;
    const u = random.next();
    let to = NONE;
    let kind: 'move' | 'hukou' = 'move';
    if (hukouInside && residenceInside) {
      if (u < rates.internal * mobility) {
        to = random.chance(0.6) ? places.pickUrban(random) : places.pickVillage(random, pop.ethnicityCode(p));
      } else if (u < (rates.internal + rates.out) * mobility)
        to = places.pickOutside(random, pop.ethnicityCode(p));
      else if (
        hukou !== residence &&
        u < (rates.internal + rates.out) * mobility + rates.hukouFollow * sim.yearFraction
      ) {
        [to, kind] = [residence, 'hukou'];
      }
    } else if (hukouInside) {
      // Living outside with the hukou here: most come back; some move their hukou away too.
      if (u < rates.return * sim.yearFraction) to = hukou;
      else if (u < (rates.return + 0.04) * sim.yearFraction) [to, kind] = [residence, 'hukou'];
    } else if (residenceInside) {
      // Hukou elsewhere: some settle (hukou in), some go back.
      if (u < 0.05 * sim.yearFraction) [to, kind] = [residence, 'hukou'];
      else if (u < 0.13 * sim.yearFraction) to = hukou;
    } else if (u < 0.02 * sim.yearFraction) {
      to = places.pickVillage(random, pop.ethnicityCode(p)); // a return of someone who had left
    }
    if (to === NONE || to === (kind === 'move' ? residence : hukou)) continue;
    const day = sim.pickDay(sim.lastEventOf(p));
    if (day === undefined) continue;
    if (kind === 'hukou') transferHukou(sim, p, to, day);
    else moveResidence(sim, p, to, day, places.isInside(to) || random.chance(0.6));
  }
}

/** People arriving from outside: mostly working-age, many Han; a tenth register their hukou first. */
export function simulateArrivals(sim: Simulation, residents: number): void {
  const { pop, places, random, world } = sim;
  const count = random.poisson(sim.options.migration.in * residents * sim.yearFraction);
  for (let i = 0; i < count; i++) {
    const day = sim.pickDay(sim.yearStart);
    if (day === undefined) return;
    const sex = random.chance(0.55) ? 1 : 2;
    const age = random.chance(0.85) ? random.between(18, 50) : random.between(51, 70);
    const birthDay = day - Math.round(age * 365.2425) - random.int(365);
    const u = random.next();
    const ethnicity = u < 0.55 ? 1 : u < 0.6 ? 3 : 5;
    const person = pop.add(sex, birthDay, ethnicity);
    const origin = places.pickOutside(random, pop.ethnicityCode(person));
    const village = places.pickVillage(random, pop.ethnicityCode(person));
    pop.names[person] = personName(random, pop.ethnicityCode(person), sex, null);
    pop.idNumbers[person] = world.ids.issue(places.region(origin), birthDay, sex);
    pop.marital[person] = MaritalCode.Never; // the register learns no marital status from an arrival
    const hukouFirst = random.chance(0.1);
    pop.hukou[person] = hukouFirst ? village : origin;
    pop.residence[person] = hukouFirst ? origin : village;
    pop.hukouType[person] = hukouFirst ? sim.hukouTypeAt(village, day) : 0;
    pop.touch(person, day);
    sim.event(day, {
      type: hukouFirst ? 'hukou' : 'move',
      person_id: pop.personId(person),
      from_code: places.code(origin),
      to_code: places.code(village),
      name: pop.name(person),
      sex: String(sex),
      id_number: pop.idNumber(person),
      birth_date: dateFromDay(birthDay),
      ethnicity: pop.ethnicityCode(person),
    });
    if (hukouFirst)
      sim.records(day, sim.departments.hukou(sim.personRecord(person), 'move_in', day, village));
  }
}
