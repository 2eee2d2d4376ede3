// 审计日志: who did what, when, to whom, where and why; filters, details, and a chain check.
import { App, Button, DatePicker, Descriptions, Drawer, Form, Input, Result, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage } from '../../lib/api';
import { formatDateTime, orDash } from '../../lib/format';
import { isMessageKey, useI18n } from '../../lib/i18n';
import { useIsMobile } from '../../lib/responsive';
import type { AuditEntry } from '../../lib/types';
import { useRequest } from '../../lib/useRequest';
import { listAudit, verifyAudit, type AuditQuery, type VerifyResult } from './api';

const PAGE_SIZE = 50;
const outcomeColor: Record<string, string> = { success: 'green', denied: 'orange', failed: 'red' };

interface Filters {
  range?: [Dayjs | null, Dayjs | null] | null;
  username?: string;
  action?: string;
  outcome?: string;
}

function toQuery(filters: Filters, page: number): AuditQuery {
  const [from, to] = filters.range ?? [];
  return {
    ...(from ? { from: from.format('YYYY-MM-DD') } : {}),
    ...(to ? { to: to.format('YYYY-MM-DD') } : {}),
    ...(filters.username?.trim() ? { username: filters.username.trim() } : {}),
    ...(filters.action?.trim() ? { action: filters.action.trim() } : {}),
    ...(filters.outcome ? { outcome: filters.outcome } : {}),
    page,
    pageSize: PAGE_SIZE,
  };
}

export function AuditPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [detail, setDetail] = useState<AuditEntry>();
  const [verifying, setVerifying] = useState(false);
  const [verified, setVerified] = useState<VerifyResult>();
  const query = toQuery(filters, page);
  const entries = useRequest((signal) => listAudit(query, signal), JSON.stringify(query));

  const outcomeLabel = (o: string) => {
    const key = `outcome.${o}`;
    return isMessageKey(key) ? t(key) : o;
  };

  const verify = async () => {
    setVerifying(true);
    try {
      setVerified(await verifyAudit());
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setVerifying(false);
    }
  };

  const columns: ColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: t('audit.username'),
      dataIndex: 'username',
      width: 120,
      render: (v: string | null) => orDash(v),
    },
    { title: t('audit.action'), dataIndex: 'action', width: 180 },
    {
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      width: 80,
      render: (v: string) => <Tag color={outcomeColor[v] ?? 'default'}>{outcomeLabel(v)}</Tag>,
    },
    {
      title: t('audit.target'),
      key: 'target',
      responsive: ['md'],
      render: (_v, e) => (e.targetType ? `${e.targetType} ${e.targetIds.join(', ')}` : '—'),
    },
    {
      title: t('audit.jurisdiction'),
      dataIndex: 'jurisdiction',
      width: 130,
      responsive: ['lg'],
      render: (v: string | null) => orDash(v),
    },
    {
      title: t('audit.purpose'),
      dataIndex: 'purpose',
      responsive: ['lg'],
      render: (v: string | null) => orDash(v),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.audit')}
        extra={
          <Button loading={verifying} onClick={() => void verify()} data-testid="audit-verify-button">
            {t('audit.verify')}
          </Button>
        }
      />
      {verified && (
        <Result
          status={verified.ok ? 'success' : 'error'}
          style={{ padding: '8px 0 16px' }}
          title={
            <span data-testid="audit-verify-result">
              {verified.ok
                ? t('audit.verifyOk', { checked: verified.checked, pending: verified.pending })
                : t('audit.verifyBad', { checked: verified.checked })}
            </span>
          }
          subTitle={verified.problems.slice(0, 10).join('；')}
        />
      )}
      <Form<Filters>
        layout={mobile ? 'vertical' : 'inline'}
        style={{ marginBottom: 12, rowGap: 8 }}
        onFinish={(values) => {
          setFilters(values);
          setPage(1);
        }}
      >
        <Form.Item name="range" label={t('audit.range')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item name="username" label={t('audit.username')}>
          <Input allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="action" label={t('audit.action')}>
          <Input allowClear style={{ width: 160 }} placeholder="auth.login" />
        </Form.Item>
        <Form.Item name="outcome" label={t('audit.outcome')}>
          <Select
            allowClear
            style={{ width: 110 }}
            options={['success', 'denied', 'failed'].map((o) => ({ value: o, label: outcomeLabel(o) }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
        </Form.Item>
      </Form>
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={entries.data?.items ?? []}
        loading={entries.loading}
        scroll={{ x: 'max-content' }}
        locale={entries.error ? { emptyText: entries.error } : undefined}
        onRow={(entry) => ({ onClick: () => setDetail(entry), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: entries.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => t('common.total', { n }),
          onChange: setPage,
        }}
        data-testid="audit-table"
      />
      <Drawer
        open={detail !== undefined}
        onClose={() => setDetail(undefined)}
        title={t('audit.details')}
        width={mobile ? '100%' : 520}
      >
        {detail && (
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('audit.at')}>{formatDateTime(detail.at)}</Descriptions.Item>
            <Descriptions.Item label={t('audit.username')}>{orDash(detail.username)}</Descriptions.Item>
            <Descriptions.Item label={t('audit.role')}>{orDash(detail.role)}</Descriptions.Item>
            <Descriptions.Item label={t('audit.action')}>{detail.action}</Descriptions.Item>
            <Descriptions.Item label={t('audit.outcome')}>{outcomeLabel(detail.outcome)}</Descriptions.Item>
            <Descriptions.Item label={t('audit.target')}>
              {detail.targetType ? `${detail.targetType} ${detail.targetIds.join(', ')}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.jurisdiction')}>
              {orDash(detail.jurisdiction)}
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.purpose')}>{orDash(detail.purpose)}</Descriptions.Item>
            <Descriptions.Item label={t('audit.ip')}>{orDash(detail.ip)}</Descriptions.Item>
            <Descriptions.Item label={t('audit.requestId')}>{orDash(detail.requestId)}</Descriptions.Item>
            <Descriptions.Item label={t('audit.sealed')}>
              {detail.sealed ? t('audit.sealed') : t('audit.pendingSeal')}
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.details')}>
              <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {JSON.stringify(detail.details, null, 2)}
              </pre>
            </Descriptions.Item>
          </Descriptions>
        )}
      </Drawer>
    </>
  );
}
