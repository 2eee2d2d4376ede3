// A small React wrapper around one ECharts instance: it follows the container's size, and its toolbox
// saves the chart as PNG and the data behind it as Excel (UI.md: both for every chart). Only lazily
// loaded pages import it, so ECharts stays out of the main bundle.
import { useEffect, useRef } from 'react';
import { useI18n } from '../lib/i18n';
import { useIsMobile } from '../lib/responsive';
import { init, type ChartOption, type EChartsType } from '../lib/echarts';
import { downloadWorkbook, type CellValue } from '../lib/excel';

export interface ChartData {
  columns: string[];
  rows: CellValue[][];
}

export interface EChartProps {
  option: ChartOption;
  /** File name of the PNG and the workbook, without extension. */
  fileName: string;
  data?: ChartData;
  height?: number;
  /** Update the drawn chart instead of redrawing it: bars move to their new lengths (a pyramid's years). */
  merge?: boolean;
  'data-testid'?: string;
}

/** Room for the title: the chart's width less the toolbox's. */
const titleWidth = (element: HTMLElement) => Math.max(120, element.clientWidth - 90);

// A table with an arrow: ECharts strokes toolbox icons.
const excelIcon = 'path://M3 3h18v18H3zM3 9h18M3 15h9M9 9v12M17 11v8M14 16l3 3 3-3';

export function EChart({ option, fileName, data, height = 320, merge = false, ...rest }: EChartProps) {
  const { t, lang } = useI18n();
  const mobile = useIsMobile();
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | undefined>(undefined);
  const hasTitle = option.title !== undefined && !Array.isArray(option.title);
  const latest = useRef({ data, fileName, hasTitle });
  latest.current = { data, fileName, hasTitle };

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const instance = init(element, undefined, { renderer: 'canvas', locale: lang === 'zh' ? 'ZH' : 'EN' });
    chart.current = instance;
    const observer = new ResizeObserver(() => {
      instance.resize();
      // Long titles are cut short of the toolbox, whatever the width.
      if (latest.current.hasTitle)
        instance.setOption({ title: { textStyle: { width: titleWidth(element) } } });
    });
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
      if (!current) return;
      void downloadWorkbook(name, [{ name, title: name, header: [current.columns], rows: current.rows }]);
    };
    const element = container.current;
    const title =
      option.title && !Array.isArray(option.title) && element
        ? { ...option.title, textStyle: { ...option.title.textStyle, width: titleWidth(element) } }
        : option.title;
    chart.current?.setOption(
      {
        animationDuration: 300,
        ...option,
        title,
        toolbox: {
          right: 0,
          top: 0,
          itemSize: mobile ? 20 : 15,
          itemGap: mobile ? 16 : 10,
          feature: {
            saveAsImage: {
              title: t('stats.saveImage'),
              name: fileName,
              pixelRatio: 2,
              backgroundColor: '#fff',
            },
            ...(data
              ? {
                  myExcel: { show: true, title: t('stats.exportData'), icon: excelIcon, onclick: exportData },
                }
              : {}),
          },
        },
      },
      { notMerge: !merge },
    );
  }, [option, fileName, data, lang, mobile, t, merge]);

  return (
    <div
      ref={container}
      className="echart"
      style={{ width: '100%', height }}
      data-testid={rest['data-testid']}
    />
  );
}
