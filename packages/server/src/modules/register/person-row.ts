// PersonState ↔ the persons projection row, plus the search keys of the name.
import { nameKeys, type PersonState } from '@renkou/core';
import type { Insertable, PersonsTable, Selectable } from '@renkou/db';
import type { IndexedName } from './name-grams';
import type { RegisterCipher } from './register-cipher';

export type PersonRow = Selectable<PersonsTable>;

export function personToRow(
  cipher: RegisterCipher,
  state: PersonState,
  lastEventDate: string,
): Insertable<PersonsTable> {
  const keys = nameKeys(state.name);
  return {
    person_key: state.personId,
    ...cipher.sealPerson(state),
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
    adopted: state.adopted,
    death_date: state.deathDate,
    duplicate_of: state.duplicateOf,
    status: state.status,
    attributes: JSON.stringify(state.attributes),
    last_event_date: lastEventDate,
  };
}

export function rowToPerson(cipher: RegisterCipher, row: PersonRow): PersonState {
  return {
    personId: row.person_key,
    ...cipher.openPerson(row.sensitive),
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
    adopted: row.adopted,
    deathDate: row.death_date,
    duplicateOf: row.duplicate_of,
    status: row.status as PersonState['status'],
    attributes: row.attributes,
  };
}

/** The name of a persons row as its search rows hold it. */
export function indexedNameOf(row: { person_key: string; name: string; name_pinyin: string }): IndexedName {
  return { personKey: row.person_key, name: row.name, pinyin: row.name_pinyin };
}
