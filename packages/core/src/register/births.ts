// A birth creates the child and adds a live birth to the mother. The mother's checks are shared with
// the baseline, where mother_id also names a person of the file.
import { crossCheckCitizenId } from './citizen-id';
import {
  accepted,
  rejected,
  resolveCode,
  resolveIdNumber,
  type ApplyContext,
  type ApplyResult,
} from './context';
import { withStatus } from './coverage';
import { ageOn } from './dates';
import type { BirthEvent, PersonState } from './model';
import { normalizePersonName } from './names';
import {
  RegisterErrorCode,
  RegisterWarningCode,
  registerError,
  registerWarning,
  type RegisterError,
  type RegisterWarning,
} from './problems';
import { parseEthnicity } from './values';

/** Youngest age (completed years) at which a woman is accepted as a mother. */
export const MIN_MOTHER_AGE = 12;

/** Why `mother` cannot be the mother of a child born on `childBirthDate`, if she cannot. */
export function checkMother(
  mother: PersonState | undefined,
  motherId: string,
  childBirthDate: string,
): RegisterError | undefined {
  if (mother === undefined || mother.personId !== motherId) {
    return registerError(
      RegisterErrorCode.MotherUnknown,
      'mother_id',
      `母亲 ${motherId || '（空）'} 不在登记中`,
    );
  }
  if (mother.sex !== 2) {
    return registerError(RegisterErrorCode.MotherNotFemale, 'mother_id', `母亲 ${motherId} 登记的性别不是女`);
  }
  if (mother.birthDate >= childBirthDate) {
    return registerError(
      RegisterErrorCode.MotherBornAfterChild,
      'mother_id',
      `母亲的出生日期 ${mother.birthDate} 不早于孩子的出生日期 ${childBirthDate}`,
    );
  }
  if (ageOn(mother.birthDate, childBirthDate) < MIN_MOTHER_AGE) {
    return registerError(
      RegisterErrorCode.MotherTooYoung,
      'mother_id',
      `孩子出生时母亲不满 ${MIN_MOTHER_AGE} 周岁（母亲生于 ${mother.birthDate}）`,
    );
  }
  if (mother.deathDate !== null && mother.deathDate < childBirthDate) {
    return registerError(
      RegisterErrorCode.MotherDead,
      'mother_id',
      `母亲已于 ${mother.deathDate} 死亡，早于出生日期 ${childBirthDate}`,
    );
  }
  return undefined;
}

/** The birth order to record: the given one (with a warning when it differs), else the mother's next. */
export function deriveBirthOrder(
  mother: PersonState,
  given: number | null,
): { birthOrder: number; warnings: RegisterWarning[] } {
  const derived = mother.childrenEverBorn + 1;
  if (given === null || given === derived) return { birthOrder: derived, warnings: [] };
  return {
    birthOrder: given,
    warnings: [
      registerWarning(
        RegisterWarningCode.BirthOrderMismatch,
        'birth_order',
        `孩次 ${given} 与母亲此前的活产数推算的孩次 ${derived} 不一致，按登记的 ${given} 记录`,
      ),
    ],
  };
}

/**
 * The mother after a live birth: one more child ever born, and at least the birth order the birth
 * records (a baseline children_ever_born left empty would otherwise undercount every later birth).
 */
export function applyBirthToMother(mother: PersonState, birth: BirthEvent): PersonState {
  return { ...mother, childrenEverBorn: Math.max(mother.childrenEverBorn + 1, birth.birthOrder ?? 0) };
}

/** The child's state after its birth; `state` is the child's current state (undefined: not known yet). */
export function applyBirth(
  state: PersonState | undefined,
  event: BirthEvent,
  ctx: ApplyContext,
): ApplyResult {
  if (state !== undefined) {
    return rejected(
      RegisterErrorCode.PersonAlreadyExists,
      'person_id',
      `${event.personId} 已在登记中，不能再登记出生`,
    );
  }
  if (event.motherId === event.personId || (event.fatherId !== null && event.fatherId === event.personId)) {
    return rejected(RegisterErrorCode.SelfReference, 'mother_id', '孩子不能是自己的父亲或母亲');
  }
  const name = normalizePersonName(event.name);
  if (name === '') return rejected(RegisterErrorCode.MissingField, 'name', '出生登记缺少姓名');
  if (event.sex !== 1 && event.sex !== 2) {
    return rejected(
      RegisterErrorCode.InvalidValue,
      'sex',
      `性别应为 1（男）或 2（女）：${String(event.sex)}`,
    );
  }
  if (event.birthOrder !== null && !(Number.isInteger(event.birthOrder) && event.birthOrder >= 1)) {
    return rejected(RegisterErrorCode.InvalidValue, 'birth_order', `孩次应为正整数：${event.birthOrder}`);
  }
  const ethnicity =
    event.ethnicity === null || event.ethnicity === '' ? null : parseEthnicity(event.ethnicity);
  if (ethnicity === undefined) {
    return rejected(RegisterErrorCode.InvalidValue, 'ethnicity', `民族代码不正确：${event.ethnicity ?? ''}`);
  }
  const motherError = checkMother(ctx.mother, event.motherId, event.date);
  if (motherError) return { ok: false, error: motherError };
  const mother = ctx.mother as PersonState; // checkMother has refused undefined

  const hukou = resolveCode(event.hukouCode, 'hukou_code', event.date, ctx);
  if (!hukou.ok) return hukou;
  const residence = resolveCode(event.residenceCode, 'residence_code', event.date, ctx);
  if (!residence.ok) return residence;
  const id = resolveIdNumber(event.idNumber, 'id_number', event.recordedDate ?? event.date);
  if (!id.ok) return id;

  const { birthOrder, warnings } = deriveBirthOrder(mother, event.birthOrder);
  if (residence.code !== mother.residenceCode) {
    warnings.push(
      registerWarning(
        RegisterWarningCode.ResidenceDiffersFromMother,
        'residence_code',
        `孩子的现居住地 ${residence.code} 与母亲当日的现居住地 ${mother.residenceCode} 不同`,
      ),
    );
  }
  if (id.id) warnings.push(...crossCheckCitizenId(id.id, { birthDate: event.date, sex: event.sex }));
  const child: PersonState = {
    personId: event.personId,
    idNumber: id.id?.value ?? null,
    name,
    sex: event.sex,
    birthDate: event.date,
    ethnicity,
    hukouCode: hukou.code,
    residenceCode: residence.code,
    householdId: null,
    relation: null,
    maritalStatus: '10',
    spouseId: null,
    motherId: event.motherId,
    fatherId: event.fatherId,
    childrenEverBorn: 0,
    birthOrder,
    hukouType: null,
    disabilityGrade: null,
    onlyChildCertificate: null,
    adopted: false,
    deathDate: null,
    duplicateOf: null,
    status: 'resident',
    attributes: {},
  };
  return accepted(withStatus(child, ctx.coverage), warnings);
}
