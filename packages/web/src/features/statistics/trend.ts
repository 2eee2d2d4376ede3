// 趋势: births and deaths by month or year with the crude rates, from GET /api/stats/trend (the
// aggregate tables), as an ECharts option with the table behind it.
import type { TrendPoint } from '@renkou/core';
import { api } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import type { MessageKey, Params } from '../../lib/i18n';
import type { Basis, Dataset } from './api';
import type { Chart } from './charts';
import { title } from './charts';
import { palette } from '../../lib/echarts';

type T = (key: MessageKey, params?: Params) => string;
export type Granularity = 'month' | 'year';

export interface TrendResult {
  jurisdiction: string;
  basis: Basis;
  granularity: Granularity;
  points: TrendPoint[];
}

/** 'YYYY-MM' of a date's month, moved by `by` months. */
function monthOf(date: string, by = 0): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const isLastDayOfMonth = (date: string) => {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.getUTCDate() === 1;
};

/** The whole months inside the register's dates: by year all of them, by month the last 36. */
export function trendMonths(dataset: Dataset, granularity: Granularity): { from: string; to: string } {
  const first = dataset.start.endsWith('-01') ? monthOf(dataset.start) : monthOf(dataset.start, 1);
  const last = isLastDayOfMonth(dataset.end) ? monthOf(dataset.end) : monthOf(dataset.end, -1);
  if (granularity === 'year') return { from: first, to: last };
  const from = monthOf(`${last}-01`, -35);
  return { from: from > first ? from : first, to: last };
}

export function fetchTrend(
  query: { jurisdiction: string; basis: Basis; granularity: Granularity; from: string; to: string },
  signal?: AbortSignal,
): Promise<TrendResult> {
  return api.get<TrendResult>('/api/stats/trend', query, signal);
}

const round = (value: number | null, digits: number) =>
  value === null ? null : Number(value.toFixed(digits));

export function trendChart(points: TrendPoint[], t: T, heading: string): Chart {
  const periods = points.map((p) => p.period);
  const names = {
    births: t('ind.births'),
    deaths: t('ind.deaths'),
    cbr: t('ind.cbr'),
    cdr: t('ind.cdr'),
  };
  return {
    option: {
      title: title(heading),
      tooltip: { trigger: 'axis', valueFormatter: (v) => formatNumber(Number(v), 2) },
      legend: { bottom: 0, data: Object.values(names) },
      grid: { left: 8, right: 8, top: 48, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: periods, axisTick: { alignWithLabel: true } },
      yAxis: [
        { type: 'value', name: t('stats.trend.persons'), splitLine: { lineStyle: { color: '#f0f0f0' } } },
        { type: 'value', name: '‰', splitLine: { show: false } },
      ],
      series: [
        {
          name: names.births,
          type: 'bar',
          data: points.map((p) => p.births),
          itemStyle: { color: palette.female },
        },
        {
          name: names.deaths,
          type: 'bar',
          data: points.map((p) => p.deaths),
          itemStyle: { color: palette.male },
        },
        { name: names.cbr, type: 'line', yAxisIndex: 1, data: points.map((p) => round(p.cbr, 2)) },
        { name: names.cdr, type: 'line', yAxisIndex: 1, data: points.map((p) => round(p.cdr, 2)) },
      ],
    },
    data: {
      columns: [
        t('stats.trend.period'),
        t('ind.population_end'),
        names.births,
        `${names.births}（${t('ind.births_male')}）`,
        `${names.births}（${t('ind.births_female')}）`,
        names.deaths,
        t('ind.moves_in'),
        t('ind.moves_out'),
        names.cbr,
        names.cdr,
      ],
      rows: points.map((p) => [
        p.period,
        p.population_end,
        p.births,
        p.births_male,
        p.births_female,
        p.deaths,
        p.moves_in,
        p.moves_out,
        round(p.cbr, 2),
        round(p.cdr, 2),
      ]),
    },
  };
}
