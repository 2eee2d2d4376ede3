// The dashboard's charts as ECharts options, each with the table of numbers behind it (for Excel).
import type { CustomSeriesRenderItem } from 'echarts';
import { formatLarge, formatNumber } from '../../lib/format';
import type { MessageKey, Params } from '../../lib/i18n';
import type { ChildStats, Indicators } from './api';
import type { ChartData } from '../../components/EChart';
import { palette, type ChartOption } from '../../lib/echarts';

type T = (key: MessageKey, params?: Params) => string;

export interface Chart {
  option: ChartOption;
  data: ChartData;
}

export const title = (text: string, subtext?: string): ChartOption['title'] => ({
  text,
  subtext,
  left: 0,
  top: 0,
  textStyle: { fontSize: 14, fontWeight: 600, color: '#262626', overflow: 'truncate' },
  subtextStyle: { fontSize: 12, color: palette.text },
});

const round = (value: number | null | undefined, digits: number): number | null =>
  value === null || value === undefined ? null : Number(value.toFixed(digits));

/** 人口金字塔: males to the left, females to the right, by 5-year group on the last day. */
export function pyramidChart(ind: Indicators, t: T, heading: string): Chart {
  const groups = Object.keys(ind.age_structure.male);
  const male = groups.map((g) => ind.age_structure.male[g] ?? 0);
  const female = groups.map((g) => ind.age_structure.female[g] ?? 0);
  const maleName = t('stats.chart.male');
  const femaleName = t('stats.chart.female');
  return {
    option: {
      title: title(heading),
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v) => formatNumber(Math.abs(Number(v))),
      },
      legend: { bottom: 0, data: [maleName, femaleName] },
      grid: { left: 8, right: 16, top: 44, bottom: 36 },
      xAxis: {
        type: 'value',
        axisLabel: { formatter: (v: number) => formatLarge(Math.abs(v)) },
        splitLine: { lineStyle: { color: '#f0f0f0' } },
      },
      yAxis: { type: 'category', data: groups, axisTick: { show: false } },
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
      rows: groups.map((g, i) => [g, male[i] ?? 0, female[i] ?? 0]),
    },
  };
}

/** Horizontal error bars [low, high] on a category axis of divisions. */
const errorBar: CustomSeriesRenderItem = (params, api) => {
  const y = api.value(0);
  const low = api.coord([api.value(1), y]);
  const high = api.coord([api.value(2), y]);
  const size = api.size?.([0, 1]);
  const cap = Math.min(6, (Array.isArray(size) ? (size[1] ?? 12) : 12) * 0.25);
  const style = { stroke: palette.neutral, lineWidth: 1.5 };
  const [x1 = 0, y1 = 0] = low;
  const [x2 = 0] = high;
  return {
    type: 'group',
    children: [
      { type: 'line', shape: { x1, y1, x2, y2: y1 }, style },
      { type: 'line', shape: { x1, y1: y1 - cap, x2: x1, y2: y1 + cap }, style },
      { type: 'line', shape: { x1: x2, y1: y1 - cap, x2, y2: y1 + cap }, style },
    ],
  };
};

/**
 * 出生人口性别比 per child division with its Wilson 95 % interval; the normal band 103–107 shaded; the
 * flag colour and a label only where the interval lies wholly above or below the band.
 */
export function srbChart(children: ChildStats[], t: T, heading: string): Chart {
  const rows = children.filter((c) => c.indicators.srb !== null);
  const names = rows.map((c) => c.name);
  const flagged = (c: ChildStats) => c.indicators.srb_status === 'high' || c.indicators.srb_status === 'low';
  const statusText = (c: ChildStats) =>
    c.indicators.srb_status ? t(`stats.srb.${c.indicators.srb_status}`) : '—';
  const lows = rows.map((c) => c.indicators.srb_ci95?.[0] ?? 0);
  const highs = rows.map((c) => c.indicators.srb_ci95?.[1] ?? 0);
  // Tiny townships have intervals of hundreds; keep the axis readable and the band in view.
  const axisMin = Math.max(0, Math.floor(Math.min(95, ...lows) / 10) * 10);
  const axisMax = Math.min(400, Math.ceil(Math.max(115, ...highs) / 10) * 10);
  return {
    option: {
      title: title(heading, t('stats.srb.normalRange')),
      tooltip: {
        trigger: 'item',
        formatter: (p) => {
          const index = (p as { dataIndex: number }).dataIndex;
          const c = rows[index];
          if (!c) return '';
          const ci = c.indicators.srb_ci95;
          return [
            `<b>${c.name}</b>`,
            `${t('ind.srb')}：${formatNumber(c.indicators.srb, 1)}`,
            ci ? t('stats.interval', { low: formatNumber(ci[0], 1), high: formatNumber(ci[1], 1) }) : '',
            `${t('ind.births_male')} ${formatNumber(c.indicators.births_male)} / ${t('ind.births_female')} ${formatNumber(c.indicators.births_female)}`,
            `${t('stats.chart.status')}：${statusText(c)}`,
          ]
            .filter(Boolean)
            .join('<br/>');
        },
      },
      grid: { left: 8, right: 40, top: 56, bottom: 24 },
      xAxis: {
        type: 'value',
        min: axisMin,
        max: axisMax,
        splitLine: { lineStyle: { color: '#f0f0f0' } },
      },
      yAxis: { type: 'category', data: names, inverse: true, axisTick: { show: false } },
      series: [
        {
          type: 'custom',
          name: t('stats.chart.estimate'),
          renderItem: errorBar,
          encode: { x: [1, 2], y: 0 },
          data: rows.map((c, i) => [
            i,
            Math.max(axisMin, c.indicators.srb_ci95?.[0] ?? 0),
            Math.min(axisMax, c.indicators.srb_ci95?.[1] ?? 0),
          ]),
          z: 1,
          silent: true,
        },
        {
          type: 'scatter',
          name: t('ind.srb'),
          symbolSize: 10,
          z: 2,
          data: rows.map((c) => ({
            value: [Math.min(axisMax, Math.max(axisMin, c.indicators.srb ?? 0)), c.name],
            itemStyle: { color: flagged(c) ? palette.flag : palette.neutral },
            label: flagged(c)
              ? {
                  show: true,
                  position: 'right',
                  color: palette.flag,
                  fontWeight: 600,
                  formatter: statusText(c),
                }
              : { show: false },
          })),
          markArea: {
            silent: true,
            itemStyle: { color: palette.band },
            data: [[{ xAxis: 103 }, { xAxis: 107 }]],
          },
        },
      ],
    },
    data: {
      columns: [
        t('ind.jurisdiction'),
        t('ind.code'),
        t('ind.births_male'),
        t('ind.births_female'),
        t('ind.srb'),
        t('stats.chart.low'),
        t('stats.chart.high'),
        t('stats.chart.status'),
      ],
      rows: children.map((c) => [
        c.name,
        c.jurisdiction,
        c.indicators.births_male,
        c.indicators.births_female,
        round(c.indicators.srb, 1),
        round(c.indicators.srb_ci95?.[0], 1),
        round(c.indicators.srb_ci95?.[1], 1),
        c.indicators.srb_status ? t(`stats.srb.${c.indicators.srb_status}`) : null,
      ]),
    },
  };
}

/** Per mille, for ASFR (births per woman-year). */
const perMille = (v: number | null | undefined) => (v === null || v === undefined ? null : v * 1000);

/** 年龄别生育率 by single year of the mother's age, with the comparison period dashed. */
export function asfrChart(ind: Indicators, t: T, heading: string, compare?: Indicators): Chart {
  const ages = Object.keys(ind.asfr);
  const current = ages.map((a) => round(perMille(ind.asfr[a]), 2));
  const before = compare ? ages.map((a) => round(perMille(compare.asfr[a]), 2)) : undefined;
  const currentName = t('stats.chart.current');
  const compareName = t('stats.chart.compare');
  const subtext = `${t('ind.tfr')} ${formatNumber(ind.tfr, 2)}${
    compare ? ` · ${compareName} ${formatNumber(compare.tfr, 2)}` : ''
  }`;
  return {
    option: {
      title: title(heading, subtext),
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v) => (v === null ? '—' : `${formatNumber(Number(v), 2)}‰`),
      },
      legend: before ? { bottom: 0, data: [currentName, compareName] } : undefined,
      grid: { left: 8, right: 16, top: 56, bottom: before ? 36 : 24 },
      xAxis: { type: 'category', data: ages, name: t('stats.chart.age'), boundaryGap: false },
      yAxis: { type: 'value', splitLine: { lineStyle: { color: '#f0f0f0' } } },
      series: [
        {
          name: currentName,
          type: 'line',
          showSymbol: false,
          data: current,
          lineStyle: { width: 2, color: palette.series[0] },
          itemStyle: { color: palette.series[0] },
          areaStyle: { color: 'rgba(91, 143, 249, 0.12)' },
        },
        ...(before
          ? [
              {
                name: compareName,
                type: 'line' as const,
                showSymbol: false,
                data: before,
                lineStyle: { width: 2, type: 'dashed' as const, color: palette.compare },
                itemStyle: { color: palette.compare },
              },
            ]
          : []),
      ],
    },
    data: {
      columns: [t('stats.chart.age'), `${currentName} (‰)`, ...(before ? [`${compareName} (‰)`] : [])],
      rows: ages.map((a, i) => [a, current[i] ?? null, ...(before ? [before[i] ?? null] : [])]),
    },
  };
}

const orderKey = (key: string): MessageKey =>
  key === '1' || key === '2' || key === '3' || key === '4+' ? `stats.order.${key}` : 'stats.order.4+';

/** 出生孩次构成: the share of each birth order, %. */
export function birthOrderChart(ind: Indicators, t: T, heading: string, compare?: Indicators): Chart {
  const keys = Object.keys(ind.birth_order_share);
  const names = keys.map((k) => t(orderKey(k)));
  const share = (x: Indicators) => keys.map((k) => round(perCent(x.birth_order_share[k]), 1));
  const current = share(ind);
  const before = compare ? share(compare) : undefined;
  const currentName = t('stats.chart.current');
  const compareName = t('stats.chart.compare');
  return {
    option: {
      title: title(heading, ind.births === 0 ? t('stats.chart.noBirths') : undefined),
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v) => (v === null ? '—' : `${formatNumber(Number(v), 1)}%`),
      },
      legend: before ? { bottom: 0, data: [currentName, compareName] } : undefined,
      grid: { left: 8, right: 16, top: 48, bottom: before ? 36 : 24 },
      xAxis: {
        type: 'category',
        data: names,
        axisTick: { show: false },
        axisLabel: { interval: 0, width: 64, overflow: 'break' },
      },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          name: currentName,
          type: 'bar',
          data: current,
          barMaxWidth: 40,
          itemStyle: { color: palette.series[0] },
          label: { show: true, position: 'top', formatter: (p) => formatPercent(p.value) },
        },
        ...(before
          ? [
              {
                name: compareName,
                type: 'bar' as const,
                data: before,
                barMaxWidth: 40,
                itemStyle: { color: palette.compare },
              },
            ]
          : []),
      ],
    },
    data: {
      columns: [t('person.birthOrder'), `${currentName} (%)`, ...(before ? [`${compareName} (%)`] : [])],
      rows: names.map((n, i) => [n, current[i] ?? null, ...(before ? [before[i] ?? null] : [])]),
    },
  };
}

const perCent = (v: number | null | undefined) => (v === null || v === undefined ? null : v * 100);
const formatPercent = (v: unknown) => (typeof v === 'number' ? `${formatNumber(v, 1)}%` : '');

const AGEING = [
  'share_60_plus',
  'share_65_plus',
  'dependency_child',
  'dependency_old',
  'dependency_total',
  'ageing_index',
] as const;

/** 老龄化与抚养比: shares of the population (%) and ratios per 100 of working age, on the last day. */
export function ageingChart(ind: Indicators, t: T, heading: string, compare?: Indicators): Chart {
  const names = AGEING.map((k) => t(`ind.${k}`));
  const current = AGEING.map((k) => round(ind[k], 1));
  const before = compare ? AGEING.map((k) => round(compare[k], 1)) : undefined;
  const currentName = t('stats.chart.current');
  const compareName = t('stats.chart.compare');
  return {
    option: {
      title: title(heading),
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v) => (v === null ? '—' : formatNumber(Number(v), 1)),
      },
      legend: before ? { bottom: 0, data: [currentName, compareName] } : undefined,
      grid: { left: 8, right: 40, top: 40, bottom: before ? 36 : 16 },
      xAxis: { type: 'value', splitLine: { lineStyle: { color: '#f0f0f0' } } },
      yAxis: { type: 'category', data: names, inverse: true, axisTick: { show: false } },
      series: [
        {
          name: currentName,
          type: 'bar',
          data: current,
          barMaxWidth: 18,
          itemStyle: { color: palette.series[0] },
          label: { show: true, position: 'right', formatter: (p) => formatNumber(Number(p.value), 1) },
        },
        ...(before
          ? [
              {
                name: compareName,
                type: 'bar' as const,
                data: before,
                barMaxWidth: 18,
                itemStyle: { color: palette.compare },
              },
            ]
          : []),
      ],
    },
    data: {
      columns: [t('stats.chart.share'), currentName, ...(before ? [compareName] : [])],
      rows: names.map((n, i) => [n, current[i] ?? null, ...(before ? [before[i] ?? null] : [])]),
    },
  };
}
