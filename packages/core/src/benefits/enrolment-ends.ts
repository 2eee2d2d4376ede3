// Life events that end an enrolment, found for township staff to confirm: the beneficiary reaching
// the programme's age limit (育儿补贴: paid through the month of the third birthday, the same rule as
// the entitlement's months), a hukou move out of the county for programmes tied to the hukou place
// (paid through the month of the move, as for a death), and a death (paid through the month of
// death). Each finding names the first month no longer paid.
import { isCalendarDate } from '../register/dates';
import { addMonths, monthIndex, monthOfDate, type YearMonth } from './calendar';
import { firstMonthAfterDeath } from './overpayment';
import { appliesInRegion, isTiedToHukou, type ProgrammeDefinition } from './programme';

export const EnrolmentEndCause = {
  AgeLimit: 'age_limit',
  HukouMove: 'hukou_move',
  Death: 'death',
} as const;
export type EnrolmentEndCause = (typeof EnrolmentEndCause)[keyof typeof EnrolmentEndCause];

export const enrolmentEndCauseLabels: Record<EnrolmentEndCause, string> = {
  age_limit: '到达年龄上限',
  hukou_move: '户籍迁出本县',
  death: '死亡',
};

/** What the register says of the beneficiary, as far as ending an enrolment goes. */
export interface EnrolmentEndFacts {
  birthDate: string;
  deathDate: string | null;
  /** The current hukou place. */
  hukouCode: string;
  /** The day the current hukou place was registered (the move's date); null when unknown. */
  hukouSince: string | null;
}

export interface EnrolmentEndFinding {
  cause: EnrolmentEndCause;
  /** The birthday, the move or the death. */
  eventDate: string;
  /** The first month no longer paid. */
  endsBefore: YearMonth;
  /** In Chinese, for the worklist and the application's trail. */
  reason: string;
}

/** The day of the `years`-th birthday; 29 February falls on 1 March in a common year (as ageOn counts). */
export function birthdayOf(birthDate: string, years: number): string {
  const day = `${String(Number(birthDate.slice(0, 4)) + years).padStart(4, '0')}${birthDate.slice(4)}`;
  return isCalendarDate(day) ? day : `${day.slice(0, 4)}-03-01`;
}

/** The county (first six digits) an enrolment's hukou place belongs to. */
export function countyOf(code: string): string {
  return code.slice(0, 6);
}

function ageLimitEnd(
  programme: ProgrammeDefinition,
  facts: EnrolmentEndFacts,
  date: string,
): EnrolmentEndFinding | null {
  if (programme.ageLimit === undefined) return null;
  const years = programme.ageLimit;
  // The month of the birthday is the last one paid (出生次月起至满3周岁当月).
  const lastMonth = addMonths(monthOfDate(facts.birthDate), 12 * years);
  if (monthIndex(lastMonth) > monthIndex(monthOfDate(date))) return null;
  const eventDate = birthdayOf(facts.birthDate, years);
  const endsBefore = addMonths(lastMonth, 1);
  return {
    cause: 'age_limit',
    eventDate,
    endsBefore,
    reason: `${eventDate} 满${years}周岁，${programme.shortName}发放至 ${lastMonth}，自 ${endsBefore} 起终止`,
  };
}

function hukouMoveEnd(
  programme: ProgrammeDefinition,
  enrolmentHukouCode: string,
  facts: EnrolmentEndFacts,
  date: string,
): EnrolmentEndFinding | null {
  if (!isTiedToHukou(programme)) return null;
  const county = countyOf(enrolmentHukouCode);
  if (facts.hukouCode.startsWith(county) && appliesInRegion(programme, facts.hukouCode)) return null;
  const eventDate = facts.hukouSince ?? date;
  const endsBefore = addMonths(monthOfDate(eventDate), 1);
  return {
    cause: 'hukou_move',
    eventDate,
    endsBefore,
    reason: `户籍于 ${eventDate} 迁出本县（现户籍地 ${facts.hukouCode}），自 ${endsBefore} 起终止`,
  };
}

function deathEnd(facts: EnrolmentEndFacts, date: string): EnrolmentEndFinding | null {
  if (facts.deathDate === null || facts.deathDate > date) return null;
  const endsBefore = firstMonthAfterDeath(facts.deathDate);
  return {
    cause: 'death',
    eventDate: facts.deathDate,
    endsBefore,
    reason: `本人死亡（${facts.deathDate}），自 ${endsBefore} 起终止`,
  };
}

/**
 * What ends an enrolment as of `date`, if anything: the event whose end comes first (a person who
 * moved away and later died ends with the move). Null while nothing ends it.
 */
export function enrolmentEndOf(
  programme: ProgrammeDefinition,
  enrolmentHukouCode: string,
  facts: EnrolmentEndFacts,
  date: string,
): EnrolmentEndFinding | null {
  const findings = [
    deathEnd(facts, date),
    hukouMoveEnd(programme, enrolmentHukouCode, facts, date),
    ageLimitEnd(programme, facts, date),
  ].filter((finding): finding is EnrolmentEndFinding => finding !== null);
  findings.sort((a, b) => monthIndex(a.endsBefore) - monthIndex(b.endsBefore));
  return findings[0] ?? null;
}
