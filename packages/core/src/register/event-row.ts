// events.csv rows ↔ RegisterEvent. Reading checks what one row can show on its own (required cells,
// values, the shape of dates); the reducers check the rest against the register.
import type { ArrivalFields, BirthEvent, EventType, RegisterEvent } from './model';
import { EVENT_TYPES } from './model';
import { normalizePersonName } from './names';
import { RegisterErrorCode, registerError, type RegisterError } from './problems';
import { isCalendarDate } from './dates';
import { parseCount, parseEthnicity, parseSex } from './values';

/** The columns of events.csv (interchange §1), in the order the export writes them. */
export const EVENT_COLUMNS = [
  'event_id',
  'type',
  'date',
  'person_id',
  'mother_id',
  'father_id',
  'name',
  'sex',
  'id_number',
  'ethnicity',
  'birth_date',
  'birth_order',
  'birth_cert_no',
  'hukou_code',
  'residence_code',
  'from_code',
  'to_code',
  'spouse_id',
  'field',
  'value',
  'reason',
  'target_event_id',
  'cause',
  'recorded_date',
] as const;
export type EventColumn = (typeof EVENT_COLUMNS)[number];
export type EventRow = Partial<Record<EventColumn, string>>;

export type EventRowResult = { ok: true; event: RegisterEvent } | { ok: false; errors: RegisterError[] };

class RowReader {
  readonly errors: RegisterError[] = [];
  constructor(private readonly row: EventRow) {}

  optional(column: EventColumn): string | null {
    const value = (this.row[column] ?? '').trim();
    return value === '' ? null : value;
  }

  required(column: EventColumn, label: string): string {
    const value = this.optional(column);
    if (value === null)
      this.errors.push(registerError(RegisterErrorCode.MissingField, column, `缺少${label}`));
    return value ?? '';
  }

  date(column: EventColumn, label: string, required: boolean): string | null {
    const value = required ? this.required(column, label) : this.optional(column);
    if (value && !isCalendarDate(value)) {
      this.errors.push(
        registerError(RegisterErrorCode.InvalidDate, column, `${label} ${value} 不是有效日期`),
      );
    }
    return value;
  }

  coded<T>(column: EventColumn, label: string, parse: (raw: string) => T | undefined): T | null {
    const value = this.optional(column);
    if (value === null) return null;
    const parsed = parse(value);
    if (parsed === undefined) {
      this.errors.push(registerError(RegisterErrorCode.InvalidValue, column, `${label}的值不正确：${value}`));
      return null;
    }
    return parsed;
  }
}

function arrivalFields(r: RowReader): ArrivalFields {
  const name = r.optional('name');
  return {
    name: name === null ? null : normalizePersonName(name),
    sex: r.coded('sex', '性别', parseSex),
    idNumber: r.optional('id_number'),
    birthDate: r.date('birth_date', '出生日期', false),
    ethnicity: r.coded('ethnicity', '民族', parseEthnicity),
  };
}

function birthFields(
  r: RowReader,
): Omit<BirthEvent, 'eventId' | 'type' | 'date' | 'personId' | 'recordedDate'> {
  const sex = r.coded('sex', '性别', parseSex);
  if (sex === null && r.optional('sex') === null) {
    r.errors.push(registerError(RegisterErrorCode.MissingField, 'sex', '缺少性别'));
  }
  const hukouCode = r.required('hukou_code', '户籍地代码 hukou_code');
  const order = r.coded('birth_order', '孩次', parseCount);
  if (order === 0)
    r.errors.push(registerError(RegisterErrorCode.InvalidValue, 'birth_order', '孩次应从 1 开始'));
  return {
    motherId: r.required('mother_id', '母亲编号 mother_id'),
    fatherId: r.optional('father_id'),
    name: normalizePersonName(r.required('name', '姓名')),
    sex: sex ?? 1,
    idNumber: r.optional('id_number'),
    ethnicity: r.coded('ethnicity', '民族', parseEthnicity),
    birthOrder: order,
    birthCertNo: r.optional('birth_cert_no'),
    hukouCode,
    // The child lives with the mother; an empty cell reads as the hukou place, as in persons.csv.
    residenceCode: r.optional('residence_code') ?? hukouCode,
  };
}

/** Reads one events.csv row; every problem of the row is listed. */
export function readEventRow(row: EventRow): EventRowResult {
  const r = new RowReader(row);
  const eventId = r.required('event_id', '事件编号 event_id');
  const typeCell = r.required('type', '事件类型 type');
  const date = r.date('date', '日期', true) ?? '';
  const personId = r.required('person_id', '人员编号 person_id');
  const recordedDate = r.date('recorded_date', '登记日期', false);
  const type = (EVENT_TYPES as readonly string[]).includes(typeCell) ? (typeCell as EventType) : undefined;
  if (typeCell !== '' && type === undefined) {
    r.errors.push(
      registerError(
        RegisterErrorCode.InvalidValue,
        'type',
        `未知事件类型：${typeCell}（应为 ${EVENT_TYPES.join('、')}）`,
      ),
    );
  }
  const base = { eventId, date, personId, recordedDate };
  let event: RegisterEvent | undefined;
  switch (type) {
    case undefined:
      break;
    case 'birth':
      event = { ...base, type, ...birthFields(r) };
      break;
    case 'death':
      event = { ...base, type, cause: r.optional('cause') };
      break;
    case 'move':
    case 'hukou':
      event = {
        ...base,
        type,
        fromCode: r.required('from_code', '迁出地代码 from_code'),
        toCode: r.required('to_code', '迁入地代码 to_code'),
        ...arrivalFields(r),
      };
      break;
    case 'marriage':
    case 'divorce':
      event = { ...base, type, spouseId: r.required('spouse_id', '配偶编号 spouse_id') };
      break;
    case 'correction':
      event = {
        ...base,
        type,
        field: r.required('field', '更正字段 field'),
        value: r.optional('value') ?? '',
        reason: r.required('reason', '更正原因 reason'),
      };
      break;
    case 'void':
      event = {
        ...base,
        type,
        targetEventId: r.required('target_event_id', '被作废事件 target_event_id'),
        reason: r.required('reason', '作废原因 reason'),
      };
      break;
  }
  if (r.errors.length > 0 || event === undefined) return { ok: false, errors: r.errors };
  return { ok: true, event };
}

const str = (value: string | number | null | undefined): string =>
  value === null || value === undefined ? '' : String(value);

/** The events.csv row of an event (the export; reading it back gives the same event). */
export function eventToRow(event: RegisterEvent): Record<EventColumn, string> {
  const row = Object.fromEntries(EVENT_COLUMNS.map((c) => [c, ''])) as Record<EventColumn, string>;
  row.event_id = event.eventId;
  row.type = event.type;
  row.date = event.date;
  row.person_id = event.personId;
  row.recorded_date = str(event.recordedDate);
  switch (event.type) {
    case 'birth':
      Object.assign(row, {
        mother_id: event.motherId,
        father_id: str(event.fatherId),
        name: event.name,
        sex: str(event.sex),
        id_number: str(event.idNumber),
        ethnicity: str(event.ethnicity),
        birth_order: str(event.birthOrder),
        birth_cert_no: str(event.birthCertNo),
        hukou_code: event.hukouCode,
        residence_code: event.residenceCode,
      });
      break;
    case 'death':
      row.cause = str(event.cause);
      break;
    case 'move':
    case 'hukou':
      Object.assign(row, {
        from_code: event.fromCode,
        to_code: event.toCode,
        name: str(event.name),
        sex: str(event.sex),
        id_number: str(event.idNumber),
        birth_date: str(event.birthDate),
        ethnicity: str(event.ethnicity),
      });
      break;
    case 'marriage':
    case 'divorce':
      row.spouse_id = event.spouseId;
      break;
    case 'correction':
      Object.assign(row, { field: event.field, value: event.value, reason: event.reason });
      break;
    case 'void':
      Object.assign(row, { target_event_id: event.targetEventId, reason: event.reason });
      break;
  }
  return row;
}

/** Everyone an event touches: whose state it may change, so whose log it belongs to. */
export function involvedPersons(event: RegisterEvent): string[] {
  const ids = [event.personId];
  if (event.type === 'birth') {
    ids.push(event.motherId);
    if (event.fatherId) ids.push(event.fatherId);
  } else if (event.type === 'marriage' || event.type === 'divorce') {
    ids.push(event.spouseId);
  }
  return [...new Set(ids)];
}
