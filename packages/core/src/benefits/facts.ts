// The family facts a programme's rules are evaluated against, derived from register records as they
// stood on one date. Deriving them on a date (not "now") lets the same records answer for every month
// of a period: a child born later does not count yet, a parent who died later was still alive.
import type { DisabilityGrade, HukouType, PersonState } from '../register/model';
import { ageOn } from '../register/dates';
import { monthOfDate, monthsBetween } from './calendar';

/** Facts supplied with an application, not held by the register. */
export interface DeclaredFacts {
  /**
   * 奖扶's historical condition (no births against the rules in force 1973–2001), as declared and
   * evidenced by the applicant. It may only grant a reward: nothing else reads it.
   */
  qualifyingHistory1973To2001?: boolean;
  /**
   * The grade (1–4) on the 残疾人证 of the family's living child, as the worker checked it. Used only
   * while the register holds no grade for any living child: the register's grade wins, so a later
   * change of grade there is what 年审 sees.
   */
  childDisabilityGrade?: DisabilityGrade;
}

/** The register records of one family, centred on the subject (the person the benefit is for). */
export interface FamilyRecords {
  subject: PersonState;
  /** Born to or adopted by the subject (the register's mother/father keys point at the subject). */
  children: readonly PersonState[];
  /** The children's other parent or the spouse, when the register knows them. */
  otherParent: PersonState | null;
  declared?: DeclaredFacts;
}

export type FactSex = 'male' | 'female';

export interface FamilyFacts {
  /** The date the facts describe. */
  date: string;
  alive: boolean;
  sex: FactSex;
  birthDate: string;
  deathDate: string | null;
  age: number;
  /** Calendar months from the birth month to the month of `date` (a child born in May is 1 in June). */
  monthsSinceBirthMonth: number;
  hukouType: HukouType | null;
  /** true for 农业户口, false for 非农业户口; null for 居民户口, which each county defines locally. */
  ruralHukou: boolean | null;
  hukouCode: string;
  disabilityGrade: number | null;
  hasOnlyChildCertificate: boolean;
  /** Children born or adopted on or before `date`. */
  childrenEver: number;
  livingChildren: number;
  deadChildren: number;
  livingSons: number;
  livingDaughters: number;
  /** At least one living child and all of them daughters. */
  livingChildrenAllDaughters: boolean;
  /**
   * Grade 1 is the most severe; from the register, else the declared grade; null when neither holds
   * one (the register cannot tell "no 残疾人证" from "not recorded", so rules treat it as unknown).
   */
  mostSevereChildDisabilityGrade: number | null;
  /** The age of the children's mother (the subject if a woman); a single father's own age. */
  motherAge: number;
  qualifyingHistory1973To2001: boolean | null;
}

/** Living on `date`: not yet dead that day (the day of death itself still counts as alive). */
export function isLivingOn(person: Pick<PersonState, 'deathDate'>, date: string): boolean {
  return person.deathDate === null || person.deathDate >= date;
}

function ruralFromHukouType(type: HukouType | null): boolean | null {
  if (type === 'agricultural') return true;
  if (type === 'non_agricultural') return false;
  return null;
}

function childGrades(living: readonly PersonState[], declared: DeclaredFacts | undefined): number[] {
  const registered = living.flatMap((child) =>
    child.disabilityGrade === null ? [] : [child.disabilityGrade],
  );
  if (registered.length > 0 || living.length === 0) return registered;
  return declared?.childDisabilityGrade === undefined ? [] : [declared.childDisabilityGrade];
}

export function deriveFamilyFacts(records: FamilyRecords, date: string): FamilyFacts {
  const { subject, otherParent } = records;
  const born = records.children.filter((child) => child.birthDate <= date);
  const living = born.filter((child) => isLivingOn(child, date));
  const daughters = living.filter((child) => child.sex === 2).length;
  const grades = childGrades(living, records.declared);
  const mother = subject.sex === 2 ? subject : otherParent?.sex === 2 ? otherParent : subject;
  return {
    date,
    alive: isLivingOn(subject, date),
    sex: subject.sex === 2 ? 'female' : 'male',
    birthDate: subject.birthDate,
    deathDate: subject.deathDate,
    age: ageOn(subject.birthDate, date),
    monthsSinceBirthMonth: monthsBetween(monthOfDate(subject.birthDate), monthOfDate(date)),
    hukouType: subject.hukouType,
    ruralHukou: ruralFromHukouType(subject.hukouType),
    hukouCode: subject.hukouCode,
    disabilityGrade: subject.disabilityGrade,
    hasOnlyChildCertificate: subject.onlyChildCertificate !== null && subject.onlyChildCertificate <= date,
    childrenEver: born.length,
    livingChildren: living.length,
    deadChildren: born.length - living.length,
    livingSons: living.length - daughters,
    livingDaughters: daughters,
    livingChildrenAllDaughters: living.length > 0 && daughters === living.length,
    mostSevereChildDisabilityGrade: grades.length === 0 ? null : Math.min(...grades),
    motherAge: ageOn(mother.birthDate, date),
    qualifyingHistory1973To2001: records.declared?.qualifyingHistory1973To2001 ?? null,
  };
}

/**
 * The family of `subject` among `persons` (for tests and small lists; a service queries the
 * mother/father keys instead): the children are those whose mother or father key is the subject.
 */
export function familyRecordsOf(
  subject: PersonState,
  persons: Iterable<PersonState>,
  declared?: DeclaredFacts,
): FamilyRecords {
  const children: PersonState[] = [];
  const byId = new Map<string, PersonState>();
  for (const person of persons) {
    byId.set(person.personId, person);
    if (person.motherId === subject.personId || person.fatherId === subject.personId) children.push(person);
  }
  // The children's other parent comes first: after a remarriage the spouse is not the children's mother.
  const otherParentId =
    children
      .map((child) => (child.motherId === subject.personId ? child.fatherId : child.motherId))
      .find((id) => id !== null) ??
    subject.spouseId ??
    null;
  const otherParent = otherParentId === null ? null : (byId.get(otherParentId) ?? null);
  return { subject, children, otherParent, ...(declared ? { declared } : {}) };
}
