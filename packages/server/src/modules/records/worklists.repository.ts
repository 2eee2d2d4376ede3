// SQL of the reconciliation worklists. Items are derived from the stored decisions and the register as
// it is now: a conflict corrected in the register or a death registered leaves its list by itself.
// Scope: an item with a register person belongs where the person's hukou or residence lies; a birth
// the register lacks belongs where the record's place lies (the hospital's address, the hukou row's
// village). A hukou row of a birth the register lacks is a missing birth like a hospital's; when it
// records the same baby as a hospital birth (same_birth_records, ADR 0019) it rides on the hospital's
// item, which then also belongs to the hukou row's village. Hukou rows of other events without a
// register person (move-in, move-out, death) are on their own list (hukou_unmatched), in the row's
// village, with the closest candidate if the run found one.
import { HUKOU_UNMATCHED_EVENTS, type WorklistItem } from '@renkou/core';
import { sql, type Db } from '@renkou/db';
import type { Executor } from '../audit';

export type ResolvedItem = Exclude<WorklistItem, 'review'>;

/** A dot inside minority names is written four ways; none of them is a conflict. */
const sameDots = (column: string) => sql`translate(${sql.ref(column)}, '•・‧.', '····')`;
const recordField = (field: string) => sql`(r.payload->>${sql.lit(field)})`;

const nameDiffers = sql`(coalesce(${recordField('name')}, '') <> '' and translate(${recordField('name')}, '•・‧.', '····') <> ${sameDots('p.name')})`;
const birthDateDiffers = sql`(coalesce(${recordField('birth_date')}, '') <> '' and ${recordField('birth_date')} <> to_char(p.birth_date, 'YYYY-MM-DD'))`;
const sexDiffers = sql`(coalesce(${recordField('sex')}, '') <> '' and ${recordField('sex')} <> p.sex::text)`;
/**
 * Sources whose record's blind index is the person's own ID number (a hospital birth's is the
 * mother's; a death record's is the deceased's; a marriage party's its own). The register lacking an
 * ID the record has is a difference too (补录 by a correction).
 */
export const OWN_ID_SOURCES: readonly string[] = ['hukou', 'civil_deaths', 'civil_marriages'];
const idDiffers = sql`(d.source in (${sql.join(OWN_ID_SOURCES)}) and r.id_number_index is not null and r.id_number_index is distinct from p.id_number_index)`;
const anyDiffers = sql<boolean>`(${nameDiffers} or ${birthDateDiffers} or ${sexDiffers} or ${idDiffers})`;

const notResolved = (item: ResolvedItem) =>
  sql<boolean>`not exists (select 1 from link_resolutions x where x.decision_id = d.id and x.item = ${item})`;

/** A record merged into another (重复登记) is on no list: its items belong to the record that stays. */
const personInScope = (scope: string) =>
  sql<boolean>`(p.status <> 'merged' and (p.hukou_code like ${`${scope}%`} or p.residence_code like ${`${scope}%`}))`;
const recordInScope = (scope: string) => sql<boolean>`(r.jurisdiction_code like ${`${scope}%`})`;
/** A hospital birth with the hukou row of the same baby is also the hukou village's item. */
const birthInScope = (scope: string) =>
  sql<boolean>`(${recordInScope(scope)} or hr.jurisdiction_code like ${`${scope}%`})`;
const hukouBirth = sql<boolean>`(d.source = 'hukou' and ${recordField('event')} = 'birth')`;
/** The hukou row is shown on the hospital birth of the same baby, not on its own. */
const notOnHospitalBirth = sql<boolean>`not exists (select 1 from same_birth_records s where s.hukou_record_id = d.record_id)`;

/** The condition that puts a decision on a list (with its scope). */
function itemCondition(item: WorklistItem, scope: string) {
  switch (item) {
    case 'unregistered_birth':
      return sql<boolean>`d.verdict = 'non_match' and ${notResolved(item)} and ((d.source = 'hospital_births' and ${birthInScope(scope)}) or (${hukouBirth} and ${notOnHospitalBirth} and ${recordInScope(scope)}))`;
    case 'conflict':
      return sql<boolean>`d.verdict = 'match' and p.person_key is not null and ${anyDiffers} and ${notResolved(item)} and ${personInScope(scope)}`;
    case 'hukou_unmatched':
      return sql<boolean>`d.source = 'hukou' and ${recordField('event')} in (${sql.join(HUKOU_UNMATCHED_EVENTS)}) and d.verdict = 'non_match' and ${notResolved(item)} and ${recordInScope(scope)}`;
    case 'death_alive':
      return sql<boolean>`d.source = 'civil_deaths' and d.verdict = 'match' and p.status <> 'dead' and ${notResolved(item)} and ${personInScope(scope)}`;
    case 'review':
      return sql<boolean>`d.class = 'review' and d.resolution is null and ${personInScope(scope)}`;
  }
}

function fromDecisions(db: Executor) {
  return db
    .selectFrom('link_decisions as d')
    .innerJoin('department_records as r', (join) =>
      join.onRef('r.source', '=', 'd.source').onRef('r.record_id', '=', 'd.record_id'),
    )
    .leftJoin('persons as p', 'p.person_key', 'd.person_key')
    .leftJoin('same_birth_records as sb', (join) =>
      join.onRef('sb.hospital_record_id', '=', 'd.record_id').on('d.source', '=', 'hospital_births'),
    )
    .leftJoin('department_records as hr', (join) =>
      join.onRef('hr.record_id', '=', 'sb.hukou_record_id').on('hr.source', '=', 'hukou'),
    )
    .leftJoin('link_decisions as hd', (join) =>
      join.onRef('hd.record_id', '=', 'sb.hukou_record_id').on('hd.source', '=', 'hukou'),
    );
}

export async function countItems(db: Executor, item: WorklistItem, scope: string): Promise<number> {
  const row = await fromDecisions(db)
    .where(itemCondition(item, scope))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function itemOnList(
  db: Executor,
  item: WorklistItem,
  scope: string,
  id: string,
): Promise<boolean> {
  const row = await fromDecisions(db)
    .where('d.id', '=', id)
    .where(itemCondition(item, scope))
    .select('d.id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Deaths of people with an active benefit enrolment come first: their payments must stop. */
const activeBenefits = sql<
  string[] | null
>`(select array_agg(distinct e.programme_code order by e.programme_code) from benefit_enrolments e where e.person_key = d.person_key and e.status = 'active')`;

/** The record's and the person's columns every list and the review page show. */
const recordAndPerson = [
  'r.payload',
  'r.jurisdiction_code',
  'r.record_date',
  'p.name as person_name',
  'p.sex as person_sex',
  'p.birth_date as person_birth_date',
  'p.hukou_code as person_hukou_code',
  'p.residence_code as person_residence_code',
  'p.status as person_status',
  'r.id_number_index as record_id_index',
  'p.id_number_index as person_id_index',
  'p.sensitive as person_sensitive',
  // The hukou row of the same baby, on a hospital birth (ADR 0019).
  'hd.id as twin_decision_id',
  'hr.record_id as twin_record_id',
  'hr.payload as twin_payload',
  'hr.jurisdiction_code as twin_place',
  'hr.record_date as twin_date',
] as const;

export async function listItems(
  db: Executor,
  item: WorklistItem,
  scope: string,
  page: { limit: number; offset: number },
) {
  let query = fromDecisions(db)
    .where(itemCondition(item, scope))
    .select([
      'd.id',
      'd.source',
      'd.record_id',
      'd.person_key',
      'd.probability',
      'd.match_weight',
      'd.class',
      ...recordAndPerson,
    ])
    .select(activeBenefits.as('benefits'));
  query =
    item === 'death_alive'
      ? query.orderBy(sql`${activeBenefits} is null`).orderBy('r.record_date')
      : item === 'review'
        ? query.orderBy('d.probability', 'desc')
        : query.orderBy('r.record_date');
  return query.orderBy('d.record_id').limit(page.limit).offset(page.offset).execute();
}

export type ItemRow = Awaited<ReturnType<typeof listItems>>[number];

/** One decision with its record and person, whatever list it is on (scope checked by the caller). */
export async function findDecision(db: Executor, id: string) {
  return fromDecisions(db)
    .where('d.id', '=', id)
    .selectAll('d')
    .select([...recordAndPerson, 'p.death_date as person_death_date'])
    .select(activeBenefits.as('benefits'))
    .executeTakeFirst();
}

export type DecisionRow = NonNullable<Awaited<ReturnType<typeof findDecision>>>;

export async function resolutionsOf(db: Executor, decisionId: string) {
  return db.selectFrom('link_resolutions').selectAll().where('decision_id', '=', decisionId).execute();
}

export async function insertResolution(
  db: Executor,
  row: {
    decisionId: string;
    item: ResolvedItem;
    action: 'register' | 'correct' | 'keep' | 'dismiss';
    reason: string;
    by: string;
    at: Date;
  },
  /** The hukou row resolved with its hospital birth may have been resolved on its own before. */
  ifOpen = false,
): Promise<void> {
  await db
    .insertInto('link_resolutions')
    .values({
      decision_id: row.decisionId,
      item: row.item,
      action: row.action,
      reason: row.reason,
      resolved_by: row.by,
      resolved_at: row.at,
    })
    .$if(ifOpen, (q) => q.onConflict((oc) => oc.columns(['decision_id', 'item']).doNothing()))
    .execute();
}

export async function setReviewVerdict(
  db: Executor,
  id: string,
  verdict: 'match' | 'non_match',
  by: string,
  reason: string,
  at: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('link_decisions')
    .set({ verdict, resolution: verdict, resolved_by: by, reason, resolved_at: at })
    .where('id', '=', id)
    .where('class', '=', 'review')
    .where('resolution', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The register person whose ID number has this blind index (a newborn's mother). */
export async function personByIdIndex(db: Db, index: string) {
  return db
    .selectFrom('persons')
    .select(['person_key', 'name', 'hukou_code', 'residence_code'])
    .where('id_number_index', '=', index)
    .executeTakeFirst();
}
