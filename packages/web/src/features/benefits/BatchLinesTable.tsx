// The lines of a payment batch: person, period, amount, masked account, result.
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { orDash } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { BatchLine } from './api';
import { codeLabel, formatFen } from './labels';

export function BatchLinesTable({ lines, loading }: { lines: BatchLine[]; loading: boolean }) {
  const { t } = useI18n();
  const lineColumns: ColumnsType<BatchLine> = [
    { title: '#', dataIndex: 'lineNo', width: 50 },
    { title: t('benefit.name'), dataIndex: 'name', render: (v: string | null) => orDash(v) },
    { title: t('benefit.batch.periodKey'), dataIndex: 'periodKey', width: 90 },
    {
      title: t('benefit.amount'),
      dataIndex: 'amountFen',
      align: 'right',
      render: (v: number) => formatFen(v),
    },
    { title: t('benefit.account'), dataIndex: 'accountMasked', render: (v: string | null) => orDash(v) },
    {
      title: t('benefit.status'),
      dataIndex: 'status',
      render: (v: string, line) => (
        <>
          {codeLabel(t, 'benefit.line.status', v)}
          {line.failureReason && <Typography.Text type="danger"> {line.failureReason}</Typography.Text>}
        </>
      ),
    },
  ];

  return (
    <Table<BatchLine>
      size="small"
      rowKey="id"
      columns={lineColumns}
      dataSource={lines}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
    />
  );
}
