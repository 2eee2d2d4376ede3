// The family's benefits on the register's person page: the applications of the person, their spouse,
// parents and children, with the programme, status, months enrolled and what has been paid. Shown
// to those who may read benefits; a link opens the case on the applications page.
import { formatFen } from '@renkou/core';
import { Card, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { api } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { useRequest } from '../lib/useRequest';

interface FamilyBenefit {
  applicationId: string;
  personKey: string;
  name: string | null;
  role: 'self' | 'spouse' | 'parent' | 'child';
  programmeCode: string;
  programmeName: string;
  status: string;
  statusLabel: string;
  fromMonth: string | null;
  suspendedFrom: string | null;
  endsBefore: string | null;
  paidFen: number;
}

const statusColor: Record<string, string> = { enrolled: 'green', suspended: 'orange', terminated: 'default' };

export function FamilyBenefits({ personKey }: { personKey: string }) {
  const { t } = useI18n();
  const result = useRequest(
    (signal) =>
      api.get<{ items: FamilyBenefit[] }>(
        `/api/benefits/persons/${encodeURIComponent(personKey)}`,
        undefined,
        signal,
      ),
    personKey,
  );
  const months = (b: FamilyBenefit) => {
    if (b.fromMonth === null) return '—';
    const stop = b.endsBefore ?? b.suspendedFrom;
    return stop
      ? t('person.benefits.monthsTo', { from: b.fromMonth, to: stop })
      : t('person.benefits.monthsFrom', { from: b.fromMonth });
  };
  const columns: ColumnsType<FamilyBenefit> = [
    {
      title: t('person.benefits.who'),
      key: 'who',
      render: (_v, b) => (
        <>
          {b.name ?? b.personKey} <Tag>{t(`person.benefits.role.${b.role}`)}</Tag>
        </>
      ),
    },
    { title: t('person.benefits.programme'), dataIndex: 'programmeName' },
    {
      title: t('person.benefits.status'),
      key: 'status',
      render: (_v, b) => <Tag color={statusColor[b.status] ?? 'blue'}>{b.statusLabel}</Tag>,
    },
    { title: t('person.benefits.months'), key: 'months', render: (_v, b) => months(b) },
    {
      title: t('person.benefits.paid'),
      dataIndex: 'paidFen',
      align: 'right',
      render: (v: number) => formatFen(v),
    },
    {
      title: '',
      key: 'open',
      render: (_v, b) => (
        <Link to={`/benefits/applications?open=${encodeURIComponent(b.applicationId)}`}>
          {t('person.benefits.open')}
        </Link>
      ),
    },
  ];
  return (
    <Card size="small" title={t('person.benefits')} data-testid="person-benefits">
      <Table
        size="small"
        rowKey="applicationId"
        columns={columns}
        dataSource={result.data?.items ?? []}
        loading={result.loading}
        pagination={false}
        scroll={{ x: 560 }}
        locale={{ emptyText: result.error ?? t('person.benefits.none') }}
      />
    </Card>
  );
}
