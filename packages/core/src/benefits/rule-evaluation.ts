// Evaluates a rule against family facts and says why. Logic is three-valued: a fact the register does
// not hold (null) makes its comparison "unknown" rather than false, so that a family is sent for a
// worker's check instead of being silently refused.
import { describeFactValue, FACTS, type FactName, type FactValue } from './fact-catalogue';
import type { FamilyFacts } from './facts';
import { isAllRule, isAnyRule, isNotRule, type ComparisonRule, type Rule } from './rules';

export type RuleOutcome = 'pass' | 'fail' | 'unknown';

/** One line of an explanation; groups hold the lines of their parts. */
export interface ExplanationNode {
  outcome: RuleOutcome;
  text: string;
  /** The fact a comparison read (so that a missing one can be named). */
  fact?: FactName;
  children?: ExplanationNode[];
}

export const outcomeLabels: Record<RuleOutcome, string> = {
  pass: '符合',
  fail: '不符合',
  unknown: '无法判断（缺少信息）',
};

const operatorWords = {
  eq: '为',
  ne: '不为',
  lt: '<',
  lte: '≤',
  gt: '>',
  gte: '≥',
  between: '在',
  in: '为以下之一：',
  startsWith: '开头为',
} as const;

function compare(rule: ComparisonRule, actual: FactValue): RuleOutcome {
  if (actual === null) return 'unknown';
  const { op, value } = rule;
  const is = (condition: boolean): RuleOutcome => (condition ? 'pass' : 'fail');
  switch (op) {
    case 'eq':
      return is(actual === value);
    case 'ne':
      return is(actual !== value);
    case 'lt':
      return is(actual < (value as string | number));
    case 'lte':
      return is(actual <= (value as string | number));
    case 'gt':
      return is(actual > (value as string | number));
    case 'gte':
      return is(actual >= (value as string | number));
    case 'between': {
      const [low, high] = value as readonly (string | number)[];
      return is(actual >= low! && actual <= high!);
    }
    case 'in':
      return is((value as readonly (string | number)[]).includes(actual as string | number));
    case 'startsWith':
      return is(typeof actual === 'string' && actual.startsWith(value as string));
  }
}

function describeCondition(rule: ComparisonRule): string {
  const name = rule.fact;
  const label = FACTS[name].label;
  const word = (value: string | number | boolean) => describeFactValue(name, value);
  if (rule.op === 'between') {
    const [low, high] = rule.value as readonly (string | number)[];
    return `${label}在 ${word(low!)} 至 ${word(high!)} 之间`;
  }
  if (rule.op === 'in')
    return `${label}为以下之一：${(rule.value as readonly (string | number)[]).map(word).join('、')}`;
  return `${label} ${operatorWords[rule.op]} ${word(rule.value as string | number | boolean)}`;
}

function evaluateComparison(rule: ComparisonRule, facts: FamilyFacts): ExplanationNode {
  const actual = facts[rule.fact as FactName] as FactValue;
  const outcome = compare(rule, actual);
  const prefix = rule.label ? `${rule.label}：` : '';
  const text = `${prefix}${describeCondition(rule)}（实际：${describeFactValue(rule.fact, actual)}）— ${outcomeLabels[outcome]}`;
  return { outcome, text, fact: rule.fact };
}

/** Kleene's strong logic: fail beats unknown in all, pass beats unknown in any. */
function combine(kind: 'all' | 'any', outcomes: RuleOutcome[]): RuleOutcome {
  const decisive = kind === 'all' ? 'fail' : 'pass';
  if (outcomes.includes(decisive)) return decisive;
  if (outcomes.includes('unknown')) return 'unknown';
  return kind === 'all' ? 'pass' : 'fail';
}

const negated: Record<RuleOutcome, RuleOutcome> = { pass: 'fail', fail: 'pass', unknown: 'unknown' };

function evaluateGroup(
  kind: 'all' | 'any',
  parts: readonly Rule[],
  label: string | undefined,
  facts: FamilyFacts,
): ExplanationNode {
  const children = parts.map((part) => evaluateRule(part, facts));
  const outcome = combine(
    kind,
    children.map((child) => child.outcome),
  );
  const heading = label ?? (kind === 'all' ? '同时满足以下全部条件' : '满足以下任一条件');
  return { outcome, text: `${heading} — ${outcomeLabels[outcome]}`, children };
}

export function evaluateRule(rule: Rule, facts: FamilyFacts): ExplanationNode {
  if (isNotRule(rule)) {
    const inner = evaluateRule(rule.not, facts);
    const outcome = negated[inner.outcome];
    return {
      outcome,
      text: `${rule.label ?? '不满足以下条件'} — ${outcomeLabels[outcome]}`,
      children: [inner],
    };
  }
  if (isAllRule(rule)) return evaluateGroup('all', rule.all, rule.label, facts);
  if (isAnyRule(rule)) return evaluateGroup('any', rule.any, rule.label, facts);
  return evaluateComparison(rule, facts);
}

/**
 * The facts whose absence leaves `node` undecided: the missing comparisons under unknown groups only
 * (an unknown part of a group that passed or failed anyway does not matter).
 */
export function missingFacts(node: ExplanationNode): FactName[] {
  if (node.outcome !== 'unknown') return [];
  if (node.fact !== undefined) return [node.fact];
  return [...new Set((node.children ?? []).flatMap(missingFacts))];
}

const marks: Record<RuleOutcome, string> = { pass: '✓', fail: '✗', unknown: '?' };

/** The explanation as indented lines, for a screen, a PDF or an audit row. */
export function explanationText(node: ExplanationNode, depth = 0): string {
  const line = `${'  '.repeat(depth)}${marks[node.outcome]} ${node.text}`;
  const rest = (node.children ?? []).map((child) => explanationText(child, depth + 1));
  return [line, ...rest].join('\n');
}
