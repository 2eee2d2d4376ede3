// 利益导向项目: each programme with its policy document, region, the amount in force today in the
// user's area per category, and the full history of amount schedules (a change of amount is a new
// schedule from a date; a county's top-up is one for its region, added here by a county officer).
import { Permission } from '@renkou/core';
import { Alert, Button, Collapse, Descriptions, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useIsMobile } from '../../lib/responsive';
import { useCan, useCurrentSession } from '../../lib/session';
import { useRequest } from '../../lib/useRequest';
import { listProgrammes, type Programme, type Schedule } from './api';
import { CardList } from './CardList';
import { codeLabel, currentSchedule, formatAmount, formatFen, type T } from './labels';
import { TopUpModal } from './TopUpModal';

interface Shown {
  today: string;
  /** The user's scope: amounts are those in force there. */
  place: string;
  t: T;
}

function CurrentAmounts({ programme, today, place, t }: Shown & { programme: Programme }) {
  return (
    <Space direction="vertical" size={0}>
      {programme.categories.map((category) => {
        const current = currentSchedule(category.schedules, today, place);
        return (
          <span key={category.code} data-testid="programme-current" data-category={category.code}>
            {programme.categories.length > 1 && (
              <Typography.Text type="secondary">{category.name}：</Typography.Text>
            )}
            {current ? (
              <Typography.Text strong data-fen={current.amountFen}>
                {formatAmount(t, current.amountFen, current.basis)}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">{t('benefit.noCurrent')}</Typography.Text>
            )}
          </span>
        );
      })}
    </Space>
  );
}

const scheduleRegion = (t: T, schedule: Schedule) =>
  schedule.region ? t('benefit.topUpOf', { region: schedule.region }) : t('benefit.ownAmount');

function ScheduleHistory({ programme, today, place, t }: Shown & { programme: Programme }) {
  const rows = programme.categories.flatMap((category) =>
    [...category.schedules]
      .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))
      .map((schedule) => ({ category, schedule })),
  );
  const columns: ColumnsType<(typeof rows)[number]> = [
    { title: t('benefit.category'), key: 'category', render: (_v, r) => r.category.name, width: 140 },
    {
      title: t('benefit.effectiveFrom'),
      key: 'from',
      width: 120,
      render: (_v, r) => formatDate(r.schedule.effectiveFrom),
    },
    {
      title: t('benefit.region'),
      key: 'region',
      width: 120,
      render: (_v, r) => scheduleRegion(t, r.schedule),
    },
    {
      title: t('benefit.amount'),
      key: 'amount',
      width: 150,
      render: (_v, r) => formatAmount(t, r.schedule.amountFen, r.schedule.basis),
    },
    {
      title: t('benefit.status'),
      key: 'status',
      width: 150,
      render: (_v, r) => (
        <Space size={4} wrap>
          {currentSchedule(r.category.schedules, today, place) === r.schedule && (
            <Tag color="blue">{t('common.current')}</Tag>
          )}
          <ScheduleVerified schedule={r.schedule} t={t} />
        </Space>
      ),
    },
    {
      title: t('benefit.source'),
      key: 'source',
      render: (_v, r) => (
        <>
          <div>{r.schedule.source}</div>
          {r.schedule.note && <Typography.Text type="secondary">{r.schedule.note}</Typography.Text>}
        </>
      ),
    },
  ];
  return (
    <Table
      data-testid="programme-schedules"
      size="small"
      rowKey={(r) => `${r.category.code}-${r.schedule.region ?? ''}-${r.schedule.effectiveFrom}`}
      columns={columns}
      dataSource={rows}
      pagination={false}
    />
  );
}

function ScheduleVerified({ schedule, t }: { schedule: Schedule; t: T }) {
  return schedule.verified ? (
    <Tag color="green">{t('benefit.verified')}</Tag>
  ) : (
    <Tag color="orange">{t('benefit.unverified')}</Tag>
  );
}

export function ProgrammesPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const today = dayjs().format('YYYY-MM-DD');
  const { user } = useCurrentSession();
  const shown: Shown = { today, place: user.scope, t };
  const programmes = useRequest((signal) => listProgrammes(signal), 'programmes');
  // A top-up is set for the officer's own county (or province, city), inside the programme's region.
  const canReview = useCan(Permission.BenefitReview);
  const [toppingUp, setToppingUp] = useState<Programme>();
  const canTopUp = (p: Programme) =>
    canReview && user.scope.length > 0 && user.scope.length <= 6 && user.scope.startsWith(p.regionPrefix);
  const topUpButton = (p: Programme) =>
    canTopUp(p) && (
      <Button size="small" onClick={() => setToppingUp(p)} data-testid="top-up-new">
        {t('benefit.topUp.add')}
      </Button>
    );
  const region = (p: Programme) => (p.regionPrefix === '' ? t('benefit.regionAll') : p.regionPrefix);
  const validity = (p: Programme) =>
    p.validTo
      ? t('benefit.validFromTo', { from: formatDate(p.validFrom), to: formatDate(p.validTo) })
      : t('benefit.validFromOnly', { from: formatDate(p.validFrom) });
  const items = programmes.data ?? [];

  const details = (p: Programme) => (
    <Descriptions size="small" column={mobile ? 1 : 3} style={{ marginBottom: 8 }}>
      <Descriptions.Item label={t('benefit.validity')}>{validity(p)}</Descriptions.Item>
      <Descriptions.Item label={t('benefit.beneficiary')}>
        {codeLabel(t, 'benefit.beneficiary', p.beneficiary)}
      </Descriptions.Item>
      <Descriptions.Item label={t('benefit.endsWhen')}>{p.endsWhen}</Descriptions.Item>
    </Descriptions>
  );

  const columns: ColumnsType<Programme> = [
    {
      title: t('benefit.programmeName'),
      key: 'name',
      render: (_v, p) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{p.shortName}</Typography.Text>
          <Typography.Text type="secondary">{p.name}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('benefit.currentAmount'),
      key: 'amount',
      render: (_v, p) => <CurrentAmounts programme={p} {...shown} />,
    },
    { title: t('benefit.documentNumber'), dataIndex: 'documentNumber', width: 280 },
    { title: t('benefit.region'), key: 'region', width: 100, render: (_v, p) => region(p) },
    {
      title: t('benefit.period'),
      key: 'period',
      width: 90,
      render: (_v, p) => codeLabel(t, 'benefit.period', p.paymentPeriod),
    },
  ];

  return (
    <>
      <PageHeader title={t('nav.benefitProgrammes')} />
      {programmes.error && (
        <Alert type="error" showIcon message={programmes.error} style={{ marginBottom: 12 }} />
      )}
      {mobile ? (
        <CardList
          testId="programme-table"
          cardTestId="programme-row"
          items={items}
          rowKey={(p) => p.code}
          loading={programmes.loading}
          emptyText={t('common.none')}
          render={(p) => (
            <>
              <Typography.Text strong>{p.shortName}</Typography.Text>{' '}
              <Typography.Text type="secondary">{p.name}</Typography.Text>
              <div>
                <CurrentAmounts programme={p} {...shown} />
              </div>
              <Typography.Text type="secondary">
                {p.documentNumber} · {region(p)} · {codeLabel(t, 'benefit.period', p.paymentPeriod)}
              </Typography.Text>
              <Collapse
                size="small"
                ghost
                items={[
                  {
                    key: 'history',
                    label: t('benefit.schedules'),
                    children: (
                      <>
                        {details(p)}
                        {p.categories.map((c) =>
                          [...c.schedules]
                            .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))
                            .map((s) => (
                              <div key={`${c.code}-${s.region ?? ''}-${s.effectiveFrom}`}>
                                {formatDate(s.effectiveFrom)} {c.name} {scheduleRegion(t, s)}{' '}
                                {formatFen(s.amountFen)} <ScheduleVerified schedule={s} t={t} />
                              </div>
                            )),
                        )}
                        {topUpButton(p)}
                      </>
                    ),
                  },
                ]}
              />
            </>
          )}
        />
      ) : (
        <Table<Programme>
          data-testid="programme-table"
          rowKey="code"
          columns={columns}
          dataSource={items}
          loading={programmes.loading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(p) => ({ 'data-testid': 'programme-row', 'data-key': p.code }) as object}
          expandable={{
            expandRowByClick: true,
            expandedRowRender: (p) => (
              <>
                {details(p)}
                <Space style={{ marginBottom: 8 }}>
                  <Typography.Text strong>{t('benefit.schedules')}</Typography.Text>
                  {topUpButton(p)}
                </Space>
                <ScheduleHistory programme={p} {...shown} />
              </>
            ),
          }}
        />
      )}
      {toppingUp && (
        <TopUpModal
          programme={toppingUp}
          region={user.scope}
          onClose={() => setToppingUp(undefined)}
          onSaved={() => {
            setToppingUp(undefined);
            programmes.reload();
          }}
        />
      )}
    </>
  );
}
