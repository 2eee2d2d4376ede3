// Amount schedules: the amount in force for a place and a date, and adding one (a change of amount, or
// a region's top-up, is a new schedule from a date; nothing is edited). Regional schedules let a
// county raise a national amount for its own people without touching the national figures.
import { BenefitErrorCode, fail, ok, type BenefitResult } from './errors';
import { formatFen, isFen } from './money';
import { isCalendarDate } from '../register/dates';
import type { RuleProblem } from './rule-validation';
import type {
  AmountBasis,
  AmountSchedule,
  BenefitCategory,
  PaymentPeriod,
  ProgrammeDefinition,
} from './programme';

const basisOfPeriod: Record<PaymentPeriod, AmountBasis> = {
  monthly: 'per_month',
  yearly: 'per_year',
  one_time: 'once',
};

export const regionOf = (schedule: AmountSchedule) => schedule.region ?? '';

/**
 * The schedule in force on `date` for a beneficiary whose hukou is `place`: each region covering the
 * place (the programme's own, a province's, a county's top-up) has its latest started schedule, and
 * the highest of those amounts applies — a programme's figures are minimums that a region only raises.
 * On a tie the narrower region's (its document is the one applied). Undefined before the first one.
 */
export function scheduleOn(
  category: BenefitCategory,
  date: string,
  place: string,
): AmountSchedule | undefined {
  return highestInForce(category, date, place);
}

/** scheduleOn, leaving out the schedules of region `except` (what the wider regions pay). */
function highestInForce(
  category: BenefitCategory,
  date: string,
  place: string,
  except?: string,
): AmountSchedule | undefined {
  const latest = new Map<string, AmountSchedule>();
  for (const schedule of category.schedules) {
    const region = regionOf(schedule);
    if (schedule.effectiveFrom > date || !place.startsWith(region) || region === except) continue;
    const seen = latest.get(region);
    if (!seen || seen.effectiveFrom <= schedule.effectiveFrom) latest.set(region, schedule);
  }
  let found: AmountSchedule | undefined;
  for (const schedule of latest.values()) {
    if (!found || schedule.amountFen > found.amountFen) found = schedule;
    else if (schedule.amountFen === found.amountFen && regionOf(schedule).length > regionOf(found).length)
      found = schedule;
  }
  return found;
}

/**
 * A new amount from a date (for the programme's region, or a regional one): a new definition with one
 * more schedule; an existing date of the same region is never overwritten, and a regional amount may
 * not be below what the wider regions pay on its first day.
 */
export function withNewSchedule(
  programme: ProgrammeDefinition,
  categoryCode: string,
  schedule: AmountSchedule,
): BenefitResult<ProgrammeDefinition> {
  const category = programme.categories.find((candidate) => candidate.code === categoryCode);
  if (!category)
    return fail(BenefitErrorCode.UnknownCategory, `项目 ${programme.code} 无类别 ${categoryCode}`);
  // The stored schedules were checked when added; the message names the new one's fields.
  const problems = scheduleProblems(programme, [schedule], '$');
  if (problems.length > 0) {
    const named = problems.map((p) => `${p.path.replace('$.schedules[0]', 'schedule')} ${p.message}`);
    return fail(BenefitErrorCode.InvalidAmount, named.join('；'));
  }
  const region = regionOf(schedule);
  if (
    category.schedules.some(
      (existing) => existing.effectiveFrom === schedule.effectiveFrom && regionOf(existing) === region,
    )
  ) {
    return fail(
      BenefitErrorCode.ScheduleDateTaken,
      `${schedule.effectiveFrom} 已有标准；标准不可修改，请以新的生效日期新增`,
    );
  }
  const wider = region === '' ? undefined : highestInForce(category, schedule.effectiveFrom, region, region);
  if (wider && schedule.amountFen < wider.amountFen) {
    return fail(
      BenefitErrorCode.InvalidAmount,
      `schedule.amountFen 地区标准不得低于 ${schedule.effectiveFrom} 起适用的上级标准 ${formatFen(wider.amountFen)}`,
    );
  }
  const schedules = [...category.schedules, schedule].sort(
    (a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || regionOf(a).localeCompare(regionOf(b)),
  );
  const categories = programme.categories.map((candidate) =>
    candidate === category ? { ...candidate, schedules } : candidate,
  );
  return ok({ ...programme, categories });
}

export function scheduleProblems(
  programme: ProgrammeDefinition,
  schedules: readonly AmountSchedule[],
  path: string,
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const basis = basisOfPeriod[programme.paymentPeriod];
  schedules.forEach((schedule, index) => {
    const at = `${path}.schedules[${index}]`;
    if (!isCalendarDate(schedule.effectiveFrom))
      problems.push({ path: `${at}.effectiveFrom`, message: '生效日期无效' });
    if (!isFen(schedule.amountFen) || schedule.amountFen < 0) {
      problems.push({ path: `${at}.amountFen`, message: '金额应为非负整数（分）' });
    }
    if (schedule.basis !== basis) {
      problems.push({
        path: `${at}.basis`,
        message: `按${programme.paymentPeriod}发放的项目，金额应为 ${basis}`,
      });
    }
    const region = schedule.region;
    if (
      region !== undefined &&
      (!/^\d{1,12}$/.test(region) ||
        !region.startsWith(programme.regionPrefix) ||
        region.length <= programme.regionPrefix.length)
    ) {
      problems.push({ path: `${at}.region`, message: '地区标准的适用地区应为项目适用地区内的下级区划代码' });
    }
  });
  return problems;
}
