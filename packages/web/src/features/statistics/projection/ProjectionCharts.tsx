// The scenarios side by side over the projected years: total population, births per year, the school
// ages (幼儿园 3–5, 小学 6–11, 初中 12–14) and the elderly (65+, 80+), one chart each.
import { Card, Col, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../../lib/i18n';
import type { Chart } from '../charts';
import { EChart } from '../../../components/EChart';
import type { ProjectionResult } from './api';
import { sameInAllScenarios, scenarioLinesChart } from './charts';
import { FIGURES, type FigureKey } from './table';

const SCHOOL: FigureKey[] = ['age3to5', 'age6to11', 'age12to14'];
const ELDERLY: FigureKey[] = ['age65plus', 'age80plus'];

function ChartCard({ chart, fileName, testId }: { chart: Chart; fileName: string; testId: string }) {
  return (
    <Card size="small">
      <EChart option={chart.option} data={chart.data} fileName={fileName} height={300} data-testid={testId} />
    </Card>
  );
}

export function ProjectionCharts({ result, fileBase }: { result: ProjectionResult; fileBase: string }) {
  const { t } = useI18n();
  const charts = useMemo(() => {
    const figure = (key: FigureKey) => {
      const found = FIGURES.find((f) => f.key === key);
      if (!found) throw new Error(`no figure ${key}`);
      return {
        key,
        heading: t(found.label),
        chart: scenarioLinesChart(result, found.value, t, {
          heading: t(found.label),
          // Otherwise one line hides the other two and the reader looks for them.
          subtext: sameInAllScenarios(result, found.value) ? t('proj.sameInScenarios') : undefined,
        }),
      };
    };
    return {
      total: scenarioLinesChart(result, (y) => y.total, t, { heading: t('proj.chart.total') }),
      births: scenarioLinesChart(result, (y) => y.birthsPerYear, t, {
        heading: t('proj.chart.births'),
        subtext: t('proj.chart.birthsNote'),
        skipBase: true,
        type: 'bar',
      }),
      school: SCHOOL.map(figure),
      elderly: ELDERLY.map(figure),
    };
  }, [result, t]);

  const file = (heading: string) => `${heading}_${fileBase}`;
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={12}>
        <ChartCard chart={charts.total} fileName={file(t('proj.chart.total'))} testId="chart-proj-total" />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard chart={charts.births} fileName={file(t('proj.chart.births'))} testId="chart-proj-births" />
      </Col>
      <Col xs={24}>
        <Typography.Text strong>{t('proj.schoolAge')}</Typography.Text>
      </Col>
      {charts.school.map(({ key, heading, chart }) => (
        <Col key={key} xs={24} md={12} xl={8}>
          <ChartCard chart={chart} fileName={file(heading)} testId={`chart-proj-${key}`} />
        </Col>
      ))}
      <Col xs={24}>
        <Typography.Text strong>{t('proj.elderly')}</Typography.Text>
      </Col>
      {charts.elderly.map(({ key, heading, chart }) => (
        <Col key={key} xs={24} md={12}>
          <ChartCard chart={chart} fileName={file(heading)} testId={`chart-proj-${key}`} />
        </Col>
      ))}
    </Row>
  );
}
