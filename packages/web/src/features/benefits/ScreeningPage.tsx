// 资格筛查: a programme's rules run over the register within a division; every decision (eligible,
// not, needs review) comes with its explanation, opened under the row. The query lives in the address.
import { PlayCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Collapse, DatePicker, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatNumber, orDash } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useIsMobile } from '../../lib/responsive';
import { useRequest } from '../../lib/useRequest';
import { listProgrammes, screen, type Outcome, type ScreeningItem, type ScreeningQuery } from './api';
import { CardList } from './CardList';
import { ExplanationTree } from './ExplanationTree';
import { ScopeFilter } from './inputs';
import { codeLabel, formatAmount, outcomeColor } from './labels';

const PAGE_SIZE = 50;
const OUTCOMES: Outcome[] = ['eligible', 'needs_review', 'ineligible'];
type Filter = 'programme' | 'jurisdiction' | 'date' | 'outcome' | 'page' | 'run';

export function ScreeningPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const get = (name: Filter) => params.get(name) ?? '';
  const page = Math.max(1, Number(get('page')) || 1);
  const programmes = useRequest((signal) => listProgrammes(signal), 'programmes');

  const update = (changes: Partial<Record<Filter, string>>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const code = get('programme');
  const query: ScreeningQuery = {
    jurisdiction: get('jurisdiction') || undefined,
    date: get('date') || undefined,
    outcome: (get('outcome') as Outcome) || undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const enabled = code !== '' && get('run') === '1';
  const result = useRequest((signal) => screen(code, query, signal), JSON.stringify([code, query]), enabled);
  const data = enabled ? result.data : undefined;

  const outcomeTag = (item: ScreeningItem) => (
    <Tag color={outcomeColor[item.outcome]} data-testid="screening-outcome" data-outcome={item.outcome}>
      {codeLabel(t, 'benefit.outcome', item.outcome)}
    </Tag>
  );
  const amount = (item: ScreeningItem) =>
    item.amountFen === null ? '—' : formatAmount(t, item.amountFen, item.amountBasis);

  const columns: ColumnsType<ScreeningItem> = [
    { title: t('benefit.name'), dataIndex: 'name', width: 160 },
    {
      title: t('benefit.sex'),
      dataIndex: 'sex',
      width: 60,
      render: (v: number) => codeLabel(t, 'sex', String(v)),
    },
    {
      title: t('benefit.birthDate'),
      dataIndex: 'birthDate',
      width: 110,
      render: (v: string) => formatDate(v),
    },
    {
      title: t('benefit.idNumber'),
      dataIndex: 'idNumberMasked',
      width: 180,
      render: (v: string | null) => orDash(v),
    },
    { title: t('benefit.hukou'), dataIndex: 'hukouCode', width: 130 },
    { title: t('benefit.outcome'), key: 'outcome', width: 90, render: (_v, item) => outcomeTag(item) },
    {
      title: t('benefit.category'),
      dataIndex: 'categoryName',
      width: 130,
      render: (v: string | null) => orDash(v),
    },
    { title: t('benefit.amount'), key: 'amount', width: 140, render: (_v, item) => amount(item) },
  ];

  const pagination = {
    current: page,
    pageSize: PAGE_SIZE,
    total: data?.total ?? 0,
    onChange: (p: number) => update({ page: String(p) }),
  };

  return (
    <>
      <PageHeader title={t('nav.benefitScreening')} />
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={24} sm={12} lg={5}>
          <Select
            style={{ width: '100%' }}
            placeholder={t('benefit.pickProgramme')}
            value={code || undefined}
            loading={programmes.loading}
            onChange={(v: string) => update({ programme: v, run: '' })}
            options={(programmes.data ?? []).map((p) => ({
              value: p.code,
              label: `${p.shortName}（${p.name}）`,
            }))}
            data-testid="screening-programme"
          />
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <ScopeFilter
            value={get('jurisdiction')}
            onChange={(v) => update({ jurisdiction: v, run: '' })}
            data-testid="screening-jurisdiction"
          />
        </Col>
        <Col xs={12} sm={8} lg={4}>
          <DatePicker
            style={{ width: '100%' }}
            placeholder={`${t('benefit.date')}（${t('benefit.today')}）`}
            value={get('date') ? dayjs(get('date')) : null}
            onChange={(d) => update({ date: d ? d.format('YYYY-MM-DD') : '', run: '' })}
          />
        </Col>
        <Col xs={12} sm={8} lg={4}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('benefit.allOutcomes')}
            value={get('outcome') || undefined}
            onChange={(v?: string) => update({ outcome: v ?? '' })}
            options={OUTCOMES.map((o) => ({ value: o, label: codeLabel(t, 'benefit.outcome', o) }))}
          />
        </Col>
        <Col xs={24} sm={8} lg={4}>
          <Button
            block
            type="primary"
            icon={<PlayCircleOutlined />}
            disabled={code === ''}
            loading={enabled && result.loading}
            onClick={() => (get('run') === '1' ? result.reload() : update({ run: '1' }))}
            data-testid="screening-run"
          >
            {t('benefit.runScreening')}
          </Button>
        </Col>
      </Row>
      {!enabled && (
        <Alert type="info" showIcon message={t('benefit.screeningHint')} style={{ marginBottom: 12 }} />
      )}
      {enabled && result.error && (
        <Alert type="error" showIcon message={result.error} style={{ marginBottom: 12 }} />
      )}
      {data && (
        <Space wrap style={{ marginBottom: 12 }} data-testid="screening-summary" data-total={data.total}>
          <Typography.Text>
            {t('benefit.screeningSummary', {
              date: formatDate(data.date),
              total: formatNumber(data.counts.eligible + data.counts.ineligible + data.counts.needs_review),
              eligible: formatNumber(data.counts.eligible),
              ineligible: formatNumber(data.counts.ineligible),
              review: formatNumber(data.counts.needs_review),
            })}
          </Typography.Text>
        </Space>
      )}
      {enabled &&
        (mobile ? (
          <CardList
            testId="screening-table"
            cardTestId="screening-row"
            items={data?.items ?? []}
            rowKey={(item) => item.personKey}
            loading={result.loading}
            emptyText={result.error ?? t('common.none')}
            pagination={pagination}
            render={(item) => (
              <>
                <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                  <Typography.Text strong>{item.name}</Typography.Text>
                  {outcomeTag(item)}
                </div>
                <Typography.Text type="secondary">
                  {codeLabel(t, 'sex', String(item.sex))} · {formatDate(item.birthDate)} ·{' '}
                  {orDash(item.idNumberMasked)}
                </Typography.Text>
                {item.amountFen !== null && (
                  <div>
                    {orDash(item.categoryName)} {amount(item)}
                  </div>
                )}
                <Collapse
                  size="small"
                  ghost
                  items={[
                    {
                      key: 'why',
                      label: t('benefit.showExplanation'),
                      children: <ExplanationTree node={item.explanation} />,
                    },
                  ]}
                />
              </>
            )}
          />
        ) : (
          <Table<ScreeningItem>
            data-testid="screening-table"
            rowKey="personKey"
            size="middle"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={result.loading}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: result.error ?? t('common.none') }}
            onRow={(item) => ({ 'data-testid': 'screening-row', 'data-key': item.personKey }) as object}
            expandable={{
              expandRowByClick: true,
              expandedRowRender: (item) => <ExplanationTree node={item.explanation} />,
            }}
            pagination={{
              ...pagination,
              showSizeChanger: false,
              showTotal: (n: number) => t('common.total', { n }),
            }}
          />
        ))}
    </>
  );
}
