// A benefit programme as data: who qualifies (rules), how much (amount schedules with effective dates),
// where (a division-code prefix), on what authority (the policy document) and how often it is paid.
// Amounts are never edited: a change is a new schedule from a date, so every past payment can be
// recomputed from the schedule that was valid then.
import { isCalendarDate } from '../register/dates';
import type { Fen } from './money';
import type { Rule } from './rules';
import { validateRule, type RuleProblem } from './rule-validation';
import { monthOfDate, type YearMonth } from './calendar';
import { regionOf, scheduleProblems } from './amount-schedules';

export const PaymentPeriod = { Monthly: 'monthly', Yearly: 'yearly', OneTime: 'one_time' } as const;
export type PaymentPeriod = (typeof PaymentPeriod)[keyof typeof PaymentPeriod];

export const AmountBasis = { PerMonth: 'per_month', PerYear: 'per_year', Once: 'once' } as const;
export type AmountBasis = (typeof AmountBasis)[keyof typeof AmountBasis];

export interface AmountSchedule {
  /** First day this amount applies (YYYY-MM-DD); it applies until the next schedule's date. */
  effectiveFrom: string;
  amountFen: Fen;
  basis: AmountBasis;
  /** Where the figure comes from (document, table row). */
  source: string;
  /** false: the figure or its date awaits a county's confirmation; no money should be paid on it. */
  verified: boolean;
  note?: string;
  /**
   * Division-code prefix, inside the programme's region, of a regional amount (a county top-up: the
   * county's code). Absent: the amount of the programme's whole region.
   */
  region?: string;
}

/** A programme may pay different amounts to different groups (特扶: child died / child disabled). */
export interface BenefitCategory {
  code: string;
  name: string;
  /** Absent: every family that meets the programme's conditions is in this category. */
  eligibility?: Rule;
  /** In order of effectiveFrom. */
  schedules: readonly AmountSchedule[];
}

export interface ProgrammeDefinition {
  code: string;
  name: string;
  shortName: string;
  /** The policy document(s) it rests on, e.g. 国办发〔2004〕21号. */
  documentNumber: string;
  /** Division-code prefix of the region it applies to; '' for a national programme. */
  regionPrefix: string;
  validFrom: string;
  /** First day it no longer applies; null while in force. */
  validTo: string | null;
  beneficiary: 'person' | 'household';
  paymentPeriod: PaymentPeriod;
  /** Conditions common to every category. */
  eligibility: Rule;
  /** The first category whose rule passes decides the amount. */
  categories: readonly BenefitCategory[];
  /** When payments end, in the policy's words. */
  endsWhen: string;
  /**
   * Payments end with the month of this birthday of the beneficiary (育儿补贴: 3, paid through the
   * month of the third birthday). Absent: no age limit. The life-events worklist reads it.
   */
  ageLimit?: number;
  /**
   * false for a programme that keeps paying after the beneficiary's hukou leaves the county. Absent
   * means true: benefits are applied for and paid at the hukou place, so a move out ends them.
   */
  tiedToHukou?: boolean;
}

/** Whether a move of the beneficiary's hukou out of the county ends the programme. */
export function isTiedToHukou(programme: ProgrammeDefinition): boolean {
  return programme.tiedToHukou !== false;
}

export function appliesInRegion(programme: ProgrammeDefinition, divisionCode: string): boolean {
  return divisionCode.startsWith(programme.regionPrefix);
}

export function isInForce(programme: ProgrammeDefinition, date: string): boolean {
  return date >= programme.validFrom && (programme.validTo === null || date < programme.validTo);
}

/** The period of the no-double-payment key (beneficiary, programme, period): a month, a year or 'once'. */
export function paymentPeriodKey(programme: ProgrammeDefinition, month: YearMonth): string {
  switch (programme.paymentPeriod) {
    case 'monthly':
      return month;
    case 'yearly':
      return month.slice(0, 4);
    case 'one_time':
      return 'once';
  }
}

export function paymentPeriodKeyOfDate(programme: ProgrammeDefinition, date: string): string {
  return paymentPeriodKey(programme, monthOfDate(date));
}

/** Checks a whole definition (rules, schedules in order, no repeated dates); empty when sound. */
export function programmeProblems(programme: ProgrammeDefinition): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const ruleProblems = (rule: unknown, path: string) => {
    const result = validateRule(rule);
    if (!result.ok) problems.push(...result.problems.map((p) => ({ ...p, path: p.path.replace('$', path) })));
  };
  if (!/^\d{0,12}$/.test(programme.regionPrefix))
    problems.push({ path: '$.regionPrefix', message: '应为区划代码前缀' });
  if (!isCalendarDate(programme.validFrom)) problems.push({ path: '$.validFrom', message: '日期无效' });
  if (
    programme.ageLimit !== undefined &&
    (!Number.isInteger(programme.ageLimit) || programme.ageLimit < 1 || programme.ageLimit > 120)
  ) {
    problems.push({ path: '$.ageLimit', message: '年龄上限应为 1–120 的整数（周岁）' });
  }
  ruleProblems(programme.eligibility, '$.eligibility');
  if (programme.categories.length === 0) problems.push({ path: '$.categories', message: '至少一个类别' });
  programme.categories.forEach((category, index) => {
    const at = `$.categories[${index}]`;
    if (category.eligibility !== undefined) ruleProblems(category.eligibility, `${at}.eligibility`);
    problems.push(...scheduleProblems(programme, category.schedules, at));
    // Within each region (the programme's own, each top-up) dates strictly increase.
    const lastOf = new Map<string, string>();
    category.schedules.forEach((schedule, position) => {
      const previous = lastOf.get(regionOf(schedule));
      if (previous !== undefined && previous >= schedule.effectiveFrom) {
        problems.push({ path: `${at}.schedules[${position}]`, message: '生效日期应严格递增' });
      }
      lastOf.set(regionOf(schedule), schedule.effectiveFrom);
    });
  });
  return problems;
}
