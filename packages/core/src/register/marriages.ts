// Marriage and divorce change both people: the subject (person_id) through applyMarriage/applyDivorce,
// the other one (spouse_id) through applyMarriageToSpouse/applyDivorceToSpouse. A death widows the spouse.
import { accepted, rejected, type ApplyContext, type ApplyResult } from './context';
import { ageOn } from './dates';
import type { DeathEvent, DivorceEvent, MarriageEvent, PersonState } from './model';
import { RegisterErrorCode, RegisterWarningCode, registerWarning, type RegisterWarning } from './problems';

/** Legal marriage ages (婚姻法): 22 for men, 20 for women. Below them is a warning, the record stands. */
export const MARRIAGE_AGE = { 1: 22, 2: 20 } as const;

function isMarried(person: PersonState): boolean {
  return person.maritalStatus === '20';
}

/** Married to `otherId`, or married to someone the register does not name (a baseline marriage). */
function isMarriedTo(person: PersonState, otherId: string): boolean {
  return isMarried(person) && (person.spouseId === null || person.spouseId === otherId);
}

function marriageAgeWarning(person: PersonState, date: string, field: string): RegisterWarning[] {
  const age = ageOn(person.birthDate, date);
  if (age >= MARRIAGE_AGE[person.sex]) return [];
  return [
    registerWarning(
      RegisterWarningCode.UnderMarriageAge,
      field,
      `${person.personId} 结婚时 ${age} 周岁，未达法定婚龄 ${MARRIAGE_AGE[person.sex]} 周岁`,
    ),
  ];
}

function spouseNotInRegister(event: MarriageEvent | DivorceEvent): RegisterWarning {
  return registerWarning(
    RegisterWarningCode.SpouseNotInRegister,
    'spouse_id',
    `配偶 ${event.spouseId} 不在登记中，只更新 ${event.personId} 的婚姻状况`,
  );
}

export function applyMarriage(state: PersonState, event: MarriageEvent, ctx: ApplyContext): ApplyResult {
  if (event.spouseId === event.personId) {
    return rejected(RegisterErrorCode.SelfReference, 'spouse_id', '不能与自己结婚');
  }
  if (isMarried(state)) {
    return rejected(
      RegisterErrorCode.AlreadyMarried,
      'person_id',
      `${state.personId} 目前已婚，不能再登记结婚`,
    );
  }
  const warnings = marriageAgeWarning(state, event.date, 'person_id');
  const spouse = ctx.spouse?.personId === event.spouseId ? ctx.spouse : undefined;
  if (spouse === undefined) {
    warnings.push(spouseNotInRegister(event));
  } else {
    if (spouse.deathDate !== null && spouse.deathDate < event.date) {
      return rejected(RegisterErrorCode.SpouseDead, 'spouse_id', `配偶已于 ${spouse.deathDate} 死亡`);
    }
    if (isMarried(spouse)) {
      return rejected(
        RegisterErrorCode.SpouseAlreadyMarried,
        'spouse_id',
        `配偶 ${spouse.personId} 目前已婚`,
      );
    }
    warnings.push(...marriageAgeWarning(spouse, event.date, 'spouse_id'));
  }
  return accepted({ ...state, maritalStatus: '20', spouseId: event.spouseId }, warnings);
}

/** The spouse's side of a marriage recorded on the other person. */
export function applyMarriageToSpouse(spouse: PersonState, event: MarriageEvent): ApplyResult {
  if (isMarried(spouse)) {
    return rejected(RegisterErrorCode.SpouseAlreadyMarried, 'spouse_id', `配偶 ${spouse.personId} 目前已婚`);
  }
  return accepted({ ...spouse, maritalStatus: '20', spouseId: event.personId });
}

export function applyDivorce(state: PersonState, event: DivorceEvent, ctx: ApplyContext): ApplyResult {
  if (!isMarriedTo(state, event.spouseId)) {
    return rejected(
      RegisterErrorCode.NotMarriedToSpouse,
      'spouse_id',
      `${state.personId} 目前未与 ${event.spouseId} 登记结婚`,
    );
  }
  const warnings: RegisterWarning[] = [];
  const spouse = ctx.spouse?.personId === event.spouseId ? ctx.spouse : undefined;
  if (spouse === undefined) warnings.push(spouseNotInRegister(event));
  else if (!isMarriedTo(spouse, event.personId)) {
    return rejected(
      RegisterErrorCode.NotMarriedToSpouse,
      'spouse_id',
      `${spouse.personId} 目前未与 ${event.personId} 登记结婚`,
    );
  }
  return accepted({ ...state, maritalStatus: '40', spouseId: null }, warnings);
}

/** The spouse's side of a divorce recorded on the other person. */
export function applyDivorceToSpouse(spouse: PersonState, event: DivorceEvent): ApplyResult {
  if (!isMarriedTo(spouse, event.personId)) {
    return rejected(
      RegisterErrorCode.NotMarriedToSpouse,
      'spouse_id',
      `${spouse.personId} 目前未与 ${event.personId} 登记结婚`,
    );
  }
  return accepted({ ...spouse, maritalStatus: '40', spouseId: null });
}

/** The surviving spouse becomes widowed (unchanged when not married to the deceased). */
export function applyDeathToSpouse(spouse: PersonState, death: DeathEvent): PersonState {
  if (!isMarried(spouse) || spouse.spouseId !== death.personId) return spouse;
  return { ...spouse, maritalStatus: '30', spouseId: null };
}
