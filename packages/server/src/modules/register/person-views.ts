// What the API shows of a person: masked ID number, sensitive fields only as "present", the family,
// a timeline of events in plain Chinese and the residence/hukou history.
import { effectiveEvents, maskIdNumber, type RegisterEvent } from '@renkou/core';
import type { LoggedEvent } from './register.repository';
import type { PersonRow } from './person-row';

export interface PersonSummary {
  personKey: string;
  name: string;
  sex: number;
  birthDate: string;
  idNumberMasked: string | null;
  residenceCode: string;
  residenceName: string | null;
  hukouCode: string;
  status: string;
  householdId: string | null;
}

export interface PersonView extends PersonSummary {
  hukouName: string | null;
  ethnicity: string | null;
  relation: string | null;
  maritalStatus: string | null;
  childrenEverBorn: number;
  birthOrder: number | null;
  hukouType: string | null;
  adopted: boolean;
  deathDate: string | null;
  /** Sensitive values are never sent; only whether the register holds one. */
  /** The record this one duplicates (status 'merged'), kept with its own history. */
  duplicateOf: string | null;
  hasDisabilityGrade: boolean;
  hasOnlyChildCertificate: boolean;
  attributes: Record<string, string>;
}

export type Kinship = 'mother' | 'father' | 'spouse' | 'child' | 'household';

export interface RelativeView {
  personKey: string;
  name: string;
  sex: number;
  birthDate: string;
  kinship: Kinship;
  status: string;
}

export interface TimelineEntry {
  eventId: string;
  type: string;
  date: string;
  recordedDate: string;
  role: 'subject' | 'mother' | 'father' | 'spouse';
  summary: string;
  voided: boolean;
}

export interface PlaceView {
  kind: 'residence' | 'hukou';
  validFrom: string;
  validTo: string | null;
  code: string;
  name: string | null;
}

export function summaryOf(row: PersonRow, names: Map<string, string>): PersonSummary {
  return {
    personKey: row.person_key,
    name: row.name,
    sex: row.sex,
    birthDate: row.birth_date,
    idNumberMasked: row.id_number_masked,
    residenceCode: row.residence_code,
    residenceName: names.get(row.residence_code) ?? null,
    hukouCode: row.hukou_code,
    status: row.status,
    householdId: row.household_id,
  };
}

export function viewOf(
  row: PersonRow,
  names: Map<string, string>,
  sensitive: { disabilityGrade: number | null; onlyChildCertificate: string | null },
): PersonView {
  return {
    ...summaryOf(row, names),
    hukouName: names.get(row.hukou_code) ?? null,
    ethnicity: row.ethnicity,
    relation: row.relation,
    maritalStatus: row.marital_status,
    childrenEverBorn: row.children_ever_born,
    birthOrder: row.birth_order,
    hukouType: row.hukou_type,
    adopted: row.adopted,
    deathDate: row.death_date,
    duplicateOf: row.duplicate_of,
    hasDisabilityGrade: sensitive.disabilityGrade !== null,
    hasOnlyChildCertificate: sensitive.onlyChildCertificate !== null,
    attributes: row.attributes,
  };
}

export function kinshipOf(person: PersonRow, other: PersonRow): Kinship {
  if (other.person_key === person.mother_key) return 'mother';
  if (other.person_key === person.father_key) return 'father';
  if (other.person_key === person.spouse_key) return 'spouse';
  if (other.mother_key === person.person_key || other.father_key === person.person_key) return 'child';
  return 'household';
}

const fieldLabels: Record<string, string> = {
  name: '姓名',
  sex: '性别',
  birth_date: '出生日期',
  id_number: '身份证号',
  ethnicity: '民族',
  hukou_type: '户口性质',
  disability_grade: '残疾等级',
  marital_status: '婚姻状况',
};

function describe(event: RegisterEvent, name: (code: string) => string): string {
  switch (event.type) {
    case 'birth':
      return `出生（孩次 ${event.birthOrder ?? '—'}），户籍 ${name(event.hukouCode)}`;
    case 'death':
      return '死亡';
    case 'move':
      return `居住地 ${name(event.fromCode)} → ${name(event.toCode)}`;
    case 'hukou':
      return `户籍 ${name(event.fromCode)} → ${name(event.toCode)}`;
    case 'marriage':
      return `结婚（配偶 ${event.spouseId}）`;
    case 'divorce':
      return `离婚（原配偶 ${event.spouseId}）`;
    case 'correction': {
      const value =
        event.field === 'id_number'
          ? maskIdNumber(event.value)
          : event.field === 'disability_grade'
            ? '（敏感信息）'
            : event.value || '（清空）';
      return `更正${fieldLabels[event.field] ?? event.field}为 ${value}：${event.reason}`;
    }
    case 'void':
      return `作废事件 ${event.targetEventId}：${event.reason}`;
  }
}

export function timelineOf(
  personKey: string,
  log: readonly LoggedEvent[],
  names: Map<string, string>,
): TimelineEntry[] {
  const events = log.filter((e) => e.kind !== 'baseline').map((e) => e.payload as RegisterEvent);
  const effective = effectiveEvents(events);
  const active = new Set(
    effective.ok ? effective.events.map((e) => e.eventId) : events.map((e) => e.eventId),
  );
  const name = (code: string) => names.get(code) ?? code;
  return log
    .filter((e) => e.kind !== 'baseline')
    .map((e) => {
      const event = e.payload as RegisterEvent;
      const role: TimelineEntry['role'] =
        event.personId === personKey
          ? 'subject'
          : event.type === 'birth' && event.motherId === personKey
            ? 'mother'
            : event.type === 'birth'
              ? 'father'
              : 'spouse';
      return {
        eventId: event.eventId,
        type: event.type,
        date: event.date,
        recordedDate: event.recordedDate ?? e.recorded_date,
        role,
        summary: describe(event, name),
        voided: event.type !== 'void' && !active.has(event.eventId),
      };
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function placeCodes(log: readonly LoggedEvent[]): string[] {
  const codes: string[] = [];
  for (const e of log) {
    const event = e.payload as RegisterEvent;
    if (event.type === 'move' || event.type === 'hukou') codes.push(event.fromCode, event.toCode);
    if (event.type === 'birth') codes.push(event.hukouCode);
  }
  return codes;
}
