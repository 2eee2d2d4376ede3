// persons.csv rows from the baseline people, with the register's own baseline mistakes.
import { dateFromDay } from './days';
import { HUKOU_TYPE_NAMES, NONE, RELATION_NAMES } from './population';
import type { SyntheticPersonRow } from './rows';
import type { World } from './world';

export function* baselineRows(world: World): Generator<SyntheticPersonRow> {
  const { population: pop, places, diffs } = world;
  for (let p = 0; p < world.baselineSize; p++) {
    const diff = diffs.get(p);
    const hukou = pop.hukou[p] ?? 0;
    const residence = pop.residence[p] ?? 0;
    const mother = pop.mother[p] ?? NONE;
    const father = pop.father[p] ?? NONE;
    const household = pop.household[p] ?? NONE;
    const certificate = pop.onlyChildCertificate[p] ?? NONE;
    yield {
      person_id: pop.personId(p),
      id_number: diff?.noIdNumber ? '' : pop.idNumber(p),
      name: diff?.name ?? pop.name(p),
      sex: String(pop.sex[p]),
      birth_date: dateFromDay(diff?.birthDay ?? pop.birthDay[p] ?? 0),
      ethnicity: pop.ethnicityCode(p),
      hukou_code: places.code(hukou),
      residence_code: residence === hukou ? '' : places.code(residence),
      household_id: household === NONE ? '' : `H${String(household + 1).padStart(7, '0')}`,
      relation: RELATION_NAMES[pop.relation[p] ?? 0] ?? '',
      marital_status: String(pop.marital[p]),
      mother_id: mother === NONE ? '' : pop.personId(mother),
      father_id: father === NONE ? '' : pop.personId(father),
      children_ever_born:
        pop.sex[p] === 2 && (pop.childrenEverBorn[p] ?? 0) > 0 ? String(pop.childrenEverBorn[p]) : '',
      hukou_type: HUKOU_TYPE_NAMES[pop.hukouType[p] ?? 0] ?? '',
      disability_grade: pop.disability[p] ? String(pop.disability[p]) : '',
      only_child_certificate: certificate === NONE ? '' : dateFromDay(certificate),
    };
  }
}
