// Register reads for benefits: the persons of a jurisdiction page by page, and each subject's family
// (children by the mother/father keys, the children's other parent or the spouse) as core records.
import { familyRecordsOf, type DeclaredFacts, type FamilyRecords, type PersonState } from '@renkou/core';
import { sql, type Selectable, type PersonsTable } from '@renkou/db';
import type { Executor } from '../audit';

export type PersonRecord = Selectable<PersonsTable>;

/** Opens the sealed fields of a persons row (the register's cipher). */
export type OpenSensitive = (
  sealed: string | null,
) => Pick<PersonState, 'idNumber' | 'disabilityGrade' | 'onlyChildCertificate'>;

export function personStateOf(row: PersonRecord, open: OpenSensitive): PersonState {
  return {
    personId: row.person_key,
    ...open(row.sensitive),
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

export async function findPersonRecord(db: Executor, key: string): Promise<PersonRecord | undefined> {
  return db.selectFrom('persons').selectAll().where('person_key', '=', key).executeTakeFirst();
}

export async function personRecords(db: Executor, keys: readonly string[]): Promise<PersonRecord[]> {
  if (keys.length === 0) return [];
  return db
    .selectFrom('persons')
    .selectAll()
    .where(sql<boolean>`person_key = any(${[...new Set(keys)]}::text[])`)
    .execute();
}

/** Living persons whose hukou lies in `scope`, in key order after `afterKey` (keyset paging). */
export async function livingPersonsPage(
  db: Executor,
  scope: string,
  afterKey: string | null,
  limit: number,
): Promise<PersonRecord[]> {
  // A record merged into another as its duplicate is screened as that other person, not twice.
  let query = db
    .selectFrom('persons')
    .selectAll()
    .where('death_date', 'is', null)
    .where('status', '<>', 'merged');
  if (scope !== '') query = query.where('hukou_code', 'like', `${scope}%`);
  if (afterKey !== null) query = query.where('person_key', '>', afterKey);
  return query.orderBy('person_key').limit(limit).execute();
}

/**
 * The family records of each subject, loaded in three queries whatever the number of subjects (keys
 * go as one array: as a list, a county-wide batch of 32,768 enrolments passed PostgreSQL's limit of
 * 65,535 parameters).
 */
export async function familiesOf(
  db: Executor,
  subjects: readonly PersonRecord[],
  open: OpenSensitive,
  declared: ReadonlyMap<string, DeclaredFacts> = new Map(),
): Promise<Map<string, FamilyRecords>> {
  const families = new Map<string, FamilyRecords>();
  if (subjects.length === 0) return families;
  const keys = subjects.map((s) => s.person_key);
  const children = await db
    .selectFrom('persons')
    .selectAll()
    .where(sql<boolean>`(mother_key = any(${keys}::text[]) or father_key = any(${keys}::text[]))`)
    // A child registered twice is one child (the merged record is the duplicate).
    .where('status', '<>', 'merged')
    .execute();
  const known = new Set([...keys, ...children.map((c) => c.person_key)]);
  const others = new Set<string>();
  for (const child of children) {
    for (const key of [child.mother_key, child.father_key]) if (key && !known.has(key)) others.add(key);
  }
  for (const subject of subjects) {
    if (subject.spouse_key && !known.has(subject.spouse_key)) others.add(subject.spouse_key);
  }
  const otherRows = await personRecords(db, [...others]);
  const states = new Map<string, PersonState>();
  for (const row of [...subjects, ...children, ...otherRows]) {
    if (!states.has(row.person_key)) states.set(row.person_key, personStateOf(row, open));
  }
  const childrenOf = new Map<string, PersonState[]>();
  for (const child of children) {
    const state = states.get(child.person_key)!;
    for (const parent of new Set([child.mother_key, child.father_key])) {
      if (parent === null) continue;
      const list = childrenOf.get(parent) ?? [];
      list.push(state);
      childrenOf.set(parent, list);
    }
  }
  for (const subject of subjects) {
    const state = states.get(subject.person_key)!;
    const own = childrenOf.get(subject.person_key) ?? [];
    const pool: PersonState[] = [state, ...own];
    for (const child of own) {
      for (const key of [child.motherId, child.fatherId]) {
        const parent = key ? states.get(key) : undefined;
        if (parent && parent !== state) pool.push(parent);
      }
    }
    const spouse = subject.spouse_key ? states.get(subject.spouse_key) : undefined;
    if (spouse) pool.push(spouse);
    families.set(subject.person_key, familyRecordsOf(state, pool, declared.get(subject.person_key)));
  }
  return families;
}
