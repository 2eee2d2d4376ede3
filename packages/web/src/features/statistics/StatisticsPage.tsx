// 统计分析: the indicators of a division and period at a glance (headline figures, pyramid, SRB by lower
// division, ASFR, birth order, ageing), its lower divisions in a sortable table with drill-down, and a
// comparison with a second period. One request per view: the lower divisions come with the division.
import { ReloadOutlined } from '@ant-design/icons';
import { parentCode } from '@renkou/core';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Result,
  Row,
  Segmented,
  Spin,
  Switch,
  Typography,
} from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { JurisdictionSelect } from '../../components/JurisdictionSelect';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { useI18n } from '../../lib/i18n';
import { fetchJurisdiction } from '../../lib/jurisdictions';
import { useRequest } from '../../lib/useRequest';
import { clearStatsCache, fetchStats, statsKey, type Basis, type StatsQuery } from './api';
import { ageingChart, asfrChart, birthOrderChart, pyramidChart, srbChart } from './charts';
import { ChildrenTable } from './ChildrenTable';
import { CompletenessCard } from './CompletenessCard';
import { EChart } from '../../components/EChart';
import { HeadlineCards } from './HeadlineCards';
import { TrendPanel } from './TrendPanel';
import { previousYear, wholeYear, type Period } from './period';
import { PeriodPicker } from './PeriodPicker';
import { useStatsParams } from './useStatsParams';
import './statistics.css';

export function StatisticsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { dataset, datasetError, params, update } = useStatsParams();

  const query: StatsQuery | undefined = params && {
    jurisdiction: params.jurisdiction,
    from: params.period.from,
    to: params.period.to,
    basis: params.basis,
    children: true,
  };
  const compareQuery: StatsQuery | undefined =
    params?.compare && query ? { ...query, ...params.compare, children: false } : undefined;
  const stats = useRequest(
    () => (query ? fetchStats(query) : Promise.reject(new Error('no query'))),
    query ? statsKey(query) : '',
    query !== undefined,
  );
  const compared = useRequest(
    () => (compareQuery ? fetchStats(compareQuery) : Promise.reject(new Error('no query'))),
    compareQuery ? statsKey(compareQuery) : '',
    compareQuery !== undefined,
  );
  const place = useRequest(
    (signal) => fetchJurisdiction(params?.jurisdiction ?? '', signal),
    params?.jurisdiction ?? '',
    params !== undefined,
  );

  // useRequest keeps the last answer while the next one loads: it stays on screen under the spinner.
  const result = stats.data;
  const current = result?.indicators;
  const comparison = params?.compare ? compared.data?.indicators : undefined;
  const answered = (
    data: { jurisdiction: string; from: string; to: string; basis: Basis } | undefined,
    q: StatsQuery | undefined,
  ) =>
    q === undefined ||
    (data !== undefined &&
      data.jurisdiction === q.jurisdiction &&
      data.from === q.from &&
      data.to === q.to &&
      data.basis === q.basis);
  const placeName =
    place.data && place.data.code === params?.jurisdiction ? place.data.name : params?.jurisdiction;
  const periodText = params ? t('stats.periodText', { from: params.period.from, to: params.period.to }) : '';
  const fileBase = `${placeName ?? ''}_${params?.period.from ?? ''}_${params?.period.to ?? ''}`;

  const charts = useMemo(() => {
    if (!current) return undefined;
    return {
      pyramid: pyramidChart(current, t, `${t('stats.chart.pyramid')} · ${params?.period.to ?? ''}`),
      srb: result?.children?.length ? srbChart(result.children, t, t('stats.chart.srb')) : undefined,
      asfr: asfrChart(current, t, t('stats.chart.asfr'), comparison),
      order: birthOrderChart(current, t, t('stats.chart.birthOrder'), comparison),
      ageing: ageingChart(current, t, t('stats.chart.ageing'), comparison),
    };
  }, [current, comparison, result?.children, t, params?.period.to]);

  if (datasetError) return <Result status="warning" title={datasetError} />;
  if (dataset === null) return <Empty description={t('stats.noDataset')} style={{ marginTop: 48 }} />;
  if (!params || !dataset) return <PageLoading />;

  const parent = parentCode(params.jurisdiction);
  const canGoUp =
    params.jurisdiction !== params.root && parent !== undefined && parent.startsWith(params.root);
  const open = (code: string) => update({ jurisdiction: code });
  const setCompare = (on: boolean) =>
    update({ compare: on ? (previousYear(params.period, dataset) ?? params.period) : undefined }, true);
  const loading =
    stats.loading ||
    !answered(result, query) ||
    (compareQuery !== undefined &&
      !compared.error &&
      (compared.loading || !answered(compared.data, compareQuery)));
  const state = stats.error ? 'error' : loading ? 'loading' : 'ready';

  return (
    <div
      className="stats-page"
      data-testid="stats-dashboard"
      data-state={state}
      data-jurisdiction={result?.jurisdiction ?? ''}
    >
      <PageHeader
        title={t('stats.title')}
        subTitle={
          <span data-testid="stats-subtitle">
            {(place.data?.path ?? [])
              .filter((p) => p.code !== params.jurisdiction)
              .map((p) => `${p.name} / `)
              .join('')}
            {placeName} · {periodText} · {t(`stats.basis.${params.basis}`)}
          </span>
        }
        extra={
          <>
            {canGoUp && (
              <Button onClick={() => open(parent)} data-testid="stats-up">
                {t('stats.up')}
              </Button>
            )}
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                clearStatsCache();
                stats.reload();
                compared.reload();
              }}
            >
              {t('stats.refresh')}
            </Button>
            <Button
              onClick={() =>
                void navigate(
                  `/statistics/report?j=${params.jurisdiction}&from=${params.period.from}&to=${params.period.to}&basis=${params.basis}`,
                )
              }
              data-testid="stats-open-report"
            >
              {t('stats.openReport')}
            </Button>
            <Button
              onClick={() => void navigate(`/statistics/projection?j=${params.jurisdiction}`)}
              data-testid="stats-open-projection"
            >
              {t('nav.statisticsProjection')}
            </Button>
          </>
        }
      />

      <Card size="small" className="stats-filters">
        <Flex gap={12} wrap align="center">
          <label className="stats-filter">
            <span className="stats-filter-label">{t('stats.jurisdiction')}</span>
            <div className="stats-filter-jurisdiction">
              <JurisdictionSelect
                value={params.jurisdiction}
                onChange={(code) => code && code !== params.jurisdiction && open(code)}
                data-testid="stats-jurisdiction"
              />
            </div>
          </label>
          <div className="stats-filter">
            <span className="stats-filter-label">{t('stats.period')}</span>
            <PeriodPicker
              value={params.period}
              dataset={dataset}
              onChange={(period: Period) => update({ period })}
              data-testid="stats-period"
            />
          </div>
          <Segmented<Basis>
            value={params.basis}
            options={[
              { value: 'residence', label: t('stats.basis.residence') },
              { value: 'hukou', label: t('stats.basis.hukou') },
            ]}
            onChange={(basis) => update({ basis })}
            data-testid="stats-basis"
          />
          <div className="stats-filter">
            <Switch
              checked={params.compare !== undefined}
              onChange={setCompare}
              data-testid="stats-compare-switch"
            />
            <span className="stats-filter-label">{t('stats.compare')}</span>
            {params.compare && (
              <PeriodPicker
                value={params.compare}
                dataset={dataset}
                onChange={(compare: Period) => update({ compare }, true)}
                data-testid="stats-compare-period"
              />
            )}
          </div>
        </Flex>
      </Card>

      {stats.error && (
        <Alert
          type="error"
          showIcon
          message={stats.error}
          action={
            <Button size="small" onClick={stats.reload}>
              {t('common.retry')}
            </Button>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {compared.error && params.compare && (
        <Alert type="warning" showIcon message={compared.error} style={{ marginBottom: 12 }} />
      )}

      <Spin spinning={loading && !stats.error} tip={t('stats.computing')} size="large">
        {!current || !charts ? (
          <div style={{ minHeight: 240 }} />
        ) : (
          <Flex vertical gap={12}>
            <HeadlineCards
              indicators={current}
              compare={comparison}
              yearly={wholeYear(params.period) !== undefined}
            />
            <TrendPanel
              jurisdiction={params.jurisdiction}
              basis={params.basis}
              dataset={dataset}
              placeName={placeName ?? ''}
            />
            <Row gutter={[12, 12]}>
              <Col xs={24} xl={12}>
                <Card size="small">
                  <EChart
                    option={charts.pyramid.option}
                    data={charts.pyramid.data}
                    fileName={`${t('stats.chart.pyramid')}_${fileBase}`}
                    height={380}
                    data-testid="chart-pyramid"
                  />
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card size="small">
                  {charts.srb ? (
                    <EChart
                      option={charts.srb.option}
                      data={charts.srb.data}
                      fileName={`${t('ind.srb')}_${fileBase}`}
                      height={Math.max(380, 80 + (result?.children?.length ?? 0) * 24)}
                      data-testid="chart-srb"
                    />
                  ) : (
                    <Empty description={t('stats.noChildren')} style={{ paddingBlock: 96 }} />
                  )}
                </Card>
              </Col>
              <Col xs={24}>
                <Card size="small">
                  <EChart
                    option={charts.asfr.option}
                    data={charts.asfr.data}
                    fileName={`${t('stats.chart.asfr')}_${fileBase}`}
                    data-testid="chart-asfr"
                  />
                </Card>
              </Col>
              <Col xs={24} md={12}>
                <Card size="small">
                  <EChart
                    option={charts.order.option}
                    data={charts.order.data}
                    fileName={`${t('stats.chart.birthOrder')}_${fileBase}`}
                    data-testid="chart-birth-order"
                  />
                </Card>
              </Col>
              <Col xs={24} md={12}>
                <Card size="small">
                  <EChart
                    option={charts.ageing.option}
                    data={charts.ageing.data}
                    fileName={`${t('stats.chart.ageing')}_${fileBase}`}
                    data-testid="chart-ageing"
                  />
                </Card>
              </Col>
              <Col xs={24}>
                {/* The year of the period's end: completeness is counted by calendar year. */}
                <CompletenessCard
                  jurisdiction={params.jurisdiction}
                  year={params.period.to.slice(0, 4)}
                  placeName={placeName ?? ''}
                />
              </Col>
            </Row>
            {(result?.children?.length ?? 0) > 0 && (
              <ChildrenTable
                items={result?.children ?? []}
                yearly={wholeYear(params.period) !== undefined}
                onOpen={(child) => open(child.jurisdiction)}
                fileName={`${t('stats.children')}_${fileBase}`}
              />
            )}
            <Typography.Text type="secondary" className="stats-hint">
              {t(`stats.basis.${params.basis}`)} · {periodText}
            </Typography.Text>
          </Flex>
        )}
      </Spin>
    </div>
  );
}
