// Checks rule JSON from outside (a county's programme file, an editor in the browser) before it is
// stored or evaluated. Every error names the path of the offending part: $.all[1].value.
import { isCalendarDate } from '../register/dates';
import { FACTS, isFactName, type FactDefinition } from './fact-catalogue';
import { COMPARISON_OPERATORS, OPERATORS_BY_KIND, type ComparisonOperator, type Rule } from './rules';

export interface RuleProblem {
  path: string;
  message: string;
}

export type RuleValidation = { ok: true; rule: Rule } | { ok: false; problems: RuleProblem[] };

const MAX_DEPTH = 20;
const groupKeys = ['all', 'any', 'not'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkScalar(
  definition: FactDefinition,
  value: unknown,
  path: string,
  problems: RuleProblem[],
): void {
  const expected = (message: string) => problems.push({ path, message });
  switch (definition.kind) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) expected('应为数字');
      return;
    case 'date':
      if (typeof value !== 'string' || !isCalendarDate(value)) expected('应为日期 YYYY-MM-DD');
      return;
    case 'code':
      if (typeof value !== 'string' || !/^\d{1,12}$/.test(value)) expected('应为区划代码（1–12位数字）');
      return;
    case 'enum':
      if (typeof value !== 'string' || !definition.values || !Object.hasOwn(definition.values, value)) {
        expected(`应为以下之一：${Object.keys(definition.values ?? {}).join(', ')}`);
      }
      return;
    case 'boolean':
      if (typeof value !== 'boolean') expected('应为 true 或 false');
      return;
  }
}

function checkComparison(node: Record<string, unknown>, path: string, problems: RuleProblem[]): void {
  for (const key of Object.keys(node)) {
    if (!['fact', 'op', 'value', 'label'].includes(key))
      problems.push({ path: `${path}.${key}`, message: '未知字段' });
  }
  if (!isFactName(node.fact)) {
    problems.push({ path: `${path}.fact`, message: `未知事实：${JSON.stringify(node.fact)}` });
    return;
  }
  const definition = FACTS[node.fact];
  const op = node.op;
  if (typeof op !== 'string' || !(COMPARISON_OPERATORS as readonly string[]).includes(op)) {
    problems.push({ path: `${path}.op`, message: `未知比较：${JSON.stringify(op)}` });
    return;
  }
  const allowed: readonly ComparisonOperator[] = OPERATORS_BY_KIND[definition.kind];
  if (!allowed.includes(op as ComparisonOperator)) {
    problems.push({
      path: `${path}.op`,
      message: `“${definition.label}”不能用 ${op}，可用：${allowed.join(', ')}`,
    });
    return;
  }
  const value = node.value;
  const valuePath = `${path}.value`;
  if (op === 'between' || op === 'in') {
    if (!Array.isArray(value) || value.length === 0 || (op === 'between' && value.length !== 2)) {
      problems.push({ path: valuePath, message: op === 'between' ? '应为 [下限, 上限]' : '应为非空数组' });
      return;
    }
    const before = problems.length;
    value.forEach((item, index) => checkScalar(definition, item, `${valuePath}[${index}]`, problems));
    if (
      op === 'between' &&
      problems.length === before &&
      (value[0] as string | number) > (value[1] as string | number)
    ) {
      problems.push({ path: valuePath, message: '下限大于上限' });
    }
    return;
  }
  checkScalar(definition, value, valuePath, problems);
}

function checkNode(node: unknown, path: string, depth: number, problems: RuleProblem[]): void {
  if (!isRecord(node)) {
    problems.push({ path, message: '规则应为对象' });
    return;
  }
  if (depth > MAX_DEPTH) {
    problems.push({ path, message: `嵌套超过 ${MAX_DEPTH} 层` });
    return;
  }
  if (node.label !== undefined && typeof node.label !== 'string') {
    problems.push({ path: `${path}.label`, message: '说明应为文字' });
  }
  const groups = groupKeys.filter((key) => key in node);
  if (groups.length === 0 && 'fact' in node) {
    checkComparison(node, path, problems);
    return;
  }
  if (groups.length !== 1 || 'fact' in node) {
    problems.push({ path, message: '规则须恰有 all、any、not、fact 之一' });
    return;
  }
  const key = groups[0]!;
  for (const other of Object.keys(node)) {
    if (other !== key && other !== 'label') problems.push({ path: `${path}.${other}`, message: '未知字段' });
  }
  const inner = node[key];
  if (key === 'not') {
    checkNode(inner, `${path}.not`, depth + 1, problems);
    return;
  }
  if (!Array.isArray(inner) || inner.length === 0) {
    problems.push({ path: `${path}.${key}`, message: '应为非空的规则数组' });
    return;
  }
  inner.forEach((child, index) => checkNode(child, `${path}.${key}[${index}]`, depth + 1, problems));
}

/** Validates rule JSON; on success the value is a Rule (the same object, now typed). */
export function validateRule(json: unknown): RuleValidation {
  const problems: RuleProblem[] = [];
  checkNode(json, '$', 0, problems);
  return problems.length === 0 ? { ok: true, rule: json as Rule } : { ok: false, problems };
}
