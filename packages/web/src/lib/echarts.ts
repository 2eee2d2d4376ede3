// ECharts with only the parts the dashboards draw (bars, lines, error bars, the toolbox for PNG), so the
// chart chunk stays small. Imported only by lazily loaded pages (statistics, projection, the benefits
// dashboard), never by the main bundle.
import { BarChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import type {
  BarSeriesOption,
  CustomSeriesOption,
  LineSeriesOption,
  ScatterSeriesOption,
} from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  ToolboxComponent,
  TooltipComponent,
} from 'echarts/components';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkAreaComponentOption,
  MarkLineComponentOption,
  TitleComponentOption,
  ToolboxComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([
  BarChart,
  CustomChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  ToolboxComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | CustomSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
  | MarkLineComponentOption
  | TitleComponentOption
  | ToolboxComponentOption
  | TooltipComponentOption
>;

export { init, type EChartsType };

/** Neutral colours; the flag colour only for what needs action (UI.md). */
export const palette = {
  male: '#5b8ff9',
  female: '#f08bb4',
  neutral: '#5b7083',
  compare: '#b8c2cc',
  band: 'rgba(82, 196, 26, 0.08)',
  flag: '#d4380d',
  text: '#595959',
  series: ['#5b8ff9', '#61ddaa', '#f6bd16', '#7262fd', '#78d3f8'],
};
