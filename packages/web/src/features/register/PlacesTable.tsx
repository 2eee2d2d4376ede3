// 居住地与户籍地变动: the residence and hukou intervals, newest first.
import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { PlaceEntry } from '../../lib/types';

export function PlacesTable({ places }: { places: PlaceEntry[] }) {
  const { t } = useI18n();
  const sorted = [...places].sort(
    (a, b) => b.validFrom.localeCompare(a.validFrom) || a.kind.localeCompare(b.kind),
  );
  const columns: ColumnsType<PlaceEntry> = [
    {
      title: t('place.kind'),
      dataIndex: 'kind',
      width: 90,
      render: (k: string) => (
        <Tag color={k === 'hukou' ? 'purple' : 'cyan'}>
          {t(k === 'hukou' ? 'place.hukou' : 'place.residence')}
        </Tag>
      ),
    },
    { title: t('place.place'), key: 'place', render: (_v, p) => p.name ?? p.code },
    { title: t('place.from'), dataIndex: 'validFrom', width: 110, render: (v: string) => formatDate(v) },
    {
      title: t('place.to'),
      dataIndex: 'validTo',
      width: 110,
      render: (v: string | null) => (v ? formatDate(v) : t('place.now')),
    },
  ];
  return (
    <Table<PlaceEntry>
      size="small"
      rowKey={(p) => `${p.kind}|${p.validFrom}|${p.code}`}
      columns={columns}
      dataSource={sorted}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="person-places"
    />
  );
}
