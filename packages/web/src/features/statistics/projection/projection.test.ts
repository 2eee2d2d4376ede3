import { describe, expect, it } from 'vitest';
import { translate } from '../../../lib/i18n';
import type { ProjectedYear, ProjectionResult, ScenarioName } from './api';
import { persons, pyramidScale, scenarioLinesChart } from './charts';
import { projectionRows, projectionSheet } from './table';
import { defaultBase, parseTfr, parseYears, toSearch } from './useProjectionParams';

const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('zh', key, params);

const year = (y: number, total: number, births: number | null): ProjectedYear => ({
  year: y,
  female: [total / 4, total / 4],
  male: [total / 4, total / 4],
  total,
  birthsPerYear: births,
  age3to5: total * 0.04,
  age6to11: total * 0.08,
  age12to14: total * 0.04,
  age65plus: total * 0.1,
  age80plus: total * 0.02,
});

const scenario = (name: ScenarioName, tfr: number, totals: number[]) => ({
  name,
  tfr,
  years: totals.map((total, i) => year(2024 + 5 * i, total, i === 0 ? null : total / 100)),
});

const result: ProjectionResult = {
  jurisdiction: '652926',
  base: '2024-12-31',
  window: { from: '2020-01-01', to: '2024-12-31' },
  observed: { tfr: 1.68, srb: 113.6, e0Male: 72.6, e0Female: 75.5 },
  groups: ['0-4', '5+'],
  scenarios: [
    scenario('low', 1.18, [3076, 3070.4, 2843.5]),
    scenario('medium', 1.68, [3076, 3126.2, 3039.5]),
    scenario('high', 2.18, [3076, 3183, 3236.49]),
  ],
};

describe('projection table', () => {
  it('lists the base year once, then each projected year per scenario', () => {
    const rows = projectionRows(result);
    expect(rows.map((r) => `${r.year}:${r.scenario}:${r.yearSpan}`)).toEqual([
      '2024:base:1',
      '2029:low:3',
      '2029:medium:0',
      '2029:high:0',
      '2034:low:3',
      '2034:medium:0',
      '2034:high:0',
    ]);
    expect(rows.at(-2)?.values.total).toBe(3039.5);
    expect(rows[0]?.values.birthsPerYear).toBeNull();
  });

  it('writes the same rows to Excel in whole persons, with the assumptions', () => {
    const sheet = projectionSheet(result, t, '拜城县', true);
    expect(sheet.title).toBe('拜城县人口预测（基期 2024-12-31）');
    expect(sheet.subtitle?.[0]).toContain('低 1.18，中 1.68，高 2.18');
    expect(sheet.header[0]?.slice(0, 3)).toEqual(['年份', '方案', '总人口']);
    expect(sheet.rows).toHaveLength(7);
    expect(sheet.rows[0]?.slice(0, 4)).toEqual([2024, '基期', 3076, null]);
    expect(sheet.rows.at(-1)?.slice(0, 3)).toEqual([2034, '高方案', 3236]);
  });
});

describe('projection charts', () => {
  it('draws one series per scenario, rounded to whole persons', () => {
    const chart = scenarioLinesChart(result, (y) => y.total, t, { heading: '总人口' });
    expect(chart.data.columns).toEqual(['年份', '低方案', '中方案', '高方案']);
    expect(chart.data.rows).toEqual([
      ['2024', 3076, 3076, 3076],
      ['2029', 3070, 3126, 3183],
      ['2034', 2844, 3040, 3236],
    ]);
    const births = scenarioLinesChart(result, (y) => y.birthsPerYear, t, { heading: '出生', skipBase: true });
    expect(births.data.rows.map((r) => r[0])).toEqual(['2029', '2034']);
  });

  it('keeps one pyramid scale over the years, rounded up', () => {
    // The largest group: 3236.49 / 4 = 809.1 → 810.
    expect(pyramidScale(result, 'high')).toBe(810);
    expect(persons(null)).toBeNull();
    expect(persons(2.5)).toBe(3);
  });
});

describe('projection address', () => {
  it('defaults the base to the end of the last full year of the register', () => {
    expect(defaultBase({ coverage: '652926', start: '2010-01-01', end: '2024-12-31' })).toBe('2024-12-31');
    expect(defaultBase({ coverage: '652926', start: '2010-01-01', end: '2025-03-31' })).toBe('2024-12-31');
  });

  it('accepts only the horizons and fertility the server accepts', () => {
    expect(parseYears('20')).toBe(20);
    expect(parseYears('25')).toBeUndefined();
    expect(parseYears(null)).toBeUndefined();
    expect(parseTfr('1.8')).toBe(1.8);
    expect(parseTfr('9')).toBeUndefined();
    expect(parseTfr('')).toBeUndefined();
    expect(toSearch({ jurisdiction: '652926', base: '2024-12-31', years: 20, migration: true })).toEqual({
      j: '652926',
      base: '2024-12-31',
      years: '20',
    });
    expect(
      toSearch({ jurisdiction: '652926', base: '2024-12-31', years: 10, tfr: 1.5, migration: false }),
    ).toEqual({ j: '652926', base: '2024-12-31', years: '10', tfr: '1.5', migration: 'false' });
  });
});
