// 申请审核: the applications within the user's scope, filtered by status, programme and division;
// a row opens the detail drawer with the review trail and the next allowed actions. With a review
// status chosen, rows can be ticked and approved together (each reported as done or refused).
import { Permission } from '@renkou/core';
import { Alert, App, Button, Col, Modal, Popconfirm, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type MouseEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage } from '../../lib/api';
import { formatDate, orDash } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useIsMobile } from '../../lib/responsive';
import { useCan } from '../../lib/session';
import { useRequest } from '../../lib/useRequest';
import {
  actMany,
  listApplications,
  listProgrammes,
  type ActionCommand,
  type ApplicationQuery,
  type ApplicationSummary,
} from './api';
import { ApplicationDrawer } from './ApplicationDrawer';
import { CardList } from './CardList';
import { ScopeFilter } from './inputs';
import { appStatusColor, codeLabel, programmeLabel } from './labels';

const PAGE_SIZE = 20;
const STATUSES = [
  'village_review',
  'public_notice',
  'township_review',
  'county_review',
  'enrolled',
  'returned_to_applicant',
  'rejected',
  'withdrawn',
  'suspended',
  'terminated',
];
/** The approval each review status moves on with; only these can be done in bulk. */
const BULK_APPROVE: Record<string, ActionCommand> = {
  village_review: { action: 'villageApprove' },
  public_notice: { action: 'closeNotice' },
  township_review: { action: 'townshipApprove' },
  county_review: { action: 'countyApprove' },
};
type Filter = 'status' | 'programme' | 'jurisdiction' | 'page' | 'open';

export function ApplicationsPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const canReview = useCan(Permission.BenefitReview);
  const [params, setParams] = useSearchParams();
  const get = (name: Filter) => params.get(name) ?? '';
  const page = Math.max(1, Number(get('page')) || 1);
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const programmes = useRequest((signal) => listProgrammes(signal), 'programmes');

  const update = (changes: Partial<Record<Filter, string>>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    if (!('page' in changes) && !('open' in changes)) {
      next.delete('page');
      setSelected([]);
    }
    setParams(next, { replace: true });
  };

  const query: ApplicationQuery = {
    status: get('status') || undefined,
    programme: get('programme') || undefined,
    jurisdiction: get('jurisdiction') || undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const list = useRequest((signal) => listApplications(query, signal), JSON.stringify(query));
  const programmeName = (code: string) => programmeLabel(programmes.data, code);
  const bulk = canReview ? BULK_APPROVE[get('status')] : undefined;

  const statusTag = (a: ApplicationSummary) => (
    <Tag color={appStatusColor[a.status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {codeLabel(t, 'benefit.appStatus', a.status, a.statusLabel)}
    </Tag>
  );

  const approveSelected = async () => {
    if (!bulk || selected.length === 0) return;
    setBusy(true);
    try {
      const result = await actMany(selected, bulk);
      const refused = result.results.filter((r) => !r.ok);
      const summary = t('benefit.bulkResult', { changed: result.changed, refused: result.refused });
      if (refused.length === 0) void message.success(summary);
      else {
        const names = new Map((list.data?.items ?? []).map((a) => [a.id, a.name]));
        Modal.warning({
          title: summary,
          content: (
            <ul style={{ paddingInlineStart: 18 }} data-testid="bulk-refused">
              {refused.map((r) => (
                <li key={r.id}>
                  {names.get(r.id) ?? r.id}：{r.message ?? r.code}
                </li>
              ))}
            </ul>
          ),
        });
      }
      setSelected([]);
      list.reload();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const columns: ColumnsType<ApplicationSummary> = [
    { title: t('benefit.name'), dataIndex: 'name', width: 150 },
    {
      title: t('benefit.programme'),
      dataIndex: 'programmeCode',
      width: 100,
      render: (v: string) => programmeName(v),
    },
    {
      title: t('benefit.idNumber'),
      dataIndex: 'idNumberMasked',
      width: 180,
      render: (v: string | null) => orDash(v),
    },
    { title: t('benefit.hukou'), dataIndex: 'hukouCode', width: 130 },
    { title: t('benefit.status'), key: 'status', width: 110, render: (_v, a) => statusTag(a) },
    {
      title: t('benefit.enteredOn'),
      dataIndex: 'enteredOn',
      width: 110,
      render: (v: string) => formatDate(v),
    },
  ];

  const pagination = {
    current: page,
    pageSize: PAGE_SIZE,
    total: list.data?.total ?? 0,
    onChange: (p: number) => update({ page: String(p) }),
  };
  const open = (a: ApplicationSummary) => update({ open: a.id });

  return (
    <>
      <PageHeader
        title={t('nav.benefitApplications')}
        extra={
          bulk && (
            <Popconfirm
              title={t('benefit.confirmAction', { action: codeLabel(t, 'benefit.action', bulk.action) })}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              disabled={selected.length === 0}
              onConfirm={() => approveSelected()}
            >
              <Button
                type="primary"
                disabled={selected.length === 0}
                loading={busy}
                data-testid="bulk-approve"
              >
                {t('benefit.bulkApprove', { n: selected.length })}
              </Button>
            </Popconfirm>
          )
        }
      />
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={24} sm={12} lg={6}>
          <ScopeFilter value={get('jurisdiction')} onChange={(v) => update({ jurisdiction: v })} />
        </Col>
        <Col xs={12} sm={6} lg={4}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('benefit.allStatuses')}
            value={get('status') || undefined}
            onChange={(v?: string) => update({ status: v ?? '' })}
            options={STATUSES.map((s) => ({ value: s, label: codeLabel(t, 'benefit.appStatus', s) }))}
            data-testid="application-status-filter"
          />
        </Col>
        <Col xs={12} sm={6} lg={4}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('benefit.allProgrammes')}
            value={get('programme') || undefined}
            onChange={(v?: string) => update({ programme: v ?? '' })}
            options={(programmes.data ?? []).map((p) => ({ value: p.code, label: p.shortName }))}
          />
        </Col>
        <Col xs={24} sm={12} lg={3}>
          <Button block onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            {t('common.reset')}
          </Button>
        </Col>
      </Row>
      {canReview && !bulk && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('benefit.bulkHint')}
        </Typography.Paragraph>
      )}
      {list.error && <Alert type="error" showIcon message={list.error} style={{ marginBottom: 12 }} />}
      {mobile ? (
        <CardList
          testId="application-table"
          cardTestId="application-row"
          items={list.data?.items ?? []}
          rowKey={(a) => a.id}
          loading={list.loading}
          emptyText={t('benefit.noApplications')}
          pagination={pagination}
          onOpen={open}
          render={(a) => (
            <>
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <Typography.Text strong>
                  {a.name} · {programmeName(a.programmeCode)}
                </Typography.Text>
                {statusTag(a)}
              </div>
              <Space size={4} wrap>
                <Typography.Text type="secondary">{orDash(a.idNumberMasked)}</Typography.Text>
                <Typography.Text type="secondary">{formatDate(a.enteredOn)}</Typography.Text>
              </Space>
            </>
          )}
        />
      ) : (
        <Table<ApplicationSummary>
          data-testid="application-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('benefit.noApplications') }}
          rowClassName="clickable-row"
          rowSelection={
            bulk
              ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }
              : undefined
          }
          onRow={(a) =>
            ({
              onClick: (e: MouseEvent<HTMLElement>) => {
                // a tick in the selection column selects, it does not open the case
                if ((e.target as HTMLElement).closest('.ant-table-selection-column')) return;
                open(a);
              },
              'data-testid': 'application-row',
              'data-key': a.id,
            }) as object
          }
          pagination={{
            ...pagination,
            showSizeChanger: false,
            showTotal: (n: number) => t('common.total', { n }),
          }}
        />
      )}
      <ApplicationDrawer
        id={get('open') || undefined}
        programmeName={programmeName}
        onClose={() => update({ open: '' })}
        onChanged={() => list.reload()}
      />
    </>
  );
}
