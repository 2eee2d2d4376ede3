// The report table's rows and its total row, apart from the page so that it can be tested alone.
import type { ChildStats, Indicators } from './api';
import type { NumericName } from './indicators';

/** A column of the report: a count (summed in the total row) or a rate (the division's own). */
export interface ReportColumn {
  key: string;
  group?: 'births' | 'order';
  label: string;
  sum: boolean;
  value: (ind: Indicators) => number | null;
  format: NumericName;
}

export interface ReportRow {
  name: string;
  code: string;
  values: (number | null)[];
}

/** The rows and the total row: counts summed over the rows, rates from the division itself. */
export function reportRows(
  columns: ReportColumn[],
  children: ChildStats[],
  own: Indicators,
): { rows: ReportRow[]; total: (number | null)[] } {
  const rows = children.map((c) => ({
    name: c.name,
    code: c.jurisdiction,
    values: columns.map((col) => col.value(c.indicators)),
  }));
  // A village has no lower divisions: its total row is its own figures.
  const total = columns.map((col, i) =>
    col.sum && rows.length > 0 ? rows.reduce((sum, row) => sum + (row.values[i] ?? 0), 0) : col.value(own),
  );
  return { rows, total };
}
