// Search results: a table on a desk, cards on a phone (360 px); a click opens the person page.
import { Card, List, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatDate, orDash } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useIsMobile } from '../../lib/responsive';
import type { Page, PersonSummary } from '../../lib/types';
import { ageOf, sexLabel, statusColor, statusLabel } from './labels';

export interface PersonResultsProps {
  data: Page<PersonSummary> | undefined;
  loading: boolean;
  error: string | undefined;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  onOpen: (person: PersonSummary) => void;
}

export function PersonResults({ data, loading, error, page, pageSize, onPage, onOpen }: PersonResultsProps) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const pagination = {
    current: page,
    pageSize,
    total: data?.total ?? 0,
    showSizeChanger: false,
    showTotal: (n: number) => t(data?.totalCapped ? 'common.totalMore' : 'common.total', { n }),
    onChange: onPage,
    simple: mobile,
  };
  const emptyText = error ?? t('person.empty');
  const status = (p: PersonSummary) => (
    <Tag color={statusColor[p.status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {statusLabel(t, p.status)}
    </Tag>
  );

  if (mobile) {
    return (
      <List<PersonSummary>
        data-testid="person-table"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText }}
        pagination={data && data.total > pageSize ? { ...pagination, align: 'center' } : false}
        rowKey="personKey"
        renderItem={(p) => (
          <List.Item style={{ padding: '4px 0', borderBlockEnd: 'none' }}>
            <Card
              size="small"
              hoverable
              className="clickable-row"
              style={{ width: '100%' }}
              onClick={() => onOpen(p)}
              data-person-key={p.personKey}
            >
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <Typography.Text strong>{p.name}</Typography.Text>
                {status(p)}
              </div>
              <Typography.Text type="secondary">
                {sexLabel(t, p.sex)} · {formatDate(p.birthDate)} ·{' '}
                {t('person.ageValue', { n: ageOf(p.birthDate) ?? '—' })}
              </Typography.Text>
              <div>
                <Typography.Text type="secondary">{orDash(p.idNumberMasked)}</Typography.Text>
              </div>
              <div>
                <Typography.Text type="secondary">{orDash(p.residenceName)}</Typography.Text>
              </div>
            </Card>
          </List.Item>
        )}
      />
    );
  }

  const columns: ColumnsType<PersonSummary> = [
    { title: t('person.name'), dataIndex: 'name', width: 140 },
    { title: t('person.sex'), dataIndex: 'sex', width: 70, render: (v: number) => sexLabel(t, v) },
    {
      title: t('person.birthDate'),
      dataIndex: 'birthDate',
      width: 120,
      render: (v: string) => formatDate(v),
    },
    {
      title: t('person.idNumber'),
      dataIndex: 'idNumberMasked',
      width: 190,
      render: (v: string | null) => orDash(v),
    },
    { title: t('person.residence'), dataIndex: 'residenceName', render: (v: string | null) => orDash(v) },
    { title: t('person.status'), dataIndex: 'status', width: 90, render: (_v, p) => status(p) },
  ];
  return (
    <Table<PersonSummary>
      data-testid="person-table"
      rowKey="personKey"
      size="middle"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText }}
      rowClassName="clickable-row"
      onRow={(p) => ({ onClick: () => onOpen(p), 'data-person-key': p.personKey }) as object}
      pagination={pagination}
    />
  );
}
