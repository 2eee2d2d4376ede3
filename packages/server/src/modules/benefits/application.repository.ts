// SQL of applications, their trail, 公示 notices, objections and enrolments. The application's state
// (approvals, notice, objections, enrolment) is the core's object without its trail; the trail is
// the append-only benefit_application_steps, one row per transition.
import type { BenefitApplication, TrailStep } from '@renkou/core';
import { sql, type BenefitApplicationsTable, type Insertable, type Selectable } from '@renkou/db';
import type { Executor } from '../audit';

export type ApplicationRow = Selectable<BenefitApplicationsTable>;
type StoredState = Omit<BenefitApplication, 'trail'>;

export function stateOf(app: BenefitApplication): string {
  const { trail: _trail, ...state } = app;
  return JSON.stringify(state);
}

export async function insertApplication(
  db: Executor,
  row: Insertable<BenefitApplicationsTable>,
): Promise<void> {
  await db.insertInto('benefit_applications').values(row).execute();
}

export async function findApplicationRow(db: Executor, id: string): Promise<ApplicationRow | undefined> {
  return db.selectFrom('benefit_applications').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function trailOf(db: Executor, id: string) {
  return db
    .selectFrom('benefit_application_steps')
    .selectAll()
    .where('application_id', '=', id)
    .orderBy('step_no')
    .execute();
}

export async function loadApplication(
  db: Executor,
  row: ApplicationRow,
): Promise<{ app: BenefitApplication; steps: Awaited<ReturnType<typeof trailOf>> }> {
  const steps = await trailOf(db, row.id);
  const trail: TrailStep[] = steps.map((step) => ({
    date: step.date,
    userId: step.user_id,
    action: step.action as TrailStep['action'],
    from: step.from_status as TrailStep['from'],
    to: step.to_status as TrailStep['to'],
    ...(step.reason !== null ? { reason: step.reason } : {}),
  }));
  return { app: { ...(row.state as StoredState), trail }, steps };
}

export async function insertSteps(
  db: Executor,
  applicationId: string,
  firstStepNo: number,
  steps: readonly TrailStep[],
  username: string | null,
  at: Date,
): Promise<void> {
  if (steps.length === 0) return;
  await db
    .insertInto('benefit_application_steps')
    .values(
      steps.map((step, index) => ({
        application_id: applicationId,
        step_no: firstStepNo + index,
        action: step.action,
        from_status: step.from,
        to_status: step.to,
        date: step.date,
        user_id: step.userId,
        username,
        reason: step.reason ?? null,
        at,
      })),
    )
    .execute();
}

/** Writes the new state if nobody changed the case since it was read; false otherwise. */
export async function updateApplication(
  db: Executor,
  id: string,
  version: number,
  app: BenefitApplication,
  at: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('benefit_applications')
    .set({ status: app.status, state: stateOf(app), version: version + 1, updated_at: at })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface ApplicationFilter {
  within: string;
  status?: string;
  programmeCode?: string;
  page: number;
  pageSize: number;
}

export async function listApplications(db: Executor, filter: ApplicationFilter) {
  let query = db
    .selectFrom('benefit_applications as a')
    .innerJoin('persons as p', 'p.person_key', 'a.person_key');
  if (filter.within !== '') query = query.where('a.hukou_code', 'like', `${filter.within}%`);
  if (filter.status) query = query.where('a.status', '=', filter.status);
  if (filter.programmeCode) query = query.where('a.programme_code', '=', filter.programmeCode);
  const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const items = await query
    .select([
      'a.id',
      'a.programme_code',
      'a.person_key',
      'a.hukou_code',
      'a.status',
      'a.entered_on',
      'a.updated_at',
      'p.name',
      'p.id_number_masked',
    ])
    .orderBy('a.hukou_code')
    .orderBy('a.id')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { total: Number(n), items };
}

export async function insertNotice(
  db: Executor,
  notice: {
    id: string;
    applicationId: string;
    round: number;
    villageCode: string;
    programmeCode: string;
    personName: string;
    idNumberMasked: string | null;
    amountFen: number;
    amountBasis: 'per_month' | 'per_year' | 'once';
    firstDay: string;
    lastDay: string;
  },
): Promise<void> {
  await db
    .insertInto('benefit_notices')
    .values({
      id: notice.id,
      application_id: notice.applicationId,
      round: notice.round,
      village_code: notice.villageCode,
      programme_code: notice.programmeCode,
      person_name: notice.personName,
      id_number_masked: notice.idNumberMasked,
      amount_fen: notice.amountFen,
      amount_basis: notice.amountBasis,
      first_day: notice.firstDay,
      last_day: notice.lastDay,
      taken_down_on: null,
    })
    .execute();
}

/** Takes the open notice of an application down (its period ended, or the case left the notice). */
export async function takeDownNotices(db: Executor, applicationId: string, date: string): Promise<void> {
  await db
    .updateTable('benefit_notices')
    .set({ taken_down_on: date })
    .where('application_id', '=', applicationId)
    .where('taken_down_on', 'is', null)
    .execute();
}

/** The notices on show in a village (or every village under a prefix) on `date`. */
export async function noticesOn(db: Executor, villagePrefix: string, date: string) {
  return db
    .selectFrom('benefit_notices as n')
    .innerJoin('benefit_programmes as g', 'g.code', 'n.programme_code')
    .leftJoin('jurisdictions as j', 'j.code', 'n.village_code')
    .select([
      'n.id',
      'n.application_id',
      'n.village_code',
      'j.name as village_name',
      'n.programme_code',
      'g.name as programme_name',
      'n.person_name',
      'n.id_number_masked',
      'n.amount_fen',
      'n.amount_basis',
      'n.first_day',
      'n.last_day',
    ])
    .where('n.village_code', 'like', `${villagePrefix}%`)
    .where('n.first_day', '<=', date)
    .where('n.last_day', '>=', date)
    .where((eb) => eb.or([eb('n.taken_down_on', 'is', null), eb('n.taken_down_on', '>', date)]))
    .orderBy('n.village_code')
    .orderBy(sql`n.person_name`)
    .execute();
}

export async function noticesOf(db: Executor, applicationId: string) {
  return db
    .selectFrom('benefit_notices')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('round')
    .execute();
}

export async function insertObjection(
  db: Executor,
  applicationId: string,
  objection: BenefitApplication['objections'][number],
): Promise<void> {
  await db
    .insertInto('benefit_objections')
    .values({
      id: objection.id,
      application_id: applicationId,
      notice_round: objection.noticeRound,
      raised_on: objection.raisedOn,
      recorded_by: objection.recordedBy,
      summary: objection.summary,
      status: objection.status,
      finding: objection.finding,
      resolved_by: objection.resolvedBy,
      resolved_on: objection.resolvedOn,
    })
    .execute();
}

export async function updateObjection(
  db: Executor,
  objection: BenefitApplication['objections'][number],
): Promise<void> {
  await db
    .updateTable('benefit_objections')
    .set({
      status: objection.status,
      finding: objection.finding,
      resolved_by: objection.resolvedBy,
      resolved_on: objection.resolvedOn,
    })
    .where('id', '=', objection.id)
    .execute();
}

export async function findEnrolmentOfApplication(db: Executor, applicationId: string) {
  return db
    .selectFrom('benefit_enrolments')
    .selectAll()
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
}
