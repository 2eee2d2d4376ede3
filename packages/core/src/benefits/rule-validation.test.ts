import { describe, expect, it } from 'vitest';
import { validateRule } from './rule-validation';

const problemsOf = (json: unknown) => {
  const result = validateRule(json);
  return result.ok ? [] : result.problems;
};

describe('validateRule', () => {
  it('accepts a nested rule', () => {
    const rule = {
      all: [
        { fact: 'age', op: 'gte', value: 60, label: '年满60周岁' },
        {
          any: [
            { fact: 'livingChildren', op: 'eq', value: 1 },
            { not: { fact: 'sex', op: 'eq', value: 'male' } },
          ],
        },
        { fact: 'hukouCode', op: 'startsWith', value: '652926' },
        { fact: 'birthDate', op: 'between', value: ['1933-01-01', '1965-12-31'] },
        { fact: 'hukouType', op: 'in', value: ['agricultural', 'resident'] },
      ],
    };
    expect(validateRule(rule)).toEqual({ ok: true, rule });
  });

  it.each([
    [null, '$', '规则应为对象'],
    [[], '$', '规则应为对象'],
    [{}, '$', '规则须恰有 all、any、not、fact 之一'],
    [{ all: [], any: [] }, '$', '规则须恰有 all、any、not、fact 之一'],
    [{ all: [] }, '$.all', '应为非空的规则数组'],
    [{ all: [{ fact: 'height', op: 'gt', value: 1 }] }, '$.all[0].fact', '未知事实："height"'],
    [{ any: [{ fact: 'age', op: 'like', value: 1 }] }, '$.any[0].op', '未知比较："like"'],
    [{ not: { fact: 'age', op: 'gte', value: '60' } }, '$.not.value', '应为数字'],
    [{ fact: 'sex', op: 'lt', value: 'female' }, '$.op', '“性别”不能用 lt，可用：eq, ne, in'],
    [{ fact: 'sex', op: 'eq', value: 'woman' }, '$.value', '应为以下之一：male, female'],
    [{ fact: 'birthDate', op: 'gte', value: '1933-02-30' }, '$.value', '应为日期 YYYY-MM-DD'],
    [{ fact: 'hukouCode', op: 'startsWith', value: '65A' }, '$.value', '应为区划代码（1–12位数字）'],
    [{ fact: 'alive', op: 'eq', value: 'yes' }, '$.value', '应为 true 或 false'],
    [{ fact: 'age', op: 'between', value: [60] }, '$.value', '应为 [下限, 上限]'],
    [{ fact: 'age', op: 'between', value: [70, 60] }, '$.value', '下限大于上限'],
    [{ fact: 'age', op: 'in', value: [60, 'x'] }, '$.value[1]', '应为数字'],
    [{ fact: 'age', op: 'eq', value: 1, extra: true }, '$.extra', '未知字段'],
    [{ all: [{ fact: 'age', op: 'eq', value: 1 }], label: 5 }, '$.label', '说明应为文字'],
  ])('refuses %j at %s', (json, path, message) => {
    expect(problemsOf(json)).toContainEqual({ path, message });
  });

  it('reports every problem, each with its path', () => {
    const problems = problemsOf({
      all: [{ fact: 'age', op: 'gte', value: 'x' }, { any: [{ fact: 'nope' }] }],
    });
    expect(problems.map((p) => p.path)).toEqual(['$.all[0].value', '$.all[1].any[0].fact']);
  });

  it('refuses rules nested too deep', () => {
    let rule: unknown = { fact: 'age', op: 'gte', value: 1 };
    for (let i = 0; i < 30; i += 1) rule = { not: rule };
    expect(problemsOf(rule)[0]?.message).toContain('嵌套超过');
  });
});
