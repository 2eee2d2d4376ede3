// A list of the 核对 page paged on the server (worklists, register duplicates): each row carries its
// id for the browser tests, the empty text and the total are the page's own.
import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';

export const PAGE_SIZE = 20;

export function ItemsTable<T extends { id: string }>({
  rowTestId,
  columns,
  loading,
  data,
  page,
  onPage,
}: {
  rowTestId: string;
  columns: ColumnsType<T>;
  loading: boolean;
  data: { items: T[]; total: number } | undefined;
  page: number;
  onPage: (page: number) => void;
}) {
  const { t } = useI18n();
  return (
    <Table<T>
      rowKey="id"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={data?.items ?? []}
      locale={{ emptyText: t('records.empty') }}
      onRow={(e) => ({ 'data-testid': rowTestId, 'data-id': e.id }) as object}
      scroll={{ x: true }}
      pagination={{
        current: page,
        pageSize: PAGE_SIZE,
        total: data?.total ?? 0,
        showSizeChanger: false,
        showTotal: (n) => t('common.total', { n: formatNumber(n) }),
        onChange: onPage,
      }}
    />
  );
}
