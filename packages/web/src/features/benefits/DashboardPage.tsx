// 项目概况: a programme's year in a jurisdiction — people covered (live enrolments), people paid and
// money paid, by township (by village within a township) and by the month the money is for. Money
// arrives in integer fen and is only formatted here; the charts and the table download as PNG/Excel.
import { Alert, Card, Col, Row, Select, Statistic, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { EChart } from '../../components/EChart';
import { PageHeader } from '../../components/PageHeader';
import { palette, type ChartOption } from '../../lib/echarts';
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useRequest } from '../../lib/useRequest';
import { dashboard, listProgrammes, type Dashboard } from './api';
import './benefits.css';
import { ScopeFilter, YearInput } from './inputs';
import { formatFen } from './labels';

type Area = Dashboard['areas'][number];

const areaName = (a: Area) => a.name ?? a.code;

/** Money and people, in the shared palette's first two colours. */
const colours = { money: palette.series[0], people: palette.series[1] };

/** Whole yuan for an axis (the exact amount is in the tooltip and the table). */
const axisYuan = (fen: number) => formatNumber(Math.round(fen / 100));

/** One of the three figures above the charts. */
function Figure(props: {
  title: string;
  value: number;
  format: (value: number) => string;
  loading: boolean;
  testId?: string;
}) {
  return (
    <Col xs={24} sm={8}>
      <Card size="small">
        <Statistic
          title={props.title}
          value={props.value}
          formatter={(v) => (
            <span className="benefit-card-value" data-testid={props.testId}>
              {props.format(Number(v))}
            </span>
          )}
          loading={props.loading}
        />
      </Card>
    </Col>
  );
}

export function DashboardPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const programmes = useRequest((signal) => listProgrammes(signal), 'programmes');
  const programme = params.get('programme') ?? programmes.data?.[0]?.code ?? '';
  const year = Number(params.get('year')) || new Date().getFullYear();
  const jurisdiction = params.get('jurisdiction') ?? '';
  const query = { programme, year, ...(jurisdiction ? { jurisdiction } : {}) };
  const result = useRequest((signal) => dashboard(query, signal), JSON.stringify(query), programme !== '');
  const data = result.data;

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const areaLabel =
    data?.areaLevel === 'village' ? t('benefit.dashboard.village') : t('benefit.dashboard.township');

  const areaOption = useMemo<ChartOption>(() => {
    const areas = data?.areas ?? [];
    return {
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v) => String(v),
      },
      legend: { top: 0, left: 'center' },
      grid: { left: 60, right: 50, top: 56, bottom: 60 },
      xAxis: {
        type: 'category',
        data: areas.map(areaName),
        axisLabel: { rotate: areas.length > 6 ? 30 : 0 },
      },
      yAxis: [
        {
          type: 'value',
          name: t('benefit.dashboard.yuan'),
          // Whole yuan between ticks: amounts are fen, the axis speaks yuan.
          minInterval: 100,
          axisLabel: { formatter: (v: number) => axisYuan(v) },
        },
        { type: 'value', name: t('benefit.dashboard.persons'), minInterval: 1 },
      ],
      series: [
        {
          type: 'bar',
          name: t('benefit.dashboard.paid'),
          data: areas.map((a) => a.paidFen),
          itemStyle: { color: colours.money },
          tooltip: { valueFormatter: (v) => formatFen(Number(v)) },
        },
        {
          type: 'line',
          name: t('benefit.dashboard.covered'),
          yAxisIndex: 1,
          data: areas.map((a) => a.peopleCovered),
          itemStyle: { color: colours.people },
        },
      ],
    };
  }, [data, t]);

  const monthOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v) => formatFen(Number(v)) },
      grid: { left: 60, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: (data?.months ?? []).map((m) => m.month.slice(5)) },
      yAxis: {
        type: 'value',
        name: t('benefit.dashboard.yuan'),
        minInterval: 100,
        axisLabel: { formatter: (v: number) => axisYuan(v) },
      },
      series: [
        {
          type: 'bar',
          name: t('benefit.dashboard.paid'),
          data: (data?.months ?? []).map((m) => m.paidFen),
          itemStyle: { color: colours.money },
        },
      ],
    }),
    [data, t],
  );

  const columns: ColumnsType<Area> = [
    { title: areaLabel, key: 'name', render: (_v, a) => areaName(a) },
    { title: t('benefit.dashboard.code'), dataIndex: 'code', width: 140 },
    {
      title: t('benefit.dashboard.covered'),
      dataIndex: 'peopleCovered',
      align: 'right',
      sorter: (a, b) => a.peopleCovered - b.peopleCovered,
      render: (v: number) => formatNumber(v),
    },
    {
      title: t('benefit.dashboard.peoplePaid'),
      dataIndex: 'peoplePaid',
      align: 'right',
      sorter: (a, b) => a.peoplePaid - b.peoplePaid,
      render: (v: number) => formatNumber(v),
    },
    {
      title: t('benefit.dashboard.paid'),
      dataIndex: 'paidFen',
      align: 'right',
      sorter: (a, b) => a.paidFen - b.paidFen,
      render: (v: number) => formatFen(v),
    },
  ];

  const yuanText = (fen: number) => formatFen(fen).replace('¥', '').replaceAll(',', '');
  const programmeName = programmes.data?.find((p) => p.code === programme)?.shortName ?? programme;
  const title = `${programmeName} ${year}`;

  return (
    <>
      <PageHeader title={t('nav.benefitDashboard')} />
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={24} sm={12} lg={5}>
          <Select
            style={{ width: '100%' }}
            value={programme || undefined}
            loading={programmes.loading}
            onChange={(v: string) => setFilter('programme', v)}
            options={(programmes.data ?? []).map((p) => ({ value: p.code, label: p.shortName }))}
            data-testid="dashboard-programme"
          />
        </Col>
        <Col xs={12} sm={6} lg={3}>
          <YearInput value={year} onChange={(v) => setFilter('year', v ? String(v) : '')} />
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <ScopeFilter value={jurisdiction} onChange={(v) => setFilter('jurisdiction', v)} />
        </Col>
      </Row>
      {result.error && <Alert type="error" showIcon message={result.error} style={{ marginBottom: 12 }} />}
      <Row gutter={[12, 12]} data-testid="benefit-dashboard" data-state={data ? 'ready' : 'loading'}>
        <Figure
          title={t('benefit.dashboard.covered')}
          value={data?.peopleCovered ?? 0}
          format={formatNumber}
          loading={result.loading && !data}
        />
        <Figure
          title={t('benefit.dashboard.peoplePaid')}
          value={data?.peoplePaid ?? 0}
          format={formatNumber}
          loading={result.loading && !data}
        />
        <Figure
          title={t('benefit.dashboard.paid')}
          value={data?.paidFen ?? 0}
          format={formatFen}
          loading={result.loading && !data}
          testId="dashboard-paid"
        />
        <Col xs={24} lg={12}>
          <Card size="small" title={t('benefit.dashboard.byArea', { area: areaLabel })}>
            <EChart
              option={areaOption}
              fileName={`${title} ${t('benefit.dashboard.byArea', { area: areaLabel })}`}
              height={300}
              data={{
                columns: [
                  areaLabel,
                  t('benefit.dashboard.covered'),
                  t('benefit.dashboard.peoplePaid'),
                  `${t('benefit.dashboard.paid')}（元）`,
                ],
                rows: (data?.areas ?? []).map((a) => [
                  areaName(a),
                  a.peopleCovered,
                  a.peoplePaid,
                  yuanText(a.paidFen),
                ]),
              }}
              data-testid="dashboard-area-chart"
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('benefit.dashboard.byMonth')}>
            <EChart
              option={monthOption}
              fileName={`${title} ${t('benefit.dashboard.byMonth')}`}
              height={300}
              data={{
                columns: [t('benefit.dashboard.month'), `${t('benefit.dashboard.paid')}（元）`],
                rows: (data?.months ?? []).map((m) => [m.month, yuanText(m.paidFen)]),
              }}
              data-testid="dashboard-month-chart"
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Table
            size="small"
            rowKey="code"
            columns={columns}
            dataSource={data?.areas ?? []}
            loading={result.loading}
            pagination={false}
            scroll={{ x: 640 }}
            data-testid="dashboard-table"
          />
        </Col>
      </Row>
    </>
  );
}
