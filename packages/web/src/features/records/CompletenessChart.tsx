// A small bar chart of completeness by township, drawn by the shared chart wrapper (components/EChart:
// the PNG and the numbers behind it as Excel from its toolbox).
import { useMemo } from 'react';
import { EChart } from '../../components/EChart';
import type { ChartOption } from '../../lib/echarts';
import { palette } from '../../lib/echarts';
import { useI18n } from '../../lib/i18n';

export interface CompletenessBar {
  name: string;
  rate: number | null;
  records: number;
  found: number;
}

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

export function CompletenessChart({ bars, fileName }: { bars: CompletenessBar[]; fileName: string }) {
  const { t } = useI18n();
  const option = useMemo(
    (): ChartOption => ({
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${String(v)}%` },
      xAxis: { type: 'category', data: bars.map((b) => b.name), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'bar',
          name: t('records.rate'),
          barMaxWidth: 28,
          // Neutral bars; the flag colour only for townships below 95 % (UI.md: colour for what needs action).
          data: bars.map((b) => ({
            value: percent(b.rate),
            itemStyle: { color: b.rate !== null && b.rate < 0.95 ? palette.flag : palette.male },
          })),
        },
      ],
    }),
    [bars, t],
  );
  const data = useMemo(
    () => ({
      columns: [t('records.township'), t('records.count'), t('records.found'), `${t('records.rate')}（%）`],
      rows: bars.map((b) => [b.name, b.records, b.found, percent(b.rate)]),
    }),
    [bars, t],
  );
  return (
    <EChart option={option} data={data} fileName={fileName} height={260} data-testid="completeness-chart" />
  );
}
