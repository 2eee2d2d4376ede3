// A small bar chart of completeness by township: ECharts with only the bar, grid and tooltip parts
// (this chunk's own; features share nothing but src/components and src/lib).
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  ToolboxComponent,
  TooltipComponent,
  type GridComponentOption,
  type ToolboxComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([BarChart, GridComponent, TooltipComponent, ToolboxComponent, CanvasRenderer]);

type Option = ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption | ToolboxComponentOption
>;

export function CompletenessChart({ bars }: { bars: { name: string; rate: number | null }[] }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const chart = init(element, undefined, { renderer: 'canvas', locale: 'ZH' });
    const option: Option = {
      grid: { left: 48, right: 16, top: 32, bottom: 56 },
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${String(v)}%` },
      toolbox: { right: 0, feature: { saveAsImage: { title: '保存为图片', pixelRatio: 2 } } },
      xAxis: { type: 'category', data: bars.map((b) => b.name), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 28,
          // Neutral bars; a flag colour only for townships below 95 % (UI.md: colour for what needs action).
          data: bars.map((b) => ({
            value: b.rate === null ? null : Math.round(b.rate * 1000) / 10,
            itemStyle: { color: b.rate !== null && b.rate < 0.95 ? '#d46b08' : '#5b8ff9' },
          })),
        },
      ],
    };
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [bars]);
  return <div ref={container} style={{ width: '100%', height: 260 }} data-testid="completeness-chart" />;
}
