// The register fixing itself: corrections of the baseline's mistakes (a misheard name, a mistyped
// birth date, a missing ID number), new disability certificates, hukou type conversions after the
// 2014 reform; and mistaken entries voided a few weeks later, each with its reason.
import { dateFromDay } from './days';
import { RESIDENT_HUKOU_SINCE } from './policies';
import { homophone } from './record-errors';
import type { Simulation } from './simulation';

/** Yearly chance that a known baseline mistake gets corrected. */
const FIX_RATE = 0.25;

export function simulateCorrections(sim: Simulation): void {
  const { pop, random, world } = sim;
  for (const [person, diff] of world.diffs) {
    if (!random.chance(FIX_RATE * sim.yearFraction)) continue;
    // A correction fixes the record whenever it is made (also after a death), but not before the person exists.
    const day = sim.pickDay(Math.max(sim.yearStart, (pop.birthDay[person] ?? 0) + 1));
    if (day === undefined) continue;
    const correct = (field: string, value: string, reason: string) =>
      sim.event(day, { type: 'correction', person_id: pop.personId(person), field, value, reason });
    if (diff.name !== undefined) correct('name', pop.name(person), '姓名登记有误，据户口簿更正');
    if (diff.birthDay !== undefined) {
      correct('birth_date', dateFromDay(pop.birthDay[person] ?? 0), '出生日期登记有误，据出生医学证明更正');
    }
    if (diff.noIdNumber) correct('id_number', pop.idNumber(person), '补录公民身份号码');
    world.diffs.delete(person);
  }
  const size = pop.size;
  const pickLiving = (minAge: number): number | undefined => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const person = random.int(size);
      if (pop.isAlive(person) && sim.isPresent(person) && sim.age(person, sim.yearStart) >= minAge)
        return person;
    }
    return undefined;
  };
  const assessments = random.poisson(0.002 * size * sim.yearFraction);
  for (let i = 0; i < assessments; i++) {
    const person = pickLiving(30);
    const day = person === undefined ? undefined : sim.pickDay(sim.lastEventOf(person)); // not before an arrival
    if (person === undefined || day === undefined) continue;
    // A first certificate, or a re-assessment one grade more severe (1 is the most severe).
    const current = pop.disability[person] ?? 0;
    if (current === 1) continue;
    const grade = current === 0 ? random.pick([2, 3, 3, 4, 4, 4]) : current - 1;
    pop.disability[person] = grade;
    sim.event(day, {
      type: 'correction',
      person_id: pop.personId(person),
      field: 'disability_grade',
      value: String(grade),
      reason: '新办或换领残疾人证',
    });
  }
  if (sim.yearStart >= RESIDENT_HUKOU_SINCE) {
    const conversions = random.poisson(0.002 * size * sim.yearFraction);
    for (let i = 0; i < conversions; i++) {
      const person = pickLiving(0);
      const day = person === undefined ? undefined : sim.pickDay(sim.lastEventOf(person)); // not before an arrival
      if (person === undefined || day === undefined) continue;
      const type = pop.hukouType[person] ?? 0;
      if (type !== 1 && type !== 2) continue;
      pop.hukouType[person] = 3;
      sim.event(day, {
        type: 'correction',
        person_id: pop.personId(person),
        field: 'hukou_type',
        value: 'resident',
        reason: '户籍制度改革，统一登记为居民户口',
      });
    }
  }
}

/** Mistaken moves and corrections, voided after a few days or weeks (the person has no event in between). */
export function simulateVoids(sim: Simulation): void {
  const { pop, places, random, options } = sim;
  const size = pop.size;
  const count = random.poisson(0.0006 * size * sim.yearFraction);
  for (let i = 0; i < count; i++) {
    const person = random.int(size);
    if (!pop.isAlive(person) || !sim.isPresent(person)) continue;
    const day = sim.pickDay(sim.lastEventOf(person));
    if (day === undefined) continue;
    const voidDay = day + random.between(2, 45);
    if (voidDay > options.toDay) continue;
    const residence = pop.residence[person] ?? 0;
    let target: string;
    let reason: string;
    if (places.isInside(residence) && random.chance(0.7)) {
      const wrong = places.neighbour(random, residence);
      if (wrong === residence) continue;
      target = sim.event(day, {
        type: 'move',
        person_id: pop.personId(person),
        from_code: places.code(residence),
        to_code: places.code(wrong),
      });
      reason = '误登记迁移，撤销';
    } else {
      const wrongName = homophone(random, pop.name(person));
      if (wrongName === undefined) continue;
      target = sim.event(day, {
        type: 'correction',
        person_id: pop.personId(person),
        field: 'name',
        value: wrongName,
        reason: '据申请更正姓名',
      });
      reason = '更正依据不足，撤销';
    }
    sim.event(voidDay, { type: 'void', person_id: pop.personId(person), target_event_id: target, reason });
    pop.touch(person, voidDay);
  }
}
