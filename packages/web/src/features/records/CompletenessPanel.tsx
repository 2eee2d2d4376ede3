// 统计求实率: of a source's records, the share the register also holds, by township, for a year or all;
// records still to review or not yet linked are counted apart so a backlog does not pass for omissions.
import { COMPLETENESS_SOURCES, type CompletenessCounts, type LinkableSource } from '@renkou/core';
import { Alert, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { useRequest } from '../../lib/useRequest';
import { getCompleteness } from './api';
import { CompletenessChart } from './CompletenessChart';
import { sourceLabel } from './sourceLabel';

type Row = CompletenessCounts & { township: string; townshipName: string };

const percent = (rate: number | null) => (rate === null ? '—' : `${formatNumber(rate * 100, 1)}%`);

export function CompletenessPanel() {
  const i18n = useI18n();
  const { t } = i18n;
  const [source, setSource] = useState<LinkableSource>('hospital_births');
  const [year, setYear] = useState<string>();
  const report = useRequest((signal) => getCompleteness(source, year, signal), `${source}|${year ?? ''}`);
  const data = report.data;
  const rows: Row[] = data
    ? [...data.townships, { township: '', townshipName: t('records.total'), ...data.total }]
    : [];
  const bars = useMemo(
    () =>
      (data?.townships ?? []).map((r) => ({
        name: r.townshipName || r.township,
        rate: r.completeness,
        records: r.records,
        found: r.found,
      })),
    [data],
  );
  const count = (key: keyof CompletenessCounts, label: MessageKey) => ({
    title: t(label),
    align: 'right' as const,
    render: (_: unknown, r: Row) => formatNumber(r[key]),
  });
  const columns: ColumnsType<Row> = [
    {
      title: t('records.township'),
      render: (_, r) =>
        r.township ? `${r.townshipName}（${r.township}）` : <strong>{r.townshipName}</strong>,
    },
    count('records', 'records.count'),
    count('found', 'records.found'),
    count('notFound', 'records.notFound'),
    count('pending', 'records.pending'),
    count('unlinked', 'records.unlinked'),
    {
      title: t('records.rate'),
      align: 'right',
      render: (_, r) => <span data-testid="completeness-rate">{percent(r.completeness)}</span>,
    },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          value={source}
          onChange={(value) => setSource(value)}
          style={{ width: 200 }}
          options={COMPLETENESS_SOURCES.map((s) => ({ value: s, label: sourceLabel(i18n, s) }))}
        />
        <Select
          value={year ?? ''}
          onChange={(value) => setYear(value || undefined)}
          style={{ width: 140 }}
          options={[
            { value: '', label: t('records.allYears') },
            ...(data?.years ?? []).map((y) => ({ value: y, label: `${y} 年` })),
          ]}
        />
        <Typography.Text type="secondary">
          {t('records.completenessHelp')}
          {data?.lastLinkedAt ? `；${formatDateTime(data.lastLinkedAt)}` : `；${t('records.neverLinked')}`}
        </Typography.Text>
      </Space>
      {report.error && <Alert type="error" showIcon message={report.error} style={{ marginBottom: 12 }} />}
      {bars.length > 0 && (
        <CompletenessChart
          bars={bars}
          fileName={`${t('records.completeness')}_${sourceLabel(i18n, source)}_${year ?? t('records.allYears')}`}
        />
      )}
      <Table<Row>
        rowKey={(r) => r.township || 'total'}
        size="small"
        loading={report.loading}
        columns={columns}
        dataSource={rows}
        pagination={false}
        data-testid="completeness-table"
      />
    </>
  );
}
