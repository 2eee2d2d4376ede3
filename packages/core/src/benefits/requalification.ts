// 年审 (annual re-qualification): an enrolment re-screened against its programme's rules as of a date.
// Still eligible, no longer eligible (with the conditions that failed and the first month no longer
// due), or to be checked by a worker (a needed fact is missing). Reviewers confirm an end; nothing
// here changes an enrolment.
import { addMonths, firstDayOf, monthIndex, monthOfDate, type YearMonth } from './calendar';
import {
  decisionParts,
  screenFamily,
  type EligibilityDecision,
  type EligibilityOutcome,
} from './eligibility';
import type { FamilyRecords } from './facts';
import type { ProgrammeDefinition } from './programme';
import type { ExplanationNode } from './rule-evaluation';

export interface RequalificationFinding {
  outcome: EligibilityOutcome;
  decision: EligibilityDecision;
  /** The conditions that failed, in words (empty unless no longer eligible). */
  failed: string[];
  /** When no longer eligible: the first month not due. */
  endsBefore: YearMonth | null;
  /** When no longer eligible: the reason written into the application's trail on confirmation. */
  reason: string | null;
}

/** How far back an end is dated: at most a year before the review (the previous 年审 saw the rest). */
const LOOK_BACK_MONTHS = 11;
const MAX_REASON_LENGTH = 480;

/** The failed leaves of an explanation: the conditions a reader has to fix or accept. */
export function failedConditions(node: ExplanationNode): string[] {
  if (node.outcome !== 'fail') return [];
  const failing = (node.children ?? []).filter((child) => child.outcome === 'fail');
  if (failing.length === 0) return [node.text];
  return failing.flatMap(failedConditions);
}

/**
 * The first month of the run of months, ending with the review's month, whose first day is already
 * not eligible; the month after the review's when its first day was still eligible.
 */
function firstMonthNotDue(
  programme: ProgrammeDefinition,
  records: FamilyRecords,
  date: string,
  enrolledFrom: YearMonth,
): YearMonth {
  const reviewMonth = monthOfDate(date);
  const earliest = Math.max(monthIndex(enrolledFrom), monthIndex(reviewMonth) - LOOK_BACK_MONTHS);
  let endsBefore = addMonths(reviewMonth, 1);
  for (let month = reviewMonth; monthIndex(month) >= earliest; month = addMonths(month, -1)) {
    if (screenFamily(programme, records, firstDayOf(month)).outcome !== 'ineligible') break;
    endsBefore = month;
  }
  return endsBefore;
}

export function requalify(
  programme: ProgrammeDefinition,
  records: FamilyRecords,
  date: string,
  enrolledFrom: YearMonth,
): RequalificationFinding {
  const decision = screenFamily(programme, records, date);
  if (decision.outcome !== 'ineligible') {
    return { outcome: decision.outcome, decision, failed: [], endsBefore: null, reason: null };
  }
  // A category that fails is no reason while another one passes: categories are alternatives.
  const { conditions, categories } = decisionParts(decision);
  const anyCategory = categories.some((node) => node.outcome === 'pass');
  const failed = [...conditions, ...(anyCategory ? [] : categories)].flatMap(failedConditions);
  const endsBefore = firstMonthNotDue(programme, records, date, enrolledFrom);
  const reason = `年审（${date}）不再符合${programme.shortName}条件，自 ${endsBefore} 起终止：${failed.join('；')}`;
  return {
    outcome: decision.outcome,
    decision,
    failed,
    endsBefore,
    reason: reason.length > MAX_REASON_LENGTH ? `${reason.slice(0, MAX_REASON_LENGTH - 1)}…` : reason,
  };
}
