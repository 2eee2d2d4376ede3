// 统计求实率 card of the dashboard: hospital births found in the register, by township for the year of
// the period on screen or by month for the division. Before any link run there is nothing to show but
// the way to one (运行核对 on the 核对 page).
import { Permission } from '@renkou/core';
import { Alert, Button, Card, Empty, Flex, Segmented, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { EChart } from '../../components/EChart';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useCan } from '../../lib/session';
import { useRequest } from '../../lib/useRequest';
import { completenessChart, fetchCompleteness, monthRows, townshipRows } from './completeness';

type Axis = 'township' | 'month';

export function CompletenessCard({
  jurisdiction,
  year,
  placeName,
}: {
  jurisdiction: string;
  year: string;
  placeName: string;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const canOpenRecords = useCan(Permission.PersonRead);
  const [axis, setAxis] = useState<Axis>('township');
  const report = useRequest(
    (signal) => fetchCompleteness({ jurisdiction, year }, signal),
    `${jurisdiction}|${year}`,
  );
  // The last answer stays under the spinner while the next loads, titled with its own year.
  const data = report.data;
  const shownYear = data?.year ?? year;
  const heading = t(axis === 'township' ? 'stats.completeness.byTownship' : 'stats.completeness.byMonth', {
    year: shownYear,
  });
  const chart = useMemo(() => {
    if (!data) return undefined;
    const rows = axis === 'township' ? townshipRows(data) : monthRows(data, shownYear);
    return completenessChart(rows, data.total, axis, t, heading);
  }, [data, axis, shownYear, t, heading]);

  const neverLinked = data !== undefined && data.lastLinkedAt === null;
  const total = data?.total;
  return (
    <Card
      size="small"
      data-testid="stats-completeness"
      data-state={
        report.error ? 'error' : report.loading || !data ? 'loading' : neverLinked ? 'never-linked' : 'ready'
      }
      data-records={total?.records ?? ''}
      data-found={total?.found ?? ''}
    >
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 4 }}>
        <Typography.Text type="secondary" data-testid="stats-completeness-summary">
          {total && !neverLinked
            ? t('stats.completeness.summary', {
                rate: total.completeness === null ? '—' : `${formatNumber(total.completeness * 100, 1)}%`,
                found: formatNumber(total.found),
                records: formatNumber(total.records),
                at: data?.lastLinkedAt ? formatDateTime(data.lastLinkedAt) : '',
              })
            : t('records.completeness')}
        </Typography.Text>
        <Segmented<Axis>
          size="small"
          value={axis}
          options={[
            { value: 'township', label: t('stats.completeness.townships') },
            { value: 'month', label: t('stats.completeness.months') },
          ]}
          onChange={setAxis}
          data-testid="stats-completeness-axis"
        />
      </Flex>
      {report.error && <Alert type="warning" showIcon message={report.error} />}
      <Spin spinning={report.loading}>
        {neverLinked ? (
          <Empty
            description={
              <>
                <div>{t('stats.completeness.neverLinked')}</div>
                <Typography.Text type="secondary">{t('stats.completeness.runHint')}</Typography.Text>
              </>
            }
            style={{ paddingBlock: 48 }}
          >
            {canOpenRecords && (
              <Button onClick={() => void navigate('/records')} data-testid="stats-completeness-open-records">
                {t('stats.completeness.openRecords')}
              </Button>
            )}
          </Empty>
        ) : data && data.total.records === 0 ? (
          <Empty
            description={t('stats.completeness.noRecords', { year: shownYear })}
            style={{ paddingBlock: 48 }}
          />
        ) : chart ? (
          <EChart
            option={chart.option}
            data={chart.data}
            fileName={`${heading}_${placeName}`}
            height={320}
            data-testid="chart-completeness"
          />
        ) : (
          <div style={{ minHeight: 320 }} />
        )}
      </Spin>
    </Card>
  );
}
