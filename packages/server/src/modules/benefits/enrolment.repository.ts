// SQL of live enrolments (active or suspended) with what the life-events worklist and the 年审 need:
// the person's register row, the days their current hukou and residence places were registered, and
// the facts the family declared with the application (奖扶's historical condition).
import type { DeclaredFacts } from '@renkou/core';
import type { BenefitEnrolmentsTable, Selectable } from '@renkou/db';
import type { Executor } from '../audit';

export type EnrolmentRow = Selectable<BenefitEnrolmentsTable>;

export async function findEnrolment(db: Executor, id: string): Promise<EnrolmentRow | undefined> {
  return db.selectFrom('benefit_enrolments').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Live enrolments within a jurisdiction (optionally one programme or one enrolment), with their
 * person's facts; with `arriving`, also those whose person now lives or has the hukou there.
 */
export async function liveEnrolments(
  db: Executor,
  within: string,
  only: { programmeCode?: string; enrolmentId?: string; arriving?: boolean } = {},
) {
  let query = db
    .selectFrom('benefit_enrolments as e')
    .innerJoin('benefit_applications as a', 'a.id', 'e.application_id')
    .leftJoin('persons as p', 'p.person_key', 'e.person_key')
    .leftJoin('person_places as h', (join) =>
      join.onRef('h.person_key', '=', 'e.person_key').on('h.kind', '=', 'hukou').on('h.valid_to', 'is', null),
    )
    .leftJoin('person_places as r', (join) =>
      join
        .onRef('r.person_key', '=', 'e.person_key')
        .on('r.kind', '=', 'residence')
        .on('r.valid_to', 'is', null),
    )
    .select([
      'e.id',
      'e.application_id',
      'e.programme_code',
      'e.person_key',
      'e.hukou_code',
      'e.category_code',
      'e.from_month',
      'e.suspended_from',
      'e.status',
      'a.declared',
      'p.name',
      'p.id_number_masked',
      'p.birth_date',
      'p.death_date',
      'p.hukou_code as current_hukou_code',
      'h.valid_from as hukou_since',
      'p.residence_code as current_residence_code',
      'r.valid_from as residence_since',
    ])
    .where('e.status', 'in', ['active', 'suspended']);
  if (within !== '' && only.arriving) {
    query = query.where((eb) =>
      eb.or([
        eb('e.hukou_code', 'like', `${within}%`),
        eb('p.hukou_code', 'like', `${within}%`),
        eb('p.residence_code', 'like', `${within}%`),
      ]),
    );
  } else if (within !== '') query = query.where('e.hukou_code', 'like', `${within}%`);
  if (only.programmeCode) query = query.where('e.programme_code', '=', only.programmeCode);
  if (only.enrolmentId) query = query.where('e.id', '=', only.enrolmentId);
  const rows = await query
    .orderBy('e.hukou_code')
    .orderBy('e.person_key')
    .orderBy('e.programme_code')
    .execute();
  // One row per enrolment even if a place history ever held two open hukou intervals.
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.id) && seen.add(row.id));
}

export type LiveEnrolment = Awaited<ReturnType<typeof liveEnrolments>>[number];

/** The declared facts of each person's application, keyed by person (one live enrolment per programme). */
export function declaredByPerson(rows: readonly { person_key: string; declared: unknown }[]) {
  return new Map(rows.map((row) => [row.person_key, row.declared as DeclaredFacts]));
}
