// 统计求实率 on the dashboard: of the hospital births recorded in a division, the share the register also
// holds (GET /api/records/completeness, the 核对 module's figures), by township for a year and by month
// for the division, as ECharts options with the table behind each (for Excel).
import type { CompletenessCounts, CompletenessReport } from '@renkou/core';
import type { CellValue } from '../../lib/excel';
import { api } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import type { MessageKey, Params } from '../../lib/i18n';
import { palette } from '../../lib/echarts';
import type { Chart } from './charts';
import { title } from './charts';

type T = (key: MessageKey, params?: Params) => string;

/** The source the dashboard shows: births are what a statistician is asked about. */
export const COMPLETENESS_SOURCE = 'hospital_births';
/** Below this share a bar takes the flag colour (the 核对 page uses the same line). */
const FLAG_BELOW = 0.95;

export function fetchCompleteness(
  query: { jurisdiction: string; year: string },
  signal?: AbortSignal,
): Promise<CompletenessReport> {
  return api.get<CompletenessReport>(
    '/api/records/completeness',
    { source: COMPLETENESS_SOURCE, ...query },
    signal,
  );
}

type Counts = Omit<CompletenessCounts, 'completeness'>;
export type Row = CompletenessCounts & { label: string };

const rate = (c: Counts): number | null => (c.records > 0 ? c.found / c.records : null);

/** The division's months of the year, summed over its townships; months without records stay empty. */
export function monthRows(report: CompletenessReport, year: string): Row[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = `${year}-${String(i + 1).padStart(2, '0')}`;
    const sum: Counts = { records: 0, found: 0, notFound: 0, pending: 0, unlinked: 0 };
    for (const row of report.months) {
      if (row.month !== month) continue;
      sum.records += row.records;
      sum.found += row.found;
      sum.notFound += row.notFound;
      sum.pending += row.pending;
      sum.unlinked += row.unlinked;
    }
    return { label: month, ...sum, completeness: rate(sum) };
  });
}

export function townshipRows(report: CompletenessReport): Row[] {
  return report.townships.map((r) => ({ ...r, label: r.townshipName || r.township }));
}

const percent = (value: number | null) => (value === null ? null : Number((value * 100).toFixed(1)));

function table(rows: Row[], total: CompletenessCounts, first: string, t: T): Chart['data'] {
  const line = (label: string, r: CompletenessCounts): CellValue[] => [
    label,
    r.records,
    r.found,
    r.notFound,
    r.pending,
    r.unlinked,
    percent(r.completeness),
  ];
  return {
    columns: [
      first,
      t('records.count'),
      t('records.found'),
      t('records.notFound'),
      t('records.pending'),
      t('records.unlinked'),
      `${t('records.rate')}（%）`,
    ],
    rows: [...rows.map((r) => line(r.label, r)), line(t('records.total'), total)],
  };
}

/** Bars of completeness in %; the tooltip gives the counts behind each. */
export function completenessChart(
  rows: Row[],
  total: CompletenessCounts,
  axis: 'township' | 'month',
  t: T,
  heading: string,
): Chart {
  const tip = (r: Row) =>
    `${r.label}<br/>${t('records.rate')}：${r.completeness === null ? '—' : `${formatNumber(r.completeness * 100, 1)}%`}` +
    `<br/>${t('records.found')} ${formatNumber(r.found)} / ${t('records.count')} ${formatNumber(r.records)}` +
    (r.pending + r.unlinked > 0
      ? `<br/>${t('records.pending')} ${formatNumber(r.pending)}，${t('records.unlinked')} ${formatNumber(r.unlinked)}`
      : '');
  return {
    option: {
      title: title(heading),
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params) => {
          const index = (Array.isArray(params) ? params[0] : params)?.dataIndex ?? 0;
          const row = rows[index];
          return row ? tip(row) : '';
        },
      },
      grid: { left: 8, right: 8, top: 44, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: rows.map((r) => (axis === 'month' ? r.label.slice(5) : r.label)),
        axisLabel: { interval: 0, rotate: axis === 'township' && rows.length > 6 ? 30 : 0 },
        axisTick: { alignWithLabel: true },
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: 100,
        axisLabel: { formatter: '{value}%' },
        splitLine: { lineStyle: { color: '#f0f0f0' } },
      },
      series: [
        {
          name: t('records.rate'),
          type: 'bar',
          barMaxWidth: 28,
          data: rows.map((r) => ({
            value: percent(r.completeness),
            itemStyle: {
              color: r.completeness !== null && r.completeness < FLAG_BELOW ? palette.flag : palette.neutral,
            },
          })),
        },
      ],
    },
    data: table(rows, total, axis === 'month' ? t('stats.trend.period') : t('records.township'), t),
  };
}
