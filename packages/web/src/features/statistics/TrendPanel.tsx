// 趋势 on the dashboard: births and deaths with the crude rates by month or by year for the division
// and basis on screen, over the register's whole months (not the period picker's: a trend needs many).
import { Alert, Card, Flex, Segmented, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { useRequest } from '../../lib/useRequest';
import type { Basis, Dataset } from './api';
import { EChart } from '../../components/EChart';
import { fetchTrend, trendChart, trendMonths, type Granularity } from './trend';

export function TrendPanel({
  jurisdiction,
  basis,
  dataset,
  placeName,
}: {
  jurisdiction: string;
  basis: Basis;
  dataset: Dataset;
  placeName: string;
}) {
  const { t } = useI18n();
  const [granularity, setGranularity] = useState<Granularity>('year');
  const months = trendMonths(dataset, granularity);
  const query = { jurisdiction, basis, granularity, ...months };
  const trend = useRequest(
    (signal) => fetchTrend(query, signal),
    [jurisdiction, basis, granularity, months.from, months.to].join('|'),
  );
  const chart = useMemo(
    () => (trend.data ? trendChart(trend.data.points, t, t('stats.trend.title')) : undefined),
    [trend.data, t],
  );
  return (
    <Card
      size="small"
      data-testid="stats-trend"
      data-state={trend.error ? 'error' : trend.loading ? 'loading' : 'ready'}
      data-points={trend.data?.points.length ?? 0}
      data-births={trend.data?.points.reduce((sum, p) => sum + p.births, 0) ?? ''}
    >
      <Flex justify="flex-end" style={{ marginBottom: 4 }}>
        <Segmented<Granularity>
          size="small"
          value={granularity}
          options={[
            { value: 'year', label: t('stats.trend.byYear') },
            { value: 'month', label: t('stats.trend.byMonth') },
          ]}
          onChange={setGranularity}
          data-testid="stats-trend-granularity"
        />
      </Flex>
      {trend.error && <Alert type="warning" showIcon message={trend.error} />}
      <Spin spinning={trend.loading}>
        {chart ? (
          <EChart
            option={chart.option}
            data={chart.data}
            fileName={`${t('stats.trend.title')}_${placeName}_${months.from}_${months.to}`}
            height={340}
            data-testid="chart-trend"
          />
        ) : (
          <div style={{ minHeight: 340 }} />
        )}
      </Spin>
    </Card>
  );
}
