// A programme's decision for one family on one date: eligible, not eligible, or to be checked by a
// worker (a needed fact is missing), always with the explanation of every condition on its fact value.
import { deriveFamilyFacts, type FamilyFacts, type FamilyRecords } from './facts';
import { appliesInRegion, isInForce, type BenefitCategory, type ProgrammeDefinition } from './programme';
import { describeMissingFact, type FactName } from './fact-catalogue';
import {
  evaluateRule,
  explanationText,
  missingFacts,
  outcomeLabels,
  type ExplanationNode,
  type RuleOutcome,
} from './rule-evaluation';

export const EligibilityOutcome = {
  Eligible: 'eligible',
  Ineligible: 'ineligible',
  NeedsReview: 'needs_review',
} as const;
export type EligibilityOutcome = (typeof EligibilityOutcome)[keyof typeof EligibilityOutcome];

export interface EligibilityDecision {
  programmeCode: string;
  date: string;
  outcome: EligibilityOutcome;
  /** The category that decides the amount, when eligible. */
  category: BenefitCategory | null;
  /** When the outcome is needs_review: the facts a worker must supply or check. */
  missingFacts: FactName[];
  explanation: ExplanationNode;
}

const outcomeOf: Record<RuleOutcome, EligibilityOutcome> = {
  pass: 'eligible',
  fail: 'ineligible',
  unknown: 'needs_review',
};

function check(condition: boolean, text: string): ExplanationNode {
  const outcome = condition ? 'pass' : 'fail';
  return { outcome, text: `${text} — ${outcomeLabels[outcome]}` };
}

/** The explanation's parts before the categories: in force, region, living, the common rule. */
const CONDITION_PARTS = 4;

/** A decision's explanation split into the conditions every family meets and the alternative categories. */
export function decisionParts(decision: EligibilityDecision): {
  conditions: ExplanationNode[];
  categories: ExplanationNode[];
} {
  const parts = decision.explanation.children ?? [];
  return { conditions: parts.slice(0, CONDITION_PARTS), categories: parts.slice(CONDITION_PARTS) };
}

export function decideEligibility(programme: ProgrammeDefinition, facts: FamilyFacts): EligibilityDecision {
  const inForce = check(
    isInForce(programme, facts.date),
    `项目有效期 ${programme.validFrom} 起${programme.validTo ? `至 ${programme.validTo} 前` : ''}（评估日：${facts.date}）`,
  );
  const region = check(
    appliesInRegion(programme, facts.hukouCode),
    programme.regionPrefix === ''
      ? '全国适用'
      : `适用地区 ${programme.regionPrefix}（户籍地：${facts.hukouCode}）`,
  );
  // Nobody is paid for a month that begins after their death, whatever a programme's rules say.
  const living = check(
    facts.alive,
    facts.deathDate === null ? '本人在世' : `本人在世（死亡日期 ${facts.deathDate}，死亡次月起停发）`,
  );
  const common = evaluateRule(programme.eligibility, facts);
  const categoryNodes = programme.categories.map((category) => {
    const node = category.eligibility ? evaluateRule(category.eligibility, facts) : check(true, '无附加条件');
    return { category, node: { ...node, text: `类别“${category.name}”：${node.text}` } };
  });
  const categoryOutcomes = categoryNodes.map(({ node }) => node.outcome);
  const anyCategory: RuleOutcome = categoryOutcomes.includes('pass')
    ? 'pass'
    : categoryOutcomes.includes('unknown')
      ? 'unknown'
      : 'fail';
  const parts = [inForce, region, living, common, ...categoryNodes.map(({ node }) => node)];
  // decisionParts relies on this order: CONDITION_PARTS conditions, then one node per category.
  const overall: RuleOutcome = [
    inForce.outcome,
    region.outcome,
    living.outcome,
    common.outcome,
    anyCategory,
  ].includes('fail')
    ? 'fail'
    : [common.outcome, anyCategory].includes('unknown')
      ? 'unknown'
      : 'pass';
  const outcome = outcomeOf[overall];
  const chosen =
    outcome === 'eligible' ? categoryNodes.find(({ node }) => node.outcome === 'pass') : undefined;
  // Category gaps matter only while no category passes.
  const undecided = [common, ...(anyCategory === 'unknown' ? categoryNodes.map(({ node }) => node) : [])];
  const missing = overall === 'unknown' ? [...new Set(undecided.flatMap(missingFacts))] : [];
  const headline = chosen
    ? `${outcomeLabels[overall]}（${chosen.category.name}）`
    : missing.length > 0
      ? `${outcomeLabels[overall]}：缺少${missing.map(describeMissingFact).join('；')}`
      : outcomeLabels[overall];
  return {
    programmeCode: programme.code,
    date: facts.date,
    outcome,
    category: chosen?.category ?? null,
    missingFacts: missing,
    explanation: {
      outcome: overall,
      text: `${programme.shortName} ${facts.date}：${headline}`,
      children: parts,
    },
  };
}

/** Screening one family: facts on `date` from register records, then the decision. */
export function screenFamily(
  programme: ProgrammeDefinition,
  records: FamilyRecords,
  date: string,
): EligibilityDecision {
  return decideEligibility(programme, deriveFamilyFacts(records, date));
}

export function decisionText(decision: EligibilityDecision): string {
  return explanationText(decision.explanation);
}
