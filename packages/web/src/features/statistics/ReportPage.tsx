// 统计报表: the yearly population-and-family statistics table of a division, one row per lower division
// and a total row, printable on A4 (landscape) and downloadable as an Excel workbook. Counts in the total
// row are the sum of the rows; its rates are the division's own (the same persons, so the same figures
// when the lower divisions cover it, which the page checks).
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Result, Segmented, Spin } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { JurisdictionSelect } from '../../components/JurisdictionSelect';
import { PageLoading } from '../../components/PageLoading';
import { formatDocumentDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { fetchJurisdiction } from '../../lib/jurisdictions';
import { useCurrentSession } from '../../lib/session';
import { useRequest } from '../../lib/useRequest';
import { fetchStats, statsKey, type Basis, type StatsQuery } from './api';
import {
  columnLetter,
  downloadWorkbook,
  firstDataRow,
  type CellValue,
  type SheetSpec,
} from '../../lib/excel';
import { birthsByOrder, excelFormat, formatValue } from './indicators';
import { wholeYear, type Period } from './period';
import { reportRows, type ReportColumn } from './report';
import { PeriodPicker } from './PeriodPicker';
import { useStatsParams } from './useStatsParams';
import './statistics.css';

function useColumns(yearly: boolean): ReportColumn[] {
  const { t, lang } = useI18n();
  const unit = (text: string, u: string) => (lang === 'zh' ? `${text}（${u}）` : `${text} (${u})`);
  return [
    {
      key: 'population_end',
      label: t(yearly ? 'ind.population_year_end' : 'ind.population_end'),
      sum: true,
      value: (i) => i.population_end,
      format: 'population_end',
    },
    {
      key: 'births',
      group: 'births',
      label: t('report.total'),
      sum: true,
      value: (i) => i.births,
      format: 'births',
    },
    {
      key: 'births_male',
      group: 'births',
      label: t('ind.births_male'),
      sum: true,
      value: (i) => i.births_male,
      format: 'births',
    },
    {
      key: 'births_female',
      group: 'births',
      label: t('ind.births_female'),
      sum: true,
      value: (i) => i.births_female,
      format: 'births',
    },
    {
      key: 'order_1',
      group: 'order',
      label: t('stats.order.1'),
      sum: true,
      value: (i) => birthsByOrder(i).first,
      format: 'births',
    },
    {
      key: 'order_2',
      group: 'order',
      label: t('stats.order.2'),
      sum: true,
      value: (i) => birthsByOrder(i).second,
      format: 'births',
    },
    {
      key: 'order_3',
      group: 'order',
      label: t('stats.order.3+'),
      sum: true,
      value: (i) => birthsByOrder(i).thirdPlus,
      format: 'births',
    },
    { key: 'deaths', label: t('ind.deaths'), sum: true, value: (i) => i.deaths, format: 'deaths' },
    { key: 'cbr', label: unit(t('ind.cbr'), '‰'), sum: false, value: (i) => i.cbr, format: 'cbr' },
    { key: 'cdr', label: unit(t('ind.cdr'), '‰'), sum: false, value: (i) => i.cdr, format: 'cdr' },
    {
      key: 'natural_growth_rate',
      label: unit(t('ind.natural_growth_rate'), '‰'),
      sum: false,
      value: (i) => i.natural_growth_rate,
      format: 'natural_growth_rate',
    },
    { key: 'srb', label: t('ind.srb'), sum: false, value: (i) => i.srb, format: 'srb' },
    { key: 'tfr', label: t('ind.tfr'), sum: false, value: (i) => i.tfr, format: 'tfr' },
    {
      key: 'migrant_share',
      label: unit(t('ind.migrant_share'), '%'),
      sum: false,
      value: (i) => i.migrant_share,
      format: 'migrant_share',
    },
    {
      key: 'share_65_plus',
      label: unit(t('ind.share_65_plus'), '%'),
      sum: false,
      value: (i) => i.share_65_plus,
      format: 'share_65_plus',
    },
  ];
}

export function ReportPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const session = useCurrentSession();
  const { dataset, datasetError, params, update } = useStatsParams();
  const [exporting, setExporting] = useState(false);
  const query: StatsQuery | undefined = params && {
    jurisdiction: params.jurisdiction,
    from: params.period.from,
    to: params.period.to,
    basis: params.basis,
    children: true,
  };
  const stats = useRequest(
    () => (query ? fetchStats(query) : Promise.reject(new Error('no query'))),
    query ? statsKey(query) : '',
    query !== undefined,
  );
  const place = useRequest(
    (signal) => fetchJurisdiction(params?.jurisdiction ?? '', signal),
    params?.jurisdiction ?? '',
    params !== undefined,
  );
  const yearly = params ? wholeYear(params.period) !== undefined : true;
  const columns = useColumns(yearly);

  if (datasetError) return <Result status="warning" title={datasetError} />;
  if (dataset === null) return <Empty description={t('stats.noDataset')} style={{ marginTop: 48 }} />;
  if (!params || !dataset) return <PageLoading />;

  const result =
    stats.data &&
    stats.data.jurisdiction === params.jurisdiction &&
    stats.data.from === params.period.from &&
    stats.data.to === params.period.to &&
    stats.data.basis === params.basis
      ? stats.data
      : undefined;
  const name = place.data && place.data.code === params.jurisdiction ? place.data.name : params.jurisdiction;
  const year = wholeYear(params.period);
  const periodLabel =
    year !== undefined
      ? t('report.year', { year })
      : lang === 'zh'
        ? `${formatDocumentDate(params.period.from)}至${formatDocumentDate(params.period.to)}`
        : `${params.period.from} – ${params.period.to}`;
  const title = t('report.title', { name, period: periodLabel });
  const basisText = t(`stats.basis.${params.basis}`);
  const docDate = (d: string) => (lang === 'zh' ? formatDocumentDate(d) : d);
  const subtitle = [
    t('report.unit', { unit: session.user.scopeName ?? name }),
    t('report.periodLine', {
      from: docDate(params.period.from),
      to: docDate(params.period.to),
      basis: basisText,
    }),
    t('report.date', { date: docDate(new Date().toISOString().slice(0, 10)) }),
  ];
  const table = result ? reportRows(columns, result.children ?? [], result.indicators) : undefined;
  // Counts of the division itself that its lower divisions do not add up to (records placed above them).
  const mismatches =
    table && result && (result.children?.length ?? 0) > 0
      ? columns
          .map((col, i) => ({ col, own: col.value(result.indicators), sum: table.total[i] }))
          .filter(({ col, own, sum }) => col.sum && own !== sum)
      : [];

  const exportExcel = async () => {
    if (!table) return;
    setExporting(true);
    try {
      const header1 = [t('ind.jurisdiction'), t('ind.code')];
      const header2 = ['', ''];
      const merges: SheetSpec['headerMerges'] = [
        [0, 0, 1, 0],
        [0, 1, 1, 1],
      ];
      columns.forEach((col, i) => {
        const c = i + 2;
        const first = col.group !== undefined && columns[i - 1]?.group !== col.group;
        if (col.group) {
          header1.push(first ? groupLabel(col.group) : '');
          header2.push(col.label);
          if (first) {
            const span = columns.filter((x) => x.group === col.group).length;
            merges.push([0, c, 0, c + span - 1]);
          }
        } else {
          header1.push(col.label);
          header2.push('');
          merges.push([0, c, 1, c]);
        }
      });
      const spec: Omit<SheetSpec, 'rows'> = {
        name: t('report.sheetName'),
        title,
        subtitle,
        header: [header1, header2],
        headerMerges: merges,
        footer: [t('report.notes'), t('report.signatures')],
        widths: [18, 14],
        formats: [undefined, undefined, ...columns.map((col) => excelFormat(col.format))],
      };
      const first = firstDataRow(spec);
      const last = first + table.rows.length - 1;
      const rows: CellValue[][] = table.rows.map((row) => [row.name, row.code, ...row.values]);
      rows.push([
        t('report.total'),
        params.jurisdiction,
        ...columns.map((col, i): CellValue => {
          const value = table.total[i] ?? null;
          if (!col.sum || value === null || table.rows.length === 0) return value;
          const letter = columnLetter(i + 2);
          return { formula: `SUM(${letter}${first}:${letter}${last})`, result: value };
        }),
      ]);
      await downloadWorkbook(title, [{ ...spec, rows, boldRows: [rows.length - 1] }]);
    } finally {
      setExporting(false);
    }
  };

  function groupLabel(group: 'births' | 'order'): string {
    return group === 'births' ? t('report.birthsGroup') : t('report.orderGroup');
  }
  const cell = (col: ReportColumn, value: number | null) => formatValue(col.format, value, false);
  const groupSpan = (group: 'births' | 'order') => columns.filter((c) => c.group === group).length;

  return (
    <div className="stats-report-page" data-testid="stats-report" data-state={result ? 'ready' : 'loading'}>
      <Card size="small" className="stats-filters no-print">
        <Flex gap={12} wrap align="center">
          <div className="stats-filter-jurisdiction">
            <JurisdictionSelect
              value={params.jurisdiction}
              onChange={(code) => code && update({ jurisdiction: code })}
            />
          </div>
          <PeriodPicker
            value={params.period}
            dataset={dataset}
            onChange={(period: Period) => update({ period })}
          />
          <Segmented<Basis>
            value={params.basis}
            options={[
              { value: 'residence', label: t('stats.basis.residence') },
              { value: 'hukou', label: t('stats.basis.hukou') },
            ]}
            onChange={(basis) => update({ basis })}
          />
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!table}>
            {t('report.print')}
          </Button>
          <Button
            loading={exporting}
            disabled={!table}
            onClick={() => void exportExcel()}
            data-testid="stats-report-excel"
          >
            {t('stats.exportExcel')}
          </Button>
          <Button
            onClick={() =>
              void navigate(
                `/statistics?j=${params.jurisdiction}&from=${params.period.from}&to=${params.period.to}&basis=${params.basis}`,
              )
            }
          >
            {t('report.back')}
          </Button>
        </Flex>
      </Card>
      {stats.error && <Alert type="error" showIcon message={stats.error} className="no-print" />}
      <Spin spinning={!result && !stats.error} tip={t('stats.computing')} size="large">
        <article className="report-doc">
          <h1 className="report-title">{title}</h1>
          <div className="report-meta">
            {subtitle.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </div>
          <div className="report-table-wrap">
            <table className="report-table" data-testid="stats-report-table">
              <thead>
                <tr>
                  <th rowSpan={2}>{t('ind.jurisdiction')}</th>
                  <th rowSpan={2}>{t('ind.code')}</th>
                  {columns.map((col, i) => {
                    if (!col.group)
                      return (
                        <th key={col.key} rowSpan={2}>
                          {col.label}
                        </th>
                      );
                    if (columns[i - 1]?.group === col.group) return null;
                    return (
                      <th key={col.group} colSpan={groupSpan(col.group)}>
                        {groupLabel(col.group)}
                      </th>
                    );
                  })}
                </tr>
                <tr>
                  {columns
                    .filter((col) => col.group)
                    .map((col) => (
                      <th key={col.key}>{col.label}</th>
                    ))}
                </tr>
              </thead>
              <tbody>
                {table?.rows.map((row) => (
                  <tr key={row.code} data-testid="stats-report-row" data-code={row.code}>
                    <td className="report-name">{row.name}</td>
                    <td className="report-code">{row.code}</td>
                    {columns.map((col, i) => (
                      <td key={col.key} data-key={col.key} data-value={row.values[i] ?? ''}>
                        {cell(col, row.values[i] ?? null)}
                      </td>
                    ))}
                  </tr>
                ))}
                {table && (
                  <tr className="report-total" data-testid="stats-report-total">
                    <td className="report-name">{t('report.total')}</td>
                    <td className="report-code">{params.jurisdiction}</td>
                    {columns.map((col, i) => (
                      <td key={col.key} data-key={col.key} data-value={table.total[i] ?? ''}>
                        {cell(col, table.total[i] ?? null)}
                      </td>
                    ))}
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          {mismatches.map(({ col, own, sum }) => (
            <Alert
              key={col.key}
              type="warning"
              showIcon
              className="no-print"
              style={{ marginTop: 8 }}
              message={t('report.mismatch', {
                field: col.group ? `${groupLabel(col.group)}·${col.label}` : col.label,
                own: own ?? '—',
                sum: sum ?? '—',
              })}
            />
          ))}
          <p className="report-notes">{t('report.notes')}</p>
          <p className="report-signatures">{t('report.signatures')}</p>
        </article>
      </Spin>
    </div>
  );
}
