// The projection by year as rows (the base year once, then each projected year per scenario) and as an
// Excel sheet with the same rows, a title and the assumptions.
import { formatNumber } from '../../../lib/format';
import type { MessageKey, Params } from '../../../lib/i18n';
import type { SheetSpec } from '../../../lib/excel';
import { SCENARIOS, scenarioOf, type ProjectedYear, type ProjectionResult, type ScenarioName } from './api';
import { persons, scenarioLabel } from './charts';

type T = (key: MessageKey, params?: Params) => string;

export type FigureKey =
  'total' | 'birthsPerYear' | 'age3to5' | 'age6to11' | 'age12to14' | 'age65plus' | 'age80plus';

export interface Figure {
  key: FigureKey;
  label: MessageKey;
  value: (year: ProjectedYear) => number | null;
}

/** The figures of each projected year, in the order of the table's columns. */
export const FIGURES: Figure[] = [
  { key: 'total', label: 'proj.chart.total', value: (y) => y.total },
  { key: 'birthsPerYear', label: 'proj.chart.births', value: (y) => y.birthsPerYear },
  { key: 'age3to5', label: 'proj.group.age3to5', value: (y) => y.age3to5 },
  { key: 'age6to11', label: 'proj.group.age6to11', value: (y) => y.age6to11 },
  { key: 'age12to14', label: 'proj.group.age12to14', value: (y) => y.age12to14 },
  { key: 'age65plus', label: 'proj.group.age65plus', value: (y) => y.age65plus },
  { key: 'age80plus', label: 'proj.group.age80plus', value: (y) => y.age80plus },
];

export interface ProjectionRow {
  key: string;
  year: number;
  /** 'base' for the base year, the same in every scenario. */
  scenario: ScenarioName | 'base';
  /** Rows of the same year after the first: the year cell spans them. */
  yearSpan: number;
  values: Record<FigureKey, number | null>;
}

const valuesOf = (year: ProjectedYear): Record<FigureKey, number | null> =>
  Object.fromEntries(FIGURES.map((f) => [f.key, f.value(year)])) as Record<FigureKey, number | null>;

export function projectionRows(result: ProjectionResult): ProjectionRow[] {
  const scenarios = SCENARIOS.map((name) => ({ name, years: scenarioOf(result, name)?.years ?? [] }));
  const steps = scenarios[0]?.years ?? [];
  const rows: ProjectionRow[] = [];
  steps.forEach((step, i) => {
    if (i === 0) {
      rows.push({
        key: `${step.year}-base`,
        year: step.year,
        scenario: 'base',
        yearSpan: 1,
        values: valuesOf(step),
      });
      return;
    }
    scenarios.forEach(({ name, years }, s) => {
      const year = years[i];
      if (!year) return;
      rows.push({
        key: `${year.year}-${name}`,
        year: year.year,
        scenario: name,
        yearSpan: s === 0 ? scenarios.length : 0,
        values: valuesOf(year),
      });
    });
  });
  return rows;
}

export const scenarioText = (t: T, scenario: ProjectionRow['scenario']): string =>
  scenario === 'base' ? t('proj.base') : t(scenarioLabel(scenario));

export function projectionSheet(
  result: ProjectionResult,
  t: T,
  place: string,
  migration: boolean,
): SheetSpec {
  const tfr = (name: ScenarioName) => formatNumber(scenarioOf(result, name)?.tfr, 2);
  return {
    name: t('proj.sheetName'),
    title: t('proj.sheetTitle', { name: place, base: result.base }),
    subtitle: [
      t('proj.sheetAssumptions', {
        low: tfr('low'),
        medium: tfr('medium'),
        high: tfr('high'),
        srb: formatNumber(result.observed.srb, 1),
        migration: t(migration ? 'proj.migrationOn' : 'proj.migrationOff'),
      }),
      t('proj.observedWindow', { from: result.window.from, to: result.window.to }),
    ],
    header: [[t('proj.year'), t('proj.scenario'), ...FIGURES.map((f) => t(f.label))]],
    rows: projectionRows(result).map((row) => [
      row.year,
      scenarioText(t, row.scenario),
      ...FIGURES.map((f) => persons(row.values[f.key])),
    ]),
    formats: [undefined, undefined, ...FIGURES.map(() => '#,##0')],
    widths: [10, 10, ...FIGURES.map(() => 16)],
    footer: [t('proj.tableNote')],
  };
}
