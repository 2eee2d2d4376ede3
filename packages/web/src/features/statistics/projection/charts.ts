// The projection's charts as ECharts options, each with the table of numbers behind it (for Excel):
// one line per scenario over the projected years, and the pyramid of one scenario and year.
import { formatLarge, formatNumber } from '../../../lib/format';
import type { MessageKey, Params } from '../../../lib/i18n';
import { title, type Chart } from '../charts';
import { palette } from '../../../lib/echarts';
import { SCENARIOS, scenarioOf, type ProjectedYear, type ProjectionResult, type ScenarioName } from './api';

type T = (key: MessageKey, params?: Params) => string;

/** Counts by year and group, computed from 5-year groups, are fractional: shown as whole persons. */
export const persons = (value: number | null | undefined): number | null =>
  value === null || value === undefined || Number.isNaN(value) ? null : Math.round(value);

/** Neutral colours; the medium scenario, the one planned with, in the dashboard's main blue. */
export const scenarioColour: Record<ScenarioName, string> = {
  low: palette.series[1] ?? '#61ddaa',
  medium: palette.series[0] ?? '#5b8ff9',
  high: palette.series[3] ?? '#7262fd',
};

export const scenarioLabel = (name: ScenarioName): MessageKey => `proj.scenario.${name}`;

/** What a by-year chart or table column shows of a projected year. */
export type YearValue = (year: ProjectedYear) => number | null;

export interface ScenarioLinesOptions {
  heading: string;
  subtext?: string;
  /** Leave out the base year (births are counted during the steps that follow it). */
  skipBase?: boolean;
  type?: 'line' | 'bar';
}

/** One series per scenario over the projected years: total population, births, an age group. */
export function scenarioLinesChart(
  result: ProjectionResult,
  value: YearValue,
  t: T,
  { heading, subtext, skipBase = false, type = 'line' }: ScenarioLinesOptions,
): Chart {
  const series = SCENARIOS.map((name) => {
    const years = scenarioOf(result, name)?.years ?? [];
    return { name, years: skipBase ? years.slice(1) : years };
  });
  const categories = (series[0]?.years ?? []).map((y) => String(y.year));
  const names = SCENARIOS.map((name) => t(scenarioLabel(name)));
  const valuesOf = (years: ProjectedYear[]) => years.map((y) => persons(value(y)));
  return {
    option: {
      title: title(heading, subtext),
      tooltip: {
        trigger: 'axis',
        ...(type === 'bar' ? { axisPointer: { type: 'shadow' as const } } : {}),
        valueFormatter: (v) => (v === null || v === undefined ? '—' : formatNumber(Number(v))),
      },
      legend: { bottom: 0, data: names },
      // Room under the axis for its labels, then the legend.
      grid: { left: 8, right: 24, top: subtext ? 56 : 44, bottom: 56 },
      xAxis: {
        type: 'category',
        data: categories,
        boundaryGap: type === 'bar',
        axisTick: { alignWithLabel: true },
      },
      yAxis: {
        type: 'value',
        // Scenarios differ by a few per cent: an axis from zero would draw them as one line.
        scale: type === 'line',
        axisLabel: { formatter: (v: number) => formatLarge(v) },
        splitLine: { lineStyle: { color: '#f0f0f0' } },
      },
      series: series.map((s, i) => ({
        name: names[i],
        type,
        data: valuesOf(s.years),
        itemStyle: { color: scenarioColour[s.name] },
        ...(type === 'line'
          ? {
              symbolSize: 6,
              lineStyle: { width: s.name === 'medium' ? 3 : 2, color: scenarioColour[s.name] },
            }
          : { barMaxWidth: 18 }),
      })),
    },
    data: {
      columns: [t('proj.year'), ...names],
      rows: categories.map((year, i) => [year, ...series.map((s) => valuesOf(s.years)[i] ?? null)]),
    },
  };
}

/** True when every scenario gives the same figures (those born before the base: the elderly). */
export function sameInAllScenarios(result: ProjectionResult, value: YearValue): boolean {
  const series = SCENARIOS.map((name) =>
    (scenarioOf(result, name)?.years ?? []).map((y) => persons(value(y))),
  );
  const [first, ...rest] = series;
  return rest.every((values) => values.length === first?.length && values.every((v, i) => v === first[i]));
}

/** The largest group of either sex over all years of a scenario: the pyramid keeps one scale. */
export function pyramidScale(result: ProjectionResult, name: ScenarioName): number {
  const years = scenarioOf(result, name)?.years ?? [];
  const largest = Math.max(1, ...years.flatMap((y) => [...y.male, ...y.female]));
  const step = 10 ** Math.max(0, Math.floor(Math.log10(largest)) - 1);
  return Math.ceil(largest / step) * step;
}

/** 人口金字塔 of one scenario and year: males to the left, females to the right, 5-year groups. */
export function projectedPyramidChart(
  result: ProjectionResult,
  year: ProjectedYear,
  t: T,
  heading: string,
  scale: number,
): Chart {
  const maleName = t('stats.chart.male');
  const femaleName = t('stats.chart.female');
  const male = result.groups.map((_, i) => persons(year.male[i]) ?? 0);
  const female = result.groups.map((_, i) => persons(year.female[i]) ?? 0);
  return {
    option: {
      title: title(heading, `${t('proj.chart.total')} ${formatNumber(persons(year.total))}`),
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v) => formatNumber(Math.abs(Number(v))),
      },
      legend: { bottom: 0, data: [maleName, femaleName] },
      grid: { left: 8, right: 24, top: 56, bottom: 56 },
      xAxis: {
        type: 'value',
        min: -scale,
        max: scale,
        // The fixed ends would crowd the nearest round labels.
        axisLabel: {
          formatter: (v: number) => formatLarge(Math.abs(v)),
          showMinLabel: false,
          showMaxLabel: false,
        },
        splitLine: { lineStyle: { color: '#f0f0f0' } },
      },
      yAxis: { type: 'category', data: [...result.groups], axisTick: { show: false } },
      series: [
        {
          name: maleName,
          type: 'bar',
          stack: 'pyramid',
          barCategoryGap: '12%',
          data: male.map((v) => -v),
          itemStyle: { color: palette.male },
        },
        {
          name: femaleName,
          type: 'bar',
          stack: 'pyramid',
          data: female,
          itemStyle: { color: palette.female },
        },
      ],
    },
    data: {
      columns: [t('stats.chart.ageGroup'), maleName, femaleName],
      rows: result.groups.map((g, i) => [g, male[i] ?? 0, female[i] ?? 0]),
    },
  };
}
