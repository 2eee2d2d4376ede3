// A family's benefits for the register's person page: the applications of the person, their spouse,
// parents and children (by the register's keys), each with its programme, status, enrolment months
// and what has been paid. Scope is the person's (hukou or residence), as for the person page.
import {
  applicationStatusLabels,
  assertRecordInScope,
  authorize,
  Permission,
  type Actor,
  type ApplicationStatus,
} from '@renkou/core';
import { notFound, type BenefitsContext } from './benefits-context';
import { findPersonRecord } from './family.repository';

export type FamilyRole = 'self' | 'spouse' | 'parent' | 'child';

export class FamilyBenefitsService {
  constructor(private readonly context: BenefitsContext) {}

  async ofPerson(actor: Actor, personKey: string) {
    authorize(actor, Permission.BenefitRead);
    const { db } = this.context;
    const person = await findPersonRecord(db, personKey);
    if (!person) throw notFound('人员');
    assertRecordInScope(actor, [person.hukou_code, person.residence_code], '人员');
    const children = await db
      .selectFrom('persons')
      .select('person_key')
      .where((eb) => eb.or([eb('mother_key', '=', personKey), eb('father_key', '=', personKey)]))
      .where('status', '<>', 'merged')
      .execute();
    const roles = new Map<string, FamilyRole>([[personKey, 'self']]);
    if (person.spouse_key) roles.set(person.spouse_key, 'spouse');
    for (const key of [person.mother_key, person.father_key])
      if (key && !roles.has(key)) roles.set(key, 'parent');
    for (const { person_key } of children) if (!roles.has(person_key)) roles.set(person_key, 'child');
    const rows = await db
      .selectFrom('benefit_applications as a')
      .innerJoin('benefit_programmes as g', 'g.code', 'a.programme_code')
      .leftJoin('persons as p', 'p.person_key', 'a.person_key')
      .leftJoin('benefit_enrolments as e', 'e.application_id', 'a.id')
      .select((eb) => [
        'a.id',
        'a.person_key',
        'p.name',
        'a.programme_code',
        'g.short_name as programme_name',
        'a.status',
        'a.entered_on',
        'e.from_month',
        'e.suspended_from',
        'e.ends_before',
        eb
          .selectFrom('benefit_payment_lines as l')
          .select((sub) => sub.fn.coalesce(sub.fn.sum<number>('l.amount_fen'), sub.lit(0)).as('paid'))
          .whereRef('l.enrolment_id', '=', 'e.id')
          .where('l.status', '=', 'paid')
          .as('paid_fen'),
      ])
      .where('a.person_key', 'in', [...roles.keys()])
      .orderBy('a.entered_on', 'desc')
      .orderBy('a.id')
      .execute();
    await this.context.audit.record(
      db,
      { actor },
      {
        action: 'benefit.family.read',
        targetType: 'person',
        targetIds: [
          personKey,
          ...new Set(rows.map((row) => row.person_key).filter((key) => key !== personKey)),
        ],
        jurisdiction: person.hukou_code,
      },
    );
    return {
      personKey,
      items: rows.map((row) => ({
        applicationId: row.id,
        personKey: row.person_key,
        name: row.name,
        role: roles.get(row.person_key) ?? 'self',
        programmeCode: row.programme_code,
        programmeName: row.programme_name,
        status: row.status,
        statusLabel: applicationStatusLabels[row.status as ApplicationStatus] ?? row.status,
        enteredOn: row.entered_on,
        fromMonth: row.from_month,
        suspendedFrom: row.suspended_from,
        endsBefore: row.ends_before,
        paidFen: Number(row.paid_fen ?? 0),
      })),
    };
  }
}
