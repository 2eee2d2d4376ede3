// move changes the residence (现居住地), hukou the registered residence (户籍地); nothing else.
// A code outside the coverage means arriving from or leaving for elsewhere; the person is never deleted.
import { crossCheckCitizenId } from './citizen-id';
import {
  accepted,
  checkDate,
  rejected,
  resolveCode,
  resolveIdNumber,
  type ApplyContext,
  type ApplyResult,
} from './context';
import { isInCoverage, withStatus } from './coverage';
import type { HukouEvent, MoveEvent, PersonState } from './model';
import { normalizePersonName } from './names';
import { RegisterErrorCode, RegisterWarningCode, registerWarning, type RegisterWarning } from './problems';
import { parseEthnicity } from './values';

export type TransferEvent = MoveEvent | HukouEvent;

export function applyTransfer(
  state: PersonState | undefined,
  event: TransferEvent,
  ctx: ApplyContext,
): ApplyResult {
  const from = resolveCode(event.fromCode, 'from_code', event.date, ctx);
  if (!from.ok) return from;
  const to = resolveCode(event.toCode, 'to_code', event.date, ctx);
  if (!to.ok) return to;
  if (state === undefined) {
    if (isInCoverage(from.code, ctx.coverage)) {
      return rejected(
        RegisterErrorCode.PersonUnknown,
        'person_id',
        `${event.personId} 不在登记中，且迁出地 ${from.code} 在本辖区内`,
      );
    }
    return createArrival(event, from.code, to.code, ctx);
  }
  const warnings: RegisterWarning[] = [];
  const current = event.type === 'move' ? state.residenceCode : state.hukouCode;
  if (current !== from.code) {
    warnings.push(
      registerWarning(
        RegisterWarningCode.FromCodeMismatch,
        'from_code',
        `迁出地 ${from.code} 与登记的${event.type === 'move' ? '现居住地' : '户籍地'} ${current} 不一致`,
      ),
    );
  }
  const next =
    event.type === 'move' ? { ...state, residenceCode: to.code } : { ...state, hukouCode: to.code };
  return accepted(withStatus(next, ctx.coverage), warnings);
}

/** A person the register does not know, arriving from outside: move keeps hukou = from, hukou keeps residence = from. */
function createArrival(event: TransferEvent, from: string, to: string, ctx: ApplyContext): ApplyResult {
  const name = normalizePersonName(event.name ?? '');
  if (name === '') return rejected(RegisterErrorCode.MissingField, 'name', '外来人员缺少姓名');
  if (event.sex === null) return rejected(RegisterErrorCode.MissingField, 'sex', '外来人员缺少性别');
  if (event.sex !== 1 && event.sex !== 2) {
    return rejected(
      RegisterErrorCode.InvalidValue,
      'sex',
      `性别应为 1（男）或 2（女）：${String(event.sex)}`,
    );
  }
  if (event.birthDate === null || event.birthDate === '') {
    return rejected(RegisterErrorCode.MissingField, 'birth_date', '外来人员缺少出生日期');
  }
  const birthDateError = checkDate(event.birthDate, 'birth_date');
  if (birthDateError) return { ok: false, error: birthDateError };
  if (event.birthDate > event.date) {
    return rejected(
      RegisterErrorCode.EventBeforeBirth,
      'date',
      `迁入日期 ${event.date} 早于出生日期 ${event.birthDate}`,
    );
  }
  const ethnicity =
    event.ethnicity === null || event.ethnicity === '' ? null : parseEthnicity(event.ethnicity);
  if (ethnicity === undefined) {
    return rejected(RegisterErrorCode.InvalidValue, 'ethnicity', `民族代码不正确：${event.ethnicity ?? ''}`);
  }
  const id = resolveIdNumber(event.idNumber, 'id_number', event.recordedDate ?? event.date);
  if (!id.ok) return id;
  const warnings = id.id ? crossCheckCitizenId(id.id, { birthDate: event.birthDate, sex: event.sex }) : [];
  const person: PersonState = {
    personId: event.personId,
    idNumber: id.id?.value ?? null,
    name,
    sex: event.sex,
    birthDate: event.birthDate,
    ethnicity,
    hukouCode: event.type === 'move' ? from : to,
    residenceCode: event.type === 'move' ? to : from,
    householdId: null,
    relation: null,
    maritalStatus: null,
    spouseId: null,
    motherId: null,
    fatherId: null,
    childrenEverBorn: 0,
    birthOrder: null,
    hukouType: null,
    disabilityGrade: null,
    onlyChildCertificate: null,
    adopted: false,
    deathDate: null,
    duplicateOf: null,
    status: 'resident',
    attributes: {},
  };
  return accepted(withStatus(person, ctx.coverage), warnings);
}
