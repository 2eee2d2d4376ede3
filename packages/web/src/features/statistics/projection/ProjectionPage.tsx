// 人口预测: the cohort-component projection of a division (GET /api/stats/projection) with low, medium
// and high fertility. The form asks; while the server computes the page says so and counts the seconds;
// then the observed levels, each scenario's end figure, charts by year, the pyramid year by year and the
// table, every chart downloadable as PNG and Excel. The server's Chinese reason is shown when it cannot
// project (too few deaths for a life table, a date outside the register).
import { BarChartOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Result, Spin, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useI18n } from '../../../lib/i18n';
import { fetchJurisdiction } from '../../../lib/jurisdictions';
import { useRequest } from '../../../lib/useRequest';
import { fetchProjection, projectionKey, type ProjectionResult } from './api';
import { ObservedCards } from './ObservedCards';
import { ProjectionCharts } from './ProjectionCharts';
import { ProjectionForm } from './ProjectionForm';
import { ProjectionTable } from './ProjectionTable';
import { PyramidPlayer } from './PyramidPlayer';
import { ScenarioCards } from './ScenarioCards';
import { useElapsedSeconds } from './useElapsedSeconds';
import { useProjectionParams } from './useProjectionParams';
import '../statistics.css';
import './projection.css';

export function ProjectionPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { dataset, datasetError, root, form, query, run, clear } = useProjectionParams();
  const key = query ? projectionKey(query) : '';
  // The answer carries its query's key: a slower earlier answer is never shown for a later query.
  const answer = useRequest(
    () =>
      query
        ? fetchProjection(query).then((result) => ({ key, result }))
        : Promise.reject(new Error('no query')),
    key,
    query !== undefined,
  );
  const place = useRequest(
    (signal) => fetchJurisdiction(query?.jurisdiction ?? '', signal),
    query?.jurisdiction ?? '',
    query !== undefined,
  );
  const result: ProjectionResult | undefined = answer.data?.key === key ? answer.data.result : undefined;
  const failed = query !== undefined && answer.error !== undefined && !answer.loading;
  const running = query !== undefined && !failed && result === undefined;
  const elapsed = useElapsedSeconds(running);

  if (datasetError) return <Result status="warning" title={datasetError} />;
  if (dataset === null) return <Empty description={t('proj.noDataset')} style={{ marginTop: 48 }} />;
  if (!dataset || !form || root === undefined) return <PageLoading />;

  const placeName =
    place.data && place.data.code === query?.jurisdiction ? place.data.name : (query?.jurisdiction ?? '');
  const placePath = (place.data?.path ?? [])
    .filter((p) => p.code !== query?.jurisdiction)
    .map((p) => `${p.name} / `)
    .join('');
  const fileBase = `${placeName}_${query?.base ?? ''}`;
  const state = query === undefined ? 'idle' : failed ? 'error' : running ? 'loading' : 'ready';

  return (
    <div
      className="stats-page"
      data-testid="proj-page"
      data-state={state}
      data-key={result && state === 'ready' ? key : ''}
    >
      <PageHeader
        title={t('proj.title')}
        subTitle={
          <span data-testid="proj-subtitle">
            {query ? `${placePath}${placeName} · ${t('proj.base')} ${query.base}` : t('proj.subtitle')}
          </span>
        }
        extra={
          <Button
            icon={<BarChartOutlined />}
            onClick={() => void navigate(`/statistics?j=${query?.jurisdiction ?? form.jurisdiction}`)}
          >
            {t('proj.openDashboard')}
          </Button>
        }
      />

      <Flex vertical gap={12}>
        <ProjectionForm
          initial={form}
          shown={query}
          root={root}
          dataset={dataset}
          running={running}
          onRun={run}
        />

        {state === 'idle' && <Empty description={t('proj.empty')} style={{ paddingBlock: 48 }} />}

        {failed && (
          <Alert
            type="error"
            showIcon
            message={t('proj.failed')}
            description={<span data-testid="proj-error">{answer.error}</span>}
            action={
              <Button size="small" onClick={answer.reload}>
                {t('common.retry')}
              </Button>
            }
          />
        )}

        {running && (
          <Card size="small" data-testid="proj-computing">
            <div className="proj-computing">
              <Spin size="large" />
              <Typography.Text>{t('proj.computing')}</Typography.Text>
              <Typography.Text type="secondary">{t('proj.elapsed', { s: elapsed })}</Typography.Text>
              <Button onClick={clear} data-testid="proj-cancel">
                {t('proj.cancel')}
              </Button>
            </div>
          </Card>
        )}

        {result && query && (
          <>
            <ObservedCards result={result} />
            <ScenarioCards result={result} />
            <ProjectionCharts result={result} fileBase={fileBase} />
            <Card size="small">
              <PyramidPlayer key={key} result={result} fileBase={fileBase} />
            </Card>
            <ProjectionTable
              result={result}
              place={placeName}
              migration={query.migration}
              fileName={`${t('proj.title')}_${fileBase}`}
            />
          </>
        )}
      </Flex>
    </div>
  );
}
