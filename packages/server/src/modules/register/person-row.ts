// PersonState ↔ the persons projection row, plus the search keys of the name.
import { nameKeys, type PersonState } from '@renkou/core';
import type { Insertable, PersonsTable, Selectable } from '@renkou/db';

export type PersonRow = Selectable<PersonsTable>;

export function personToRow(state: PersonState, lastEventDate: string): Insertable<PersonsTable> {
  const keys = nameKeys(state.name);
  return {
    person_key: state.personId,
    id_number: state.idNumber,
    name: state.name,
    name_pinyin: keys.pinyin,
    name_initials: keys.initials,
    sex: state.sex,
    birth_date: state.birthDate,
    ethnicity: state.ethnicity,
    hukou_code: state.hukouCode,
    residence_code: state.residenceCode,
    household_id: state.householdId,
    relation: state.relation,
    marital_status: state.maritalStatus,
    spouse_key: state.spouseId,
    mother_key: state.motherId,
    father_key: state.fatherId,
    children_ever_born: state.childrenEverBorn,
    birth_order: state.birthOrder,
    hukou_type: state.hukouType,
    disability_grade: state.disabilityGrade,
    only_child_certificate: state.onlyChildCertificate,
    adopted: state.adopted,
    death_date: state.deathDate,
    status: state.status,
    attributes: JSON.stringify(state.attributes),
    last_event_date: lastEventDate,
  };
}

export function rowToPerson(row: PersonRow): PersonState {
  return {
    personId: row.person_key,
    idNumber: row.id_number,
    name: row.name,
    sex: row.sex as PersonState['sex'],
    birthDate: row.birth_date,
    ethnicity: row.ethnicity,
    hukouCode: row.hukou_code,
    residenceCode: row.residence_code,
    householdId: row.household_id,
    relation: row.relation as PersonState['relation'],
    maritalStatus: row.marital_status as PersonState['maritalStatus'],
    spouseId: row.spouse_key,
    motherId: row.mother_key,
    fatherId: row.father_key,
    childrenEverBorn: row.children_ever_born,
    birthOrder: row.birth_order,
    hukouType: row.hukou_type as PersonState['hukouType'],
    disabilityGrade: row.disability_grade as PersonState['disabilityGrade'],
    onlyChildCertificate: row.only_child_certificate,
    adopted: row.adopted,
    deathDate: row.death_date,
    status: row.status as PersonState['status'],
    attributes: row.attributes,
  };
}
