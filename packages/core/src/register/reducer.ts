// The register's reducers: one event applied to one person's state, and a person's whole log replayed.
// Pure: what they cannot know (codes on a date, the mother, the spouse) comes in the context.
//
// Error codes (RegisterErrorCode, problems.ts), by rule:
//   dates are real calendar days ............................ INVALID_DATE
//   no event before birth / no death before birth ........... EVENT_BEFORE_BIRTH / DEATH_BEFORE_BIRTH
//   nothing but void/correction after death; one death ...... EVENT_AFTER_DEATH / ALREADY_DEAD
//   a birth's mother exists, is female, ≥ 12 years older, alive on the day
//     .. MOTHER_UNKNOWN / MOTHER_NOT_FEMALE / MOTHER_BORN_AFTER_CHILD / MOTHER_TOO_YOUNG / MOTHER_DEAD
//   the child (or any created person) does not exist yet .... PERSON_ALREADY_EXISTS
//   other events need a known person, unless arriving ....... PERSON_UNKNOWN
//   codes well formed and valid on the event's date ......... INVALID_CODE
//   marriage: neither currently married, spouse alive ....... ALREADY_MARRIED / SPOUSE_ALREADY_MARRIED / SPOUSE_DEAD
//   divorce: married to that spouse ......................... NOT_MARRIED_TO_SPOUSE
//   nobody is their own parent, spouse or duplicate ......... SELF_REFERENCE
//   nothing but void/correction on a merged duplicate ....... PERSON_MERGED
//   corrections: allowed fields, valid values, a reason ..... CORRECTION_FIELD_NOT_ALLOWED / INVALID_VALUE / REASON_REQUIRED
//   voids: a reason, a target earlier in the log ............ REASON_REQUIRED / VOID_TARGET_UNKNOWN
//   void given to applyEvent ................................ VOID_REQUIRES_REPLAY
//   an event that does not concern the person ............... EVENT_NOT_FOR_PERSON
import { applyBirth, applyBirthToMother } from './births';
import {
  accepted,
  checkDate,
  rejected,
  type ApplyContext,
  type ApplyResult,
  type RegisterContext,
} from './context';
import { applyCorrection } from './corrections';
import type { PersonState, RegisterEvent, VoidEvent } from './model';
import {
  applyDeathToSpouse,
  applyDivorce,
  applyDivorceToSpouse,
  applyMarriage,
  applyMarriageToSpouse,
} from './marriages';
import { RegisterErrorCode, registerError, type RegisterError, type RegisterWarning } from './problems';
import { applyTransfer } from './transfers';

/**
 * Applies one event to the state of the person it concerns. `state` is that person's state just
 * before the event (undefined when the register does not know them: a birth or an arrival creates them).
 * The person is the event's subject, or — for births, marriages, divorces and deaths of others —
 * the mother or father, the spouse, or the surviving spouse; `forPersonId` says whose state it is
 * when `state` is undefined (default: the subject).
 */
export function applyEvent(
  state: PersonState | undefined,
  event: RegisterEvent,
  ctx: ApplyContext,
  forPersonId: string = state?.personId ?? event.personId,
): ApplyResult {
  const dateError = checkDate(event.date, 'date') ?? optionalDateError(event.recordedDate, 'recorded_date');
  if (dateError) return { ok: false, error: dateError };
  if (event.type === 'void') {
    return rejected(RegisterErrorCode.VoidRequiresReplay, 'type', '作废会追溯改变记录，须重放此人的全部事件');
  }
  if (forPersonId !== event.personId) return applyToRelative(state, event, forPersonId);
  if (event.type === 'birth') return applyBirth(state, event, ctx);
  if (state === undefined) {
    if (event.type === 'move' || event.type === 'hukou') return applyTransfer(undefined, event, ctx);
    return rejected(RegisterErrorCode.PersonUnknown, 'person_id', `${event.personId} 不在登记中`);
  }
  // A correction fixes the record, whenever it is made; everything else happens within the lifetime.
  const lifeError = event.type === 'correction' ? undefined : checkLifetime(state, event);
  if (lifeError) return lifeError;
  switch (event.type) {
    case 'move':
    case 'hukou':
      return applyTransfer(state, event, ctx);
    case 'death':
      return accepted({ ...state, deathDate: event.date, status: 'dead' });
    case 'marriage':
      return applyMarriage(state, event, ctx);
    case 'divorce':
      return applyDivorce(state, event, ctx);
    case 'correction':
      return applyCorrection(state, event, ctx.coverage);
  }
}

function optionalDateError(value: string | null, field: string) {
  return value === null ? undefined : checkDate(value, field);
}

/** Within the lifetime: not before birth, not after death, only one death, nothing on a merged duplicate. */
function checkLifetime(state: PersonState, event: RegisterEvent): ApplyResult | undefined {
  if (state.duplicateOf !== null) {
    return rejected(
      RegisterErrorCode.PersonMerged,
      'person_id',
      `${state.personId} 是 ${state.duplicateOf} 的重复记录，已合并：请在 ${state.duplicateOf} 上登记`,
    );
  }
  if (event.type === 'death' && state.deathDate !== null) {
    return rejected(RegisterErrorCode.AlreadyDead, 'date', `${state.personId} 已于 ${state.deathDate} 死亡`);
  }
  if (state.deathDate !== null && event.date > state.deathDate) {
    return rejected(
      RegisterErrorCode.EventAfterDeath,
      'date',
      `${state.personId} 已于 ${state.deathDate} 死亡，不能登记 ${event.date} 的事件`,
    );
  }
  if (event.date < state.birthDate) {
    const code =
      event.type === 'death' ? RegisterErrorCode.DeathBeforeBirth : RegisterErrorCode.EventBeforeBirth;
    return rejected(
      code,
      'date',
      `事件日期 ${event.date} 早于 ${state.personId} 的出生日期 ${state.birthDate}`,
    );
  }
  return undefined;
}

/** The event's effect on someone it names without being about them: parent, spouse, widowed spouse. */
function applyToRelative(
  state: PersonState | undefined,
  event: RegisterEvent,
  personId: string,
): ApplyResult {
  const notForPerson = () =>
    rejected(RegisterErrorCode.EventNotForPerson, 'person_id', `事件 ${event.eventId} 与 ${personId} 无关`);
  if (state === undefined) {
    return rejected(RegisterErrorCode.PersonUnknown, 'person_id', `${personId} 不在登记中`);
  }
  const lifeError = checkLifetime(state, event);
  switch (event.type) {
    case 'birth':
      if (event.motherId === personId) return lifeError ?? accepted(applyBirthToMother(state, event));
      return event.fatherId === personId ? accepted(state) : notForPerson();
    case 'marriage':
      if (event.spouseId !== personId) return notForPerson();
      return lifeError ?? applyMarriageToSpouse(state, event);
    case 'divorce':
      if (event.spouseId !== personId) return notForPerson();
      return lifeError ?? applyDivorceToSpouse(state, event);
    case 'death':
      // Harmless when they were no longer married: the caller may pass the deaths of every past spouse.
      return accepted(applyDeathToSpouse(state, event));
    case 'move':
    case 'hukou':
    case 'correction':
    case 'void':
      return notForPerson();
  }
}

export interface ReplayContext extends RegisterContext {
  /** Whose log this is. */
  personId: string;
  /** Their state at the dataset's start, when they are in persons.csv. */
  baseline?: PersonState;
  /** Another person's state just before `event`: the mother of the person's birth, the spouse of a marriage or divorce. */
  personBefore?: (personId: string, event: RegisterEvent) => PersonState | undefined;
}

export type ReplayResult =
  | { ok: true; state: PersonState | undefined; warnings: (RegisterWarning & { eventId: string })[] }
  | { ok: false; error: RegisterError & { eventId: string } };

/**
 * Rebuilds a person's state from their baseline and every event that concerns them (as subject, mother,
 * father, spouse, and the voids naming those events), given in the order they were recorded. Voided
 * events are left out; the rest apply by date, then by recorded order, so a late or retroactive event
 * lands where it belongs. The same log always gives the same state. Stops at the first refused event.
 */
export function replayPerson(events: readonly RegisterEvent[], ctx: ReplayContext): ReplayResult {
  const found = effectiveEvents(events);
  if (!found.ok) return found;
  const effective = found.events;
  let state = ctx.baseline;
  const warnings: (RegisterWarning & { eventId: string })[] = [];
  for (const event of effective) {
    const result = applyEvent(state, event, contextFor(event, ctx), ctx.personId);
    if (!result.ok) return { ok: false, error: { ...result.error, eventId: event.eventId } };
    state = result.state;
    warnings.push(...result.warnings.map((warning) => ({ ...warning, eventId: event.eventId })));
  }
  return { ok: true, state, warnings };
}

/** The events that take effect (not voids, not voided), in the order they apply: by date, then recorded order. */
export function effectiveEvents(
  events: readonly RegisterEvent[],
): { ok: true; events: RegisterEvent[] } | { ok: false; error: RegisterError & { eventId: string } } {
  const voids = voidedEventIds(events);
  if (!voids.ok) return voids;
  const effective = events
    .filter((event) => event.type !== 'void' && !voids.ids.has(event.eventId))
    .toSorted((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)); // stable: recorded order within a day
  return { ok: true, events: effective };
}

function contextFor(event: RegisterEvent, ctx: ReplayContext): ApplyContext {
  const base = { coverage: ctx.coverage, isValidCode: ctx.isValidCode };
  if (event.personId !== ctx.personId || ctx.personBefore === undefined) return base;
  if (event.type === 'birth') return { ...base, mother: ctx.personBefore(event.motherId, event) };
  if (event.type === 'marriage' || event.type === 'divorce') {
    return { ...base, spouse: ctx.personBefore(event.spouseId, event) };
  }
  return base;
}

/**
 * The events voided by effective voids. Read from the latest back: a void that is itself voided
 * has no effect, so voiding a void restores its target.
 */
function voidedEventIds(
  events: readonly RegisterEvent[],
): { ok: true; ids: Set<string> } | { ok: false; error: RegisterError & { eventId: string } } {
  const indexById = new Map(events.map((event, index) => [event.eventId, index]));
  const ids = new Set<string>();
  for (let index = events.length - 1; index >= 0; index--) {
    const event = events[index];
    if (event?.type !== 'void' || ids.has(event.eventId)) continue;
    const problem = checkVoid(event, index, indexById);
    if (problem) return { ok: false, error: { ...problem, eventId: event.eventId } };
    ids.add(event.targetEventId);
  }
  return { ok: true, ids };
}

function checkVoid(
  event: VoidEvent,
  index: number,
  indexById: Map<string, number>,
): RegisterError | undefined {
  const dateError = checkDate(event.date, 'date');
  if (dateError) return dateError;
  if (event.reason.trim() === '')
    return registerError(RegisterErrorCode.ReasonRequired, 'reason', '作废须说明理由');
  const targetIndex = indexById.get(event.targetEventId);
  if (targetIndex === undefined || targetIndex >= index) {
    return registerError(
      RegisterErrorCode.VoidTargetUnknown,
      'target_event_id',
      `要作废的事件 ${event.targetEventId || '（空）'} 不在此前的记录中`,
    );
  }
  return undefined;
}
