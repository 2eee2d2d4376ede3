import { padJurisdictionCode } from '@renkou/core';
import { Alert, Breadcrumb, Button, Card, Descriptions, Empty, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { fetchChildren, fetchJurisdiction } from '../../lib/jurisdictions';
import { formatDate, formatNumber, orDash } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { levelLabel } from '../../lib/labels';
import type { Jurisdiction } from '../../lib/types';
import { useRequest } from '../../lib/useRequest';

interface Props {
  selected: Jurisdiction | undefined;
  onSelect: (j: Jurisdiction) => void;
}

export function JurisdictionDetails({ selected, onSelect }: Props) {
  const { t, lang } = useI18n();
  const code = selected?.code;
  // The full record carries the path of parents; the tree's copy does not.
  const detail = useRequest(
    (signal) => fetchJurisdiction(code ?? '', signal),
    `detail:${code}`,
    code !== undefined,
  );
  const children = useRequest(
    (signal) => fetchChildren(code ?? '', signal),
    `children:${code}`,
    code !== undefined && selected?.hasChildren === true,
  );

  if (!selected) {
    return (
      <Card>
        <Empty description={t('jur.select')} />
      </Card>
    );
  }
  const j = detail.data?.code === selected.code ? detail.data : selected;
  const path = (j.path ?? []).filter((p) => p.code !== j.code);

  const columns: ColumnsType<Jurisdiction> = [
    {
      title: t('jur.code'),
      dataIndex: 'code',
      render: (value: string, row) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => onSelect(row)}>
          {value}
        </Button>
      ),
    },
    { title: t('jur.name'), dataIndex: 'name' },
    { title: t('jur.level'), dataIndex: 'level', render: (level: number) => levelLabel(level, lang) },
    { title: t('jur.validFrom'), dataIndex: 'validFrom', render: (v: string) => formatDate(v) },
    {
      title: t('jur.validTo'),
      dataIndex: 'validTo',
      render: (v: string | null) => (v ? formatDate(v) : <Tag color="green">{t('common.current')}</Tag>),
    },
  ];
  const rows = selected.hasChildren && children.data ? children.data : [];

  return (
    <>
      <Card title={j.name} size="small" style={{ marginBottom: 16 }} data-testid="jurisdiction-details">
        {detail.error && <Alert type="error" showIcon message={detail.error} style={{ marginBottom: 12 }} />}
        {path.length > 0 && (
          <Breadcrumb
            style={{ marginBottom: 12 }}
            items={path.map((p) => ({ key: p.code, title: p.name }))}
          />
        )}
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" bordered>
          <Descriptions.Item label={t('jur.code')}>{j.code === '' ? '—' : j.code}</Descriptions.Item>
          <Descriptions.Item label={t('jur.code12')}>
            {j.code === '' ? '—' : padJurisdictionCode(j.code)}
          </Descriptions.Item>
          <Descriptions.Item label={t('jur.name')}>{j.name}</Descriptions.Item>
          <Descriptions.Item label={t('jur.level')}>{levelLabel(j.level, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('jur.validFrom')}>{formatDate(j.validFrom)}</Descriptions.Item>
          <Descriptions.Item label={t('jur.validTo')}>
            {j.validTo ? formatDate(j.validTo) : t('common.current')}
          </Descriptions.Item>
          <Descriptions.Item label={t('jur.successor')}>{orDash(j.successorCode)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        size="small"
        title={`${t('jur.children')}${rows.length ? `（${formatNumber(rows.length)}）` : ''}`}
      >
        {children.error && (
          <Alert type="error" showIcon message={children.error} style={{ marginBottom: 12 }} />
        )}
        <Table<Jurisdiction>
          rowKey="code"
          size="small"
          columns={columns}
          dataSource={rows}
          loading={children.loading && selected.hasChildren}
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('jur.noChildren') }}
        />
      </Card>
    </>
  );
}
