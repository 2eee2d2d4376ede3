// One ECharts instance that follows its container's size; its toolbox saves the chart as PNG and the
// data behind it as Excel (UI.md: both for every chart).
import { useEffect, useRef } from 'react';
import { useI18n } from '../../lib/i18n';
import { init, type ChartOption, type EChartsType } from './echarts';
import { downloadSheet } from './excel';

export interface BenefitChartProps {
  option: ChartOption;
  fileName: string;
  /** The data behind the chart, for the Excel download. */
  data: { header: string[]; rows: (string | number)[][] };
  height?: number;
  'data-testid'?: string;
}

// A table with an arrow: ECharts strokes toolbox icons.
const excelIcon = 'path://M3 3h18v18H3zM3 9h18M3 15h9M9 9v12M17 11v8M14 16l3 3 3-3';

export function BenefitChart({ option, fileName, data, height = 300, ...rest }: BenefitChartProps) {
  const { t, lang } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | undefined>(undefined);
  const latest = useRef({ data, fileName });
  latest.current = { data, fileName };

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const instance = init(element, undefined, { renderer: 'canvas', locale: lang === 'zh' ? 'ZH' : 'EN' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, [lang]);

  useEffect(() => {
    const exportData = () => {
      const { data: current, fileName: name } = latest.current;
      void downloadSheet(name, { name, title: name, header: current.header, rows: current.rows });
    };
    chart.current?.setOption(
      {
        animationDuration: 300,
        ...option,
        toolbox: {
          right: 0,
          top: 0,
          feature: {
            saveAsImage: {
              name: fileName,
              title: t('benefit.dashboard.savePng'),
              pixelRatio: 2,
              backgroundColor: '#fff',
            },
            myExcel: { show: true, title: t('benefit.exportExcel'), icon: excelIcon, onclick: exportData },
          },
        },
      },
      { notMerge: true },
    );
  }, [option, fileName, t, lang]);

  return <div ref={container} style={{ width: '100%', height }} data-testid={rest['data-testid']} />;
}
