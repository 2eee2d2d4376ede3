// A small declarative rule language for eligibility. Rules are plain JSON (stored with the programme,
// edited by a county, checked by validateRule) so that a new local condition needs no code change.
import type { FactName } from './fact-catalogue';

export const COMPARISON_OPERATORS = [
  'eq',
  'ne',
  'lt',
  'lte',
  'gt',
  'gte',
  'between',
  'in',
  'startsWith',
] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

export type RuleValue = string | number | boolean | readonly (string | number)[];

/** A comparison of one fact with a literal: { "fact": "age", "op": "gte", "value": 60 }. */
export interface ComparisonRule {
  fact: FactName;
  op: ComparisonOperator;
  value: RuleValue;
  /** What the condition means in the policy's words, shown before the comparison. */
  label?: string;
}

export interface AllRule {
  all: readonly Rule[];
  label?: string;
}

export interface AnyRule {
  any: readonly Rule[];
  label?: string;
}

export interface NotRule {
  not: Rule;
  label?: string;
}

export type Rule = ComparisonRule | AllRule | AnyRule | NotRule;

export function isAllRule(rule: Rule): rule is AllRule {
  return 'all' in rule;
}
export function isAnyRule(rule: Rule): rule is AnyRule {
  return 'any' in rule;
}
export function isNotRule(rule: Rule): rule is NotRule {
  return 'not' in rule;
}

/** Which operators each kind of fact allows (and so which values a comparison may hold). */
export const OPERATORS_BY_KIND = {
  number: ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'between', 'in'],
  date: ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'between'],
  code: ['eq', 'ne', 'startsWith', 'in'],
  enum: ['eq', 'ne', 'in'],
  boolean: ['eq', 'ne'],
} as const satisfies Record<string, readonly ComparisonOperator[]>;

// Shorthands for writing definitions in code; the result is the same JSON.
export const allOf = (rules: readonly Rule[], label?: string): AllRule =>
  label ? { all: rules, label } : { all: rules };
export const anyOf = (rules: readonly Rule[], label?: string): AnyRule =>
  label ? { any: rules, label } : { any: rules };
export const notRule = (rule: Rule, label?: string): NotRule =>
  label ? { not: rule, label } : { not: rule };
export function factRule(
  name: FactName,
  op: ComparisonOperator,
  value: RuleValue,
  label?: string,
): ComparisonRule {
  return label ? { fact: name, op, value, label } : { fact: name, op, value };
}
