// 年审: every live enrolment re-screened as of a date against its programme's rules; those no longer
// eligible come first with the conditions that failed and the first month no longer due. Confirming
// re-checks on the server and ends the enrolment with the reason in its trail.
import type { AnnualReviewItem } from '@renkou/core';
import { Alert, Col, DatePicker, Row, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { formatNumber, orDash } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useRequest } from '../../lib/useRequest';
import { annualReview, confirmReview, listProgrammes, type Outcome } from './api';
import { useEndColumns } from './end-columns';
import { ScopeFilter } from './inputs';
import { codeLabel, outcomeColor } from './labels';

const PAGE_SIZE = 50;
const OUTCOMES: Outcome[] = ['ineligible', 'needs_review', 'eligible'];

export function AnnualReviewTab() {
  const { t } = useI18n();
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
  const query = { ...filter, page, pageSize: PAGE_SIZE };
  const list = useRequest((signal) => annualReview(query, signal), JSON.stringify(query));
  const change = (next: Partial<typeof filter>) => {
    setFilter({ ...filter, ...next });
    setPage(1);
  };
  // A review dated later than today can be looked at, not confirmed.
  const future = filter.date !== undefined && filter.date > dayjs().format('YYYY-MM-DD');

  const endColumns = useEndColumns<AnnualReviewItem>(confirmReview, () => list.reload());
  const columns = endColumns(
    [
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
    ],
    {
      show: (i) => i.outcome === 'ineligible' && !future,
      description: (i) => <div style={{ maxWidth: 360 }}>{i.reason}</div>,
      testId: 'review-confirm',
    },
  );

  const counts = list.data?.counts;
  return (
    <>
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={24} sm={12} lg={6}>
          <ScopeFilter
            value={filter.jurisdiction ?? ''}
            onChange={(v) => change({ jurisdiction: v || undefined })}
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
