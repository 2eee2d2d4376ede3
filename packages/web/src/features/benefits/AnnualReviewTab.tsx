// 年审: every live enrolment re-screened as of a date against its programme's rules; those no longer
// eligible come first with the conditions that failed and the first month no longer due. Confirming
// re-checks on the server and ends the enrolment with the reason in its trail.
import { Permission } from '@renkou/core';
import { Alert, App, Button, Col, DatePicker, Popconfirm, Row, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { JurisdictionSelect } from '../../components/JurisdictionSelect';
import { formatNumber, orDash } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useCan } from '../../lib/session';
import { useRequest } from '../../lib/useRequest';
import { annualReview, confirmReview, listProgrammes, type Outcome, type ReviewItem } from './api';
import { endOutcomeText } from './end-outcome';
import { codeLabel, outcomeColor } from './labels';
import { useRefusal } from './use-refusal';

const PAGE_SIZE = 50;
const OUTCOMES: Outcome[] = ['ineligible', 'needs_review', 'eligible'];

export function AnnualReviewTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refused = useRefusal();
  const canReview = useCan(Permission.BenefitReview);
  const programmes = useRequest((signal) => listProgrammes(signal), 'programmes');
  const [filter, setFilter] = useState<{
    jurisdiction?: string;
    programme?: string;
    date?: string;
    outcome?: Outcome;
  }>({
    outcome: 'ineligible',
  });
  const [page, setPage] = useState(1);
  const [busy, setBusy] = useState<string>();
  const query = { ...filter, page, pageSize: PAGE_SIZE };
  const list = useRequest((signal) => annualReview(query, signal), JSON.stringify(query));
  const change = (next: Partial<typeof filter>) => {
    setFilter({ ...filter, ...next });
    setPage(1);
  };
  // A review dated later than today can be looked at, not confirmed.
  const future = filter.date !== undefined && filter.date > dayjs().format('YYYY-MM-DD');

  const confirm = async (item: ReviewItem) => {
    setBusy(item.enrolmentId);
    try {
      const outcome = await confirmReview(item.enrolmentId);
      void message.success(`${item.name ?? item.personKey}：${endOutcomeText(t, outcome)}`);
      list.reload();
    } catch (error) {
      refused(error, t('benefit.worklist.confirm'));
    } finally {
      setBusy(undefined);
    }
  };

  const columns: ColumnsType<ReviewItem> = [
    { title: t('benefit.name'), key: 'name', width: 110, render: (_v, i) => i.name ?? i.personKey },
    {
      title: t('benefit.idNumber'),
      dataIndex: 'idNumberMasked',
      width: 170,
      render: (v: string | null) => orDash(v),
    },
    { title: t('benefit.programme'), dataIndex: 'programmeName', width: 90 },
    {
      title: t('benefit.outcome'),
      key: 'outcome',
      width: 110,
      render: (_v, i) => (
        <Tag color={outcomeColor[i.outcome]} data-testid="review-outcome" data-outcome={i.outcome}>
          {codeLabel(t, 'benefit.outcome', i.outcome)}
        </Tag>
      ),
    },
    {
      title: t('benefit.worklist.endsBefore'),
      dataIndex: 'endsBefore',
      width: 100,
      render: (v: string | null) => orDash(v),
    },
    {
      title: t('benefit.worklist.failed'),
      key: 'failed',
      render: (_v, i) =>
        i.failed.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 16 }}>
            {i.failed.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        ) : i.newCategoryCode ? (
          t('benefit.worklist.newCategory', { category: i.newCategoryCode })
        ) : (
          '—'
        ),
    },
    {
      title: '',
      key: 'actions',
      width: 110,
      render: (_v, i) =>
        canReview &&
        i.outcome === 'ineligible' &&
        !future && (
          <Popconfirm
            title={t('benefit.worklist.confirmEnd')}
            description={<div style={{ maxWidth: 360 }}>{i.reason}</div>}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={() => confirm(i)}
          >
            <Button size="small" type="primary" loading={busy === i.enrolmentId} data-testid="review-confirm">
              {t('benefit.worklist.confirm')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  const counts = list.data?.counts;
  return (
    <>
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={24} sm={12} lg={6}>
          <JurisdictionSelect
            key={filter.jurisdiction ? 'some' : 'all'}
            value={filter.jurisdiction}
            onChange={(v) => change({ jurisdiction: v || undefined })}
            placeholder={t('benefit.ownScope')}
          />
        </Col>
        <Col xs={12} sm={6} lg={4}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('benefit.allProgrammes')}
            value={filter.programme}
            onChange={(v?: string) => change({ programme: v })}
            options={(programmes.data ?? []).map((p) => ({ value: p.code, label: p.shortName }))}
          />
        </Col>
        <Col xs={12} sm={6} lg={4}>
          <DatePicker
            style={{ width: '100%' }}
            placeholder={t('benefit.today')}
            value={filter.date ? dayjs(filter.date) : null}
            onChange={(d) => change({ date: d ? d.format('YYYY-MM-DD') : undefined })}
          />
        </Col>
        <Col xs={24} sm={12} lg={5}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('benefit.worklist.allOutcomes')}
            value={filter.outcome}
            onChange={(v?: Outcome) => change({ outcome: v })}
            options={OUTCOMES.map((o) => ({
              value: o,
              label: `${codeLabel(t, 'benefit.outcome', o)}${counts ? ` ${formatNumber(counts[o])}` : ''}`,
            }))}
            data-testid="review-outcome-filter"
          />
        </Col>
      </Row>
      {list.error && <Alert type="error" showIcon message={list.error} style={{ marginBottom: 12 }} />}
      {future && (
        <Alert
          type="info"
          showIcon
          message={t('benefit.worklist.futurePreview')}
          style={{ marginBottom: 12 }}
        />
      )}
      <Table
        size="small"
        rowKey="enrolmentId"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        expandable={{
          expandedRowRender: (i) => (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {i.explanationText}
            </Typography.Paragraph>
          ),
        }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage }}
        scroll={{ x: 1000 }}
        data-testid="review-table"
      />
    </>
  );
}
