// A correction sets one field of the person from its date on; the event it fixes stays in the log.
import { crossCheckCitizenId, parseCitizenId } from './citizen-id';
import { deriveStatus } from './coverage';
import { accepted, checkDate, rejected, resolveIdNumber, type ApplyResult } from './context';
import {
  CORRECTABLE_FIELDS,
  type CorrectableField,
  type CorrectionEvent,
  type PersonState,
  type RegisterEvent,
} from './model';
import { normalizePersonName } from './names';
import { RegisterErrorCode } from './problems';
import { parseDisabilityGrade, parseEthnicity, parseHukouType, parseMaritalStatus, parseSex } from './values';

export function isCorrectableField(field: string): field is CorrectableField {
  return (CORRECTABLE_FIELDS as readonly string[]).includes(field);
}

function invalid(event: CorrectionEvent, what: string): ApplyResult {
  return rejected(
    RegisterErrorCode.InvalidValue,
    'value',
    `更正后的${what}不正确：${event.value || '（空）'}`,
  );
}

export function applyCorrection(state: PersonState, event: CorrectionEvent, coverage: string): ApplyResult {
  if (event.reason.trim() === '')
    return rejected(RegisterErrorCode.ReasonRequired, 'reason', '更正须说明理由');
  const field = event.field.trim();
  if (!isCorrectableField(field)) {
    return rejected(
      RegisterErrorCode.CorrectionFieldNotAllowed,
      'field',
      `不能更正字段 ${field || '（空）'}（可更正：${CORRECTABLE_FIELDS.join('、')}）`,
    );
  }
  const value = event.value.trim();
  if (field === 'duplicate_of') return markDuplicate(state, value, coverage);
  const corrected = correctField(state, event, field, value);
  if (!corrected.ok) return corrected;
  // A corrected sex, birth date or ID number may now disagree with the rest: say so.
  const next = corrected.state;
  const recheck = field === 'sex' || field === 'birth_date' || field === 'id_number';
  const id =
    recheck && next.idNumber !== null ? parseCitizenId(next.idNumber, { today: '9999-12-31' }) : null;
  const warnings = id?.ok ? crossCheckCitizenId(id, { birthDate: next.birthDate, sex: next.sex }) : [];
  return accepted(next, warnings);
}

/** The record a correction merges its subject into (a non-empty duplicate_of), else null. */
export function mergedInto(event: RegisterEvent): string | null {
  if (event.type !== 'correction' || event.field.trim() !== 'duplicate_of') return null;
  return event.value.trim() || null;
}

/**
 * 重复登记: the record is a second one of the person `value` names; both keep their logs, and from now
 * on this one counts nowhere. An empty value undoes a wrong merge. The merging service checks that the
 * other person exists and is not merged themselves (this reducer sees one person).
 */
function markDuplicate(state: PersonState, value: string, coverage: string): ApplyResult {
  if (value === state.personId)
    return rejected(RegisterErrorCode.SelfReference, 'value', `${state.personId} 不能是自己的重复记录`);
  const next = { ...state, duplicateOf: value === '' ? null : value };
  return accepted({ ...next, status: deriveStatus(next, coverage) });
}

function correctField(
  state: PersonState,
  event: CorrectionEvent,
  field: Exclude<CorrectableField, 'duplicate_of'>,
  value: string,
): ApplyResult {
  switch (field) {
    case 'name': {
      const name = normalizePersonName(value);
      return name === '' ? invalid(event, '姓名') : accepted({ ...state, name });
    }
    case 'sex': {
      const sex = parseSex(value);
      return sex === undefined ? invalid(event, '性别') : accepted({ ...state, sex });
    }
    case 'birth_date': {
      const dateError = checkDate(value, 'value');
      if (dateError) return { ok: false, error: dateError };
      if (value > event.date || (state.deathDate !== null && value > state.deathDate)) {
        return invalid(event, '出生日期（晚于更正日期或死亡日期）');
      }
      return accepted({ ...state, birthDate: value });
    }
    case 'id_number': {
      const id = resolveIdNumber(value, 'value', event.date);
      return id.ok ? accepted({ ...state, idNumber: id.id?.value ?? null }) : id;
    }
    case 'ethnicity': {
      const ethnicity = value === '' ? null : parseEthnicity(value);
      return ethnicity === undefined ? invalid(event, '民族代码') : accepted({ ...state, ethnicity });
    }
    case 'hukou_type': {
      const hukouType = value === '' ? null : parseHukouType(value);
      return hukouType === undefined ? invalid(event, '户口性质') : accepted({ ...state, hukouType });
    }
    case 'disability_grade': {
      const disabilityGrade = value === '' ? null : parseDisabilityGrade(value);
      return disabilityGrade === undefined
        ? invalid(event, '残疾等级')
        : accepted({ ...state, disabilityGrade });
    }
    case 'marital_status': {
      const maritalStatus = value === '' ? null : parseMaritalStatus(value);
      if (maritalStatus === undefined) return invalid(event, '婚姻状况');
      // Only a marriage event names a spouse; a corrected status keeps the link only while married.
      return accepted({ ...state, maritalStatus, spouseId: maritalStatus === '20' ? state.spouseId : null });
    }
  }
}
