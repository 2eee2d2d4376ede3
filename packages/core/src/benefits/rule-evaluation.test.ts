import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACTS, type FactName } from './fact-catalogue';
import type { FamilyFacts } from './facts';
import { evaluateRule, explanationText, missingFacts, type ExplanationNode } from './rule-evaluation';
import { validateRule } from './rule-validation';
import {
  allOf,
  anyOf,
  factRule,
  isAllRule,
  isAnyRule,
  isNotRule,
  notRule,
  type ComparisonRule,
  type Rule,
} from './rules';

const seed = 20250728;

const facts: FamilyFacts = {
  date: '2025-03-01',
  alive: true,
  sex: 'female',
  birthDate: '1960-05-10',
  deathDate: null,
  age: 64,
  monthsSinceBirthMonth: 778,
  hukouType: 'agricultural',
  ruralHukou: true,
  hukouCode: '652926100001',
  disabilityGrade: null,
  hasOnlyChildCertificate: true,
  childrenEver: 2,
  livingChildren: 2,
  deadChildren: 0,
  livingSons: 0,
  livingDaughters: 2,
  livingChildrenAllDaughters: true,
  mostSevereChildDisabilityGrade: null,
  motherAge: 64,
  qualifyingHistory1973To2001: null,
};

describe('evaluateRule', () => {
  it('compares and explains each fact in Chinese', () => {
    const node = evaluateRule(factRule('age', 'gte', 60, '年满60周岁'), facts);
    expect(node).toEqual({
      outcome: 'pass',
      text: '年满60周岁：年龄 ≥ 60周岁（实际：64周岁）— 符合',
      fact: 'age',
    });
    expect(evaluateRule(factRule('sex', 'eq', 'male'), facts).text).toBe('性别 为 男（实际：女）— 不符合');
    expect(evaluateRule(factRule('hukouCode', 'startsWith', '6529'), facts).outcome).toBe('pass');
    expect(evaluateRule(factRule('hukouType', 'in', ['agricultural', 'resident']), facts).text).toBe(
      '户口性质为以下之一：农业户口、居民户口（实际：农业户口）— 符合',
    );
    expect(evaluateRule(factRule('birthDate', 'between', ['1933-01-01', '1959-12-31']), facts).outcome).toBe(
      'fail',
    );
  });

  it('treats a missing fact as unknown, not false', () => {
    expect(evaluateRule(factRule('disabilityGrade', 'lte', 3), facts).outcome).toBe('unknown');
    expect(evaluateRule(notRule(factRule('disabilityGrade', 'lte', 3)), facts).outcome).toBe('unknown');
    expect(
      evaluateRule(allOf([factRule('age', 'lt', 60), factRule('disabilityGrade', 'lte', 3)]), facts).outcome,
    ).toBe('fail');
    expect(
      evaluateRule(anyOf([factRule('age', 'gte', 60), factRule('disabilityGrade', 'lte', 3)]), facts).outcome,
    ).toBe('pass');
    expect(
      evaluateRule(allOf([factRule('age', 'gte', 60), factRule('disabilityGrade', 'lte', 3)]), facts).outcome,
    ).toBe('unknown');
  });

  it('names the missing facts that leave a rule undecided, and only those', () => {
    const undecided = allOf([factRule('age', 'gte', 60), factRule('disabilityGrade', 'lte', 3)]);
    expect(missingFacts(evaluateRule(undecided, facts))).toEqual(['disabilityGrade']);
    // The any-group passes on age: the missing grade beside it does not matter.
    const decided = anyOf([factRule('age', 'gte', 60), factRule('disabilityGrade', 'lte', 3)]);
    expect(missingFacts(evaluateRule(decided, facts))).toEqual([]);
  });

  it('renders nested explanations as indented lines', () => {
    const rule = allOf([
      factRule('age', 'gte', 60),
      anyOf(
        [factRule('livingChildren', 'eq', 1), factRule('livingChildrenAllDaughters', 'eq', true)],
        '子女情况',
      ),
    ]);
    expect(explanationText(evaluateRule(rule, facts))).toBe(
      [
        '✓ 同时满足以下全部条件 — 符合',
        '  ✓ 年龄 ≥ 60周岁（实际：64周岁）— 符合',
        '  ✓ 子女情况 — 符合',
        '    ✗ 现存活子女数 为 1个（实际：2个）— 不符合',
        '    ✓ 现存活子女均为女儿 为 是（实际：是）— 符合',
      ].join('\n'),
    );
  });
});

// Random rules over random facts, with a fixed seed.
const numberFacts = [
  'age',
  'livingChildren',
  'deadChildren',
  'childrenEver',
  'disabilityGrade',
  'mostSevereChildDisabilityGrade',
  'motherAge',
] as const;
const booleanFacts = [
  'alive',
  'ruralHukou',
  'livingChildrenAllDaughters',
  'qualifyingHistory1973To2001',
] as const;

const comparisonArb: fc.Arbitrary<ComparisonRule> = fc.oneof(
  fc.record({
    fact: fc.constantFrom(...numberFacts),
    op: fc.constantFrom('eq', 'ne', 'lt', 'lte', 'gt', 'gte' as const),
    value: fc.integer({ min: 0, max: 80 }),
  }),
  fc.record({
    fact: fc.constant('sex' as const),
    op: fc.constantFrom('eq', 'ne' as const),
    value: fc.constantFrom('male', 'female'),
  }),
  fc.record({
    fact: fc.constantFrom(...booleanFacts),
    op: fc.constantFrom('eq', 'ne' as const),
    value: fc.boolean(),
  }),
  fc.record({
    fact: fc.constant('hukouCode' as const),
    op: fc.constant('startsWith' as const),
    value: fc.constantFrom('65', '6529', '652926100001', '11'),
  }),
  fc.record({
    fact: fc.constant('birthDate' as const),
    op: fc.constantFrom('lt', 'gte' as const),
    value: fc.constantFrom('1933-01-01', '1965-01-01'),
  }),
);

const { rule: ruleArb } = fc.letrec<{ rule: Rule }>((tie) => ({
  rule: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    comparisonArb,
    fc.array(tie('rule'), { minLength: 1, maxLength: 3 }).map((rules) => allOf(rules)),
    fc.array(tie('rule'), { minLength: 1, maxLength: 3 }).map((rules) => anyOf(rules)),
    tie('rule').map((rule) => notRule(rule)),
  ),
}));

const nullableNumber = (max: number) => fc.option(fc.integer({ min: 0, max }), { nil: null });
const factsArb: fc.Arbitrary<FamilyFacts> = fc
  .record({
    age: fc.integer({ min: 0, max: 100 }),
    livingChildren: fc.integer({ min: 0, max: 4 }),
    deadChildren: fc.integer({ min: 0, max: 2 }),
    childrenEver: fc.integer({ min: 0, max: 5 }),
    disabilityGrade: nullableNumber(4),
    mostSevereChildDisabilityGrade: nullableNumber(4),
    motherAge: fc.integer({ min: 20, max: 100 }),
    sex: fc.constantFrom('male' as const, 'female' as const),
    alive: fc.boolean(),
    ruralHukou: fc.option(fc.boolean(), { nil: null }),
    livingChildrenAllDaughters: fc.boolean(),
    qualifyingHistory1973To2001: fc.option(fc.boolean(), { nil: null }),
    hukouCode: fc.constantFrom('652926100001', '110101001001'),
    birthDate: fc.constantFrom('1930-01-01', '1950-06-01', '1990-01-01'),
  })
  .map((random) => ({ ...facts, ...random }));

function leaves(rule: Rule): ComparisonRule[] {
  if (isAllRule(rule)) return rule.all.flatMap(leaves);
  if (isAnyRule(rule)) return rule.any.flatMap(leaves);
  if (isNotRule(rule)) return leaves(rule.not);
  return [rule];
}

function leafNodes(node: ExplanationNode): ExplanationNode[] {
  return node.children ? node.children.flatMap(leafNodes) : [node];
}

describe('rule properties (fixed seed)', () => {
  const options = { seed, numRuns: 400 };

  it('every generated rule validates and survives a JSON round trip unchanged', () => {
    fc.assert(
      fc.property(ruleArb, factsArb, (rule, family) => {
        const parsed = validateRule(JSON.parse(JSON.stringify(rule)));
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(evaluateRule(parsed.rule, family)).toEqual(evaluateRule(rule, family));
      }),
      options,
    );
  });

  it('the explanation has one line per comparison, naming its fact and actual value', () => {
    fc.assert(
      fc.property(ruleArb, factsArb, (rule, family) => {
        const comparisons = leaves(rule);
        const lines = leafNodes(evaluateRule(rule, family));
        expect(lines).toHaveLength(comparisons.length);
        lines.forEach((line, index) => {
          expect(line.text).toContain(FACTS[comparisons[index]!.fact as FactName].label);
          expect(line.text).toContain('（实际：');
        });
      }),
      options,
    );
  });

  it('double negation and De Morgan hold in three-valued logic', () => {
    fc.assert(
      fc.property(ruleArb, ruleArb, factsArb, (a, b, family) => {
        const outcome = (rule: Rule) => evaluateRule(rule, family).outcome;
        expect(outcome(notRule(notRule(a)))).toBe(outcome(a));
        expect(outcome(notRule(allOf([a, b])))).toBe(outcome(anyOf([notRule(a), notRule(b)])));
        expect(outcome(notRule(anyOf([a, b])))).toBe(outcome(allOf([notRule(a), notRule(b)])));
      }),
      options,
    );
  });

  it('an outcome is unknown only when some compared fact is missing', () => {
    fc.assert(
      fc.property(ruleArb, factsArb, (rule, family) => {
        if (evaluateRule(rule, family).outcome !== 'unknown') return;
        expect(leaves(rule).some((leaf) => family[leaf.fact as FactName] === null)).toBe(true);
      }),
      options,
    );
  });

  it('an undecided outcome names at least one missing fact, each of them null', () => {
    fc.assert(
      fc.property(ruleArb, factsArb, (rule, family) => {
        const node = evaluateRule(rule, family);
        const missing = missingFacts(node);
        if (node.outcome !== 'unknown') {
          expect(missing).toEqual([]);
          return;
        }
        expect(missing.length).toBeGreaterThan(0);
        for (const fact of missing) expect(family[fact]).toBeNull();
      }),
      options,
    );
  });
});
