// The pyramid of a chosen scenario, year by year: a slider over the projected years and a play button
// that steps through them. The axis keeps one scale over all years, so the shape's change is what moves.
import { PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented, Slider } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { EChart } from '../../../components/EChart';
import { SCENARIOS, scenarioOf, type ProjectionResult, type ScenarioName } from './api';
import { projectedPyramidChart, pyramidScale, scenarioLabel } from './charts';

/** Long enough to read the year, short enough that 20 years play in a few seconds. */
const STEP_MS = 1200;

export interface PyramidPlayerProps {
  result: ProjectionResult;
  fileBase: string;
}

export function PyramidPlayer({ result, fileBase }: PyramidPlayerProps) {
  const { t } = useI18n();
  const [scenario, setScenario] = useState<ScenarioName>('medium');
  const years = useMemo(() => scenarioOf(result, scenario)?.years ?? [], [result, scenario]);
  const [index, setIndex] = useState(years.length - 1);
  const [playing, setPlaying] = useState(false);
  const last = years.length - 1;
  const shown = Math.min(Math.max(index, 0), last);

  useEffect(() => {
    if (!playing) return undefined;
    const timer = setInterval(() => setIndex((i) => Math.min(i + 1, last)), STEP_MS);
    return () => clearInterval(timer);
  }, [playing, last]);
  // Stops on the last year, which stays on screen.
  useEffect(() => {
    if (playing && shown >= last) setPlaying(false);
  }, [playing, shown, last]);

  const scale = useMemo(() => pyramidScale(result, scenario), [result, scenario]);
  const year = years[shown];
  const chart = useMemo(
    () =>
      year &&
      projectedPyramidChart(
        result,
        year,
        t,
        t('proj.chart.pyramid', { scenario: t(scenarioLabel(scenario)), year: year.year }),
        scale,
      ),
    [result, year, t, scenario, scale],
  );
  if (!year || !chart) return null;

  const play = () => {
    // From the start again when the last year is on screen.
    if (shown >= last) setIndex(0);
    setPlaying(true);
  };

  return (
    <Flex vertical gap={8} data-testid="proj-pyramid" data-scenario={scenario} data-year={year.year}>
      <Flex gap={12} wrap align="center">
        <Segmented<ScenarioName>
          value={scenario}
          options={SCENARIOS.map((name) => ({ value: name, label: t(scenarioLabel(name)) }))}
          onChange={setScenario}
          data-testid="proj-pyramid-scenario"
        />
        <Button
          icon={playing ? <PauseCircleOutlined /> : <PlayCircleOutlined />}
          onClick={playing ? () => setPlaying(false) : play}
          data-testid="proj-pyramid-play"
        >
          {t(playing ? 'proj.pause' : 'proj.play')}
        </Button>
      </Flex>
      {/* antd's Slider passes no data-testid on. */}
      <div className="proj-year-slider" data-testid="proj-pyramid-slider">
        <Slider
          min={0}
          max={last}
          step={null}
          value={shown}
          marks={Object.fromEntries(years.map((y, i) => [i, String(y.year)]))}
          tooltip={{ formatter: (i) => (i === undefined ? '' : String(years[i]?.year ?? '')) }}
          onChange={(i: number) => {
            setPlaying(false);
            setIndex(i);
          }}
        />
      </div>
      <EChart
        option={chart.option}
        data={chart.data}
        merge
        fileName={`${t('stats.chart.pyramid')}_${t(scenarioLabel(scenario))}_${year.year}_${fileBase}`}
        height={420}
        data-testid="chart-proj-pyramid"
      />
    </Flex>
  );
}
