// Deaths and births: age-specific mortality (scaled national rates) and age-specific fertility for
// the TFR, births to married women at least ten months apart, the sex ratio at birth, birth order.
import { personName } from './names';
import { Flag, MaritalCode, NONE } from './population';
import { deathProbability, fertilityRate } from './rates';
import type { Simulation } from './simulation';

const BIRTH_SPACING_DAYS = 300;

const CAUSES_YOUNG = ['意外伤害', '交通事故', '溺水', '先天性疾病', '肺炎'];
const CAUSES_ADULT = ['心脑血管疾病', '恶性肿瘤', '呼吸系统疾病', '意外伤害', '肝脏疾病', '糖尿病'];

export function simulateDeaths(sim: Simulation): void {
  const { pop, random, options } = sim;
  const size = pop.size;
  for (let p = 0; p < size; p++) {
    if (!pop.isAlive(p) || !sim.isPresent(p)) continue;
    const q = deathProbability(Math.max(0, sim.age(p, sim.yearStart)), pop.sexOf(p), options.mortality);
    if (!random.chance(q * sim.yearFraction)) continue;
    const day = sim.pickDay(sim.lastEventOf(p));
    if (day !== undefined) die(sim, p, day);
  }
}

/** The person dies on `day`: a death event (unless the register misses it), a widowed spouse, department records. */
export function die(sim: Simulation, person: number, day: number): void {
  const { pop, random, places, options, departments } = sim;
  pop.deathDay[person] = day;
  pop.touch(person, day);
  const married = pop.marital[person] === MaritalCode.Married;
  // Only the deaths of the unmarried go missing: a missed death would leave a spouse married in the register.
  const missed = !married && random.chance(options.missedDeathRate);
  if (missed) pop.flags[person] = (pop.flags[person] ?? 0) | Flag.DeathUnregistered;
  else {
    const age = sim.age(person, day);
    const cause = random.chance(0.5) ? random.pick(age < 40 ? CAUSES_YOUNG : CAUSES_ADULT) : '';
    sim.event(day, {
      type: 'death',
      person_id: pop.personId(person),
      cause,
      recorded_date: random.chance(0.03) ? sim.lateRecordedDate(day) : '',
    });
  }
  const spouse = pop.spouse[person] ?? NONE;
  if (married && spouse !== NONE) widow(sim, spouse, person, day);
  const record = sim.personRecord(person);
  const residence = pop.residence[person] ?? 0;
  const hukou = pop.hukou[person] ?? 0;
  if (random.chance(missed ? 0.8 : 0.85)) {
    sim.records(
      day,
      departments.civilDeath(record, day, places.isInside(residence) ? residence : hukou, missed),
    );
  }
  if (places.isInside(hukou) && random.chance(missed ? 0.5 : 0.9)) {
    sim.records(
      day,
      departments.hukou(record, 'death', day, hukou, missed ? 'register_missing_death' : undefined),
    );
  }
}

/**
 * The survivor becomes widowed. A couple married by an event is linked in the register, which widows
 * the survivor itself; a baseline couple is not (persons.csv names no spouse), so a correction says it.
 */
function widow(sim: Simulation, survivor: number, deceased: number, day: number): void {
  const { pop } = sim;
  pop.marital[survivor] = MaritalCode.Widowed;
  pop.spouse[survivor] = NONE;
  pop.spouse[deceased] = NONE;
  if (pop.spouseLinked[survivor] === 1) pop.touch(survivor, day);
  else {
    const correctionDay = Math.max(day, pop.lastEventDay[survivor] ?? 0);
    sim.event(correctionDay, {
      type: 'correction',
      person_id: pop.personId(survivor),
      field: 'marital_status',
      value: '30',
      reason: '配偶死亡，婚姻状况更正为丧偶',
    });
    pop.touch(survivor, correctionDay);
  }
  pop.spouseLinked[survivor] = 0;
  pop.spouseLinked[deceased] = 0;
}

/** Relative chance of a further birth by the number of children already born. */
function parityFactor(childrenEverBorn: number): number {
  return [1.6, 1.3, 0.8, 0.4][childrenEverBorn] ?? 0.15;
}

export function simulateBirths(sim: Simulation): void {
  const { pop, random, options } = sim;
  // By 5-year age group (the rates are constant within one): women, and the parity-weighted eligible.
  const women = new Float64Array(7);
  const eligibleWeight = new Float64Array(7);
  const eligible: number[] = [];
  const latestConception = sim.yearEnd - BIRTH_SPACING_DAYS;
  for (let p = 0; p < pop.size; p++) {
    if (pop.sex[p] !== 2 || !pop.isAlive(p) || !sim.isPresent(p)) continue;
    const age = sim.age(p, sim.yearStart);
    if (age < 15 || age > 49) continue;
    const group = Math.floor((age - 15) / 5);
    women[group] = (women[group] ?? 0) + 1;
    if (pop.marital[p] !== MaritalCode.Married || (pop.lastBirthDay[p] ?? 0) > latestConception) continue;
    eligibleWeight[group] = (eligibleWeight[group] ?? 0) + parityFactor(pop.childrenEverBorn[p] ?? 0);
    eligible.push(p);
  }
  // Only married women who can have a child give birth, more often at low parity; their rates are
  // raised so that all women of the age group together have the age-specific rate of the TFR.
  for (const mother of eligible) {
    const age = sim.age(mother, sim.yearStart);
    const group = Math.floor((age - 15) / 5);
    const scale = (women[group] ?? 0) / Math.max(1, eligibleWeight[group] ?? 0);
    const parity = parityFactor(pop.childrenEverBorn[mother] ?? 0);
    const p = Math.min(0.9, fertilityRate(age, options.tfr) * scale * parity * sim.yearFraction);
    if (!random.chance(p)) continue;
    const day = sim.pickDay(
      Math.max(sim.lastEventOf(mother), (pop.lastBirthDay[mother] ?? 0) + BIRTH_SPACING_DAYS),
    );
    if (day !== undefined) giveBirth(sim, mother, day);
  }
}

function giveBirth(sim: Simulation, mother: number, day: number): void {
  const { pop, random, places, options, world } = sim;
  const sex = random.chance(options.srb / (100 + options.srb)) ? 1 : 2;
  const father = pop.spouse[mother] ?? NONE;
  const name = personName(random, pop.ethnicityCode(mother), sex, father === NONE ? null : pop.name(father));
  pop.childrenEverBorn[mother] = (pop.childrenEverBorn[mother] ?? 0) + 1;
  pop.lastBirthDay[mother] = day;
  pop.touch(mother, day);
  const motherHukou = pop.hukou[mother] ?? 0;
  const fatherHukou = father === NONE ? NONE : (pop.hukou[father] ?? NONE);
  const hukou = places.isInside(motherHukou) || !places.isInside(fatherHukou) ? motherHukou : fatherHukou;
  const residence = pop.residence[mother] ?? 0;
  const idNumber = world.ids.issue(places.region(hukou), day, sex);
  const certificate = sim.nextCertificate();
  const missed = random.chance(options.missedBirthRate);
  let personId = '';
  if (!missed) {
    const child = pop.add(sex, day, pop.ethnicity[mother] ?? 0);
    personId = pop.personId(child);
    pop.names[child] = name;
    pop.idNumbers[child] = idNumber;
    pop.setMother(child, mother);
    pop.father[child] = father;
    pop.hukou[child] = hukou;
    pop.residence[child] = residence;
    pop.hukouType[child] = sim.hukouTypeAt(hukou, day);
    pop.touch(child, day);
    // Most births are registered with the child's ID number; the rest get it by a later correction.
    const withId = random.chance(0.92);
    if (!withId) world.diffs.set(child, { noIdNumber: true });
    sim.event(day, {
      type: 'birth',
      person_id: personId,
      mother_id: pop.personId(mother),
      father_id: father === NONE ? '' : pop.personId(father),
      name,
      sex: String(sex),
      id_number: withId ? idNumber : '',
      ethnicity: pop.ethnicityCode(mother),
      birth_order: String(pop.childrenEverBorn[mother]),
      birth_cert_no: certificate,
      hukou_code: places.code(hukou),
      residence_code: places.code(residence),
      recorded_date: random.chance(0.04) ? sim.lateRecordedDate(day) : '',
    });
    infantDeath(sim, child, day);
  }
  const knownFather = father !== NONE && random.chance(0.7);
  sim.records(
    day,
    sim.departments.hospitalBirth({
      day,
      personId,
      name,
      sex,
      idNumber,
      place: residence,
      motherName: pop.name(mother),
      motherIdNumber: pop.idNumber(mother),
      fatherName: knownFather ? pop.name(father) : '',
      fatherIdNumber: knownFather ? pop.idNumber(father) : '',
      certificate,
    }),
  );
  if (places.isInside(hukou) && random.chance(missed ? 0.4 : 0.95)) {
    const record = { personId, name, sex, birthDay: day, idNumber } as const;
    const registered = day + (random.chance(0.7) ? 0 : random.between(1, 60));
    sim.records(
      day,
      sim.departments.hukou(
        record,
        'birth',
        registered,
        hukou,
        missed ? 'register_missing_birth' : undefined,
      ),
    );
  }
}

/** A newborn's risk of dying in its first months (the rest of its first year is the next years' risk). */
function infantDeath(sim: Simulation, child: number, day: number): void {
  const { random, pop, options } = sim;
  const remaining = sim.yearEnd - day;
  if (
    remaining <= 0 ||
    !random.chance(deathProbability(0, pop.sexOf(child), options.mortality) * (remaining / 365) * 0.6)
  ) {
    return;
  }
  const u = random.next();
  die(sim, child, day + Math.floor(u * u * remaining)); // most infant deaths are neonatal
}
