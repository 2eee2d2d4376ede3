// The lower divisions side by side, sortable by every main indicator; a click opens that division.
import { Button, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { useIsMobile } from '../../lib/responsive';
import type { ChildStats } from './api';
import { downloadWorkbook, type CellValue } from '../../lib/excel';
import { NUMERIC, compareValues, excelFormat, formatValue, label, type NumericName } from './indicators';

export const TABLE_COLUMNS: NumericName[] = [
  'population_end',
  'births',
  'births_male',
  'births_female',
  'deaths',
  'cbr',
  'cdr',
  'natural_growth_rate',
  'srb',
  'tfr',
  'mean_age_childbearing',
  'share_65_plus',
  'ageing_index',
  'dependency_total',
  'migrant_share',
  'moves_in',
  'moves_out',
];

export interface ChildrenTableProps {
  items: ChildStats[];
  onOpen: (child: ChildStats) => void;
  /** The period is a whole year: 年末人口 rather than 期末人口. */
  yearly: boolean;
  /** Title and file name of the Excel download. */
  fileName: string;
}

export function ChildrenTable({ items, onOpen, fileName, yearly }: ChildrenTableProps) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const [exporting, setExporting] = useState(false);
  const heading = (name: NumericName) => {
    const kind = NUMERIC[name];
    const unit = kind === 'permille' ? '（‰）' : kind === 'percent' ? '（%）' : '';
    if (name === 'population_end' && yearly) return t('ind.population_year_end');
    if (name === 'births_male') return `${t('ind.births')}·${t('ind.births_male')}`;
    if (name === 'births_female') return `${t('ind.births')}·${t('ind.births_female')}`;
    return `${t(label(name))}${unit}`;
  };

  const columns: ColumnsType<ChildStats> = [
    {
      title: t('ind.jurisdiction'),
      dataIndex: 'name',
      fixed: 'left',
      width: mobile ? 96 : 140,
      sorter: (a, b) => a.jurisdiction.localeCompare(b.jurisdiction),
      render: (name: string, c) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
          onClick={(event) => {
            event.stopPropagation();
            onOpen(c);
          }}
          data-testid="stats-child-link"
          data-code={c.jurisdiction}
        >
          {name}
        </Button>
      ),
    },
    ...TABLE_COLUMNS.map((name): ColumnsType<ChildStats>[number] => ({
      key: name,
      title: heading(name),
      align: 'right',
      width: name === 'srb' ? 130 : 96,
      sorter: (a, b, order) => compareValues(a.indicators[name], b.indicators[name], order),
      sortDirections: ['descend', 'ascend'],
      render: (_v, c) => {
        const text = formatValue(name, c.indicators[name], false);
        const status = c.indicators.srb_status;
        if (name !== 'srb' || (status !== 'high' && status !== 'low')) return text;
        return (
          <>
            {text}{' '}
            <Tag color="volcano" style={{ marginInlineEnd: 0 }} data-testid="stats-srb-flag">
              {t(`stats.srb.${status}`)}
            </Tag>
          </>
        );
      },
    })),
  ];

  const exportExcel = async () => {
    setExporting(true);
    try {
      const rows: CellValue[][] = items.map((c) => [
        c.name,
        c.jurisdiction,
        ...TABLE_COLUMNS.map((name) => c.indicators[name]),
        c.indicators.srb_status ? t(`stats.srb.${c.indicators.srb_status}`) : null,
      ]);
      await downloadWorkbook(fileName, [
        {
          name: t('stats.children'),
          title: fileName,
          header: [
            [t('ind.jurisdiction'), t('ind.code'), ...TABLE_COLUMNS.map(heading), t('ind.srb_status')],
          ],
          rows,
          formats: [undefined, undefined, ...TABLE_COLUMNS.map(excelFormat)],
          widths: [16, 14],
        },
      ]);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Table<ChildStats>
      rowKey="jurisdiction"
      size="small"
      columns={columns}
      dataSource={items}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={(c) => ({ onClick: () => onOpen(c), className: 'clickable-row' })}
      locale={{ emptyText: t('stats.noChildren') }}
      data-testid="stats-children-table"
      title={() => (
        <div className="stats-table-title">
          <span>
            {t('stats.children')} <span className="stats-hint">{t('stats.drillHint')}</span>
          </span>
          <Button
            size="small"
            loading={exporting}
            disabled={items.length === 0}
            onClick={() => void exportExcel()}
            data-testid="stats-children-excel"
          >
            {t('stats.exportExcel')}
          </Button>
        </div>
      )}
    />
  );
}
