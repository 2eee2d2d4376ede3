// The projection by year in figures: the base year once, then each projected year with a row per
// scenario; downloadable as Excel with exactly these rows.
import { Button, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type HTMLAttributes } from 'react';
import { formatNumber } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/responsive';
import { downloadWorkbook } from '../../../lib/excel';
import type { ProjectionResult } from './api';
import { persons, scenarioColour } from './charts';
import { FIGURES, projectionRows, projectionSheet, scenarioText, type ProjectionRow } from './table';

export interface ProjectionTableProps {
  result: ProjectionResult;
  /** The division's name, for the workbook's title. */
  place: string;
  migration: boolean;
  fileName: string;
}

export function ProjectionTable({ result, place, migration, fileName }: ProjectionTableProps) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const [exporting, setExporting] = useState(false);

  const columns: ColumnsType<ProjectionRow> = [
    {
      title: t('proj.year'),
      dataIndex: 'year',
      fixed: 'left',
      width: mobile ? 56 : 72,
      onCell: (row) => ({ rowSpan: row.yearSpan }),
    },
    {
      title: t('proj.scenario'),
      dataIndex: 'scenario',
      width: mobile ? 64 : 80,
      render: (scenario: ProjectionRow['scenario']) => (
        <span className="proj-scenario-name">
          {scenario !== 'base' && (
            <span className="proj-scenario-dot" style={{ background: scenarioColour[scenario] }} />
          )}
          {scenarioText(t, scenario)}
        </span>
      ),
    },
    ...FIGURES.map((figure): ColumnsType<ProjectionRow>[number] => ({
      key: figure.key,
      title: t(figure.label),
      align: 'right',
      width: 112,
      onCell: (row) =>
        ({
          'data-testid': 'proj-cell',
          'data-year': row.year,
          'data-scenario': row.scenario,
          'data-key': figure.key,
          'data-value': row.values[figure.key] ?? '',
        }) as HTMLAttributes<HTMLTableCellElement>,
      render: (_v, row) => formatNumber(persons(row.values[figure.key])),
    })),
  ];

  const exportExcel = async () => {
    setExporting(true);
    try {
      await downloadWorkbook(fileName, [projectionSheet(result, t, place, migration)]);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Table<ProjectionRow>
      rowKey="key"
      size="small"
      bordered
      columns={columns}
      dataSource={projectionRows(result)}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="proj-table"
      title={() => (
        <div className="stats-table-title">
          <span>
            {t('proj.table')} <span className="stats-hint">{t('proj.tableNote')}</span>
          </span>
          <Button
            size="small"
            loading={exporting}
            onClick={() => void exportExcel()}
            data-testid="proj-table-excel"
          >
            {t('stats.exportExcel')}
          </Button>
        </div>
      )}
    />
  );
}
