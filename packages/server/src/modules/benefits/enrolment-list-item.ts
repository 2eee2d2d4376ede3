// A live enrolment as the worklists show it (年审 and life events): the enrolment and the person.
import type { EnrolmentListItem, ProgrammeDefinition } from '@renkou/core';
import type { LiveEnrolment } from './enrolment.repository';

export function enrolmentListItem(row: LiveEnrolment, programme: ProgrammeDefinition): EnrolmentListItem {
  return {
    enrolmentId: row.id,
    applicationId: row.application_id,
    programmeCode: row.programme_code,
    programmeName: programme.shortName,
    personKey: row.person_key,
    name: row.name,
    idNumberMasked: row.id_number_masked,
    hukouCode: row.hukou_code,
    enrolmentStatus: row.status,
    fromMonth: row.from_month,
  };
}
