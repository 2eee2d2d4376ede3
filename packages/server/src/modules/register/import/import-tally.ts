// Counts every row's outcome and keeps the problems for the report (row, field, code, reason).
import { stringify } from 'csv-stringify/sync';
import { writeFileSync } from 'node:fs';
import type { Outcome, RowProblem } from '../register-writer';
import type { Table } from './table-reader';

export interface ImportProblem extends RowProblem {
  file: string;
  row: number;
  severity: 'error' | 'warning';
}

export interface ImportCounts {
  accepted: number;
  rejected: number;
  unchanged: number;
  warnings: number;
}

export class ImportTally {
  readonly counts: ImportCounts = { accepted: 0, rejected: 0, unchanged: 0, warnings: 0 };
  readonly problems: ImportProblem[] = [];
  /** Deaths now in the register (accepted, or unchanged on a rerun): other modules act on them. */
  readonly deaths: { personKey: string; date: string }[] = [];
  /** Records merged into another as its duplicate (a duplicate_of correction): benefits stop too. */
  readonly merges: { personKey: string; date: string; into: string }[] = [];

  reject(file: string, row: number, errors: readonly RowProblem[]): void {
    this.counts.rejected += 1;
    for (const e of errors)
      this.problems.push({ file, row, severity: 'error', field: e.field, code: e.code, message: e.message });
  }

  warn(file: string, row: number, warnings: readonly RowProblem[]): void {
    this.counts.warnings += warnings.length;
    for (const w of warnings)
      this.problems.push({
        file,
        row,
        severity: 'warning',
        field: w.field,
        code: w.code,
        message: w.message,
      });
  }

  outcome(file: string, row: number, outcome: Outcome): void {
    switch (outcome.status) {
      case 'accepted':
        this.counts.accepted += 1;
        this.warn(file, row, outcome.warnings);
        break;
      case 'unchanged':
        this.counts.unchanged += 1;
        break;
      case 'rejected':
        this.reject(file, row, outcome.errors);
        break;
    }
  }

  /** Columns the contract does not name are kept (as attributes) and reported once per file. */
  noteUnknownColumns(table: Table, known: readonly string[] | undefined): void {
    const names = known ?? [];
    const unknown = known ? table.header.filter((h) => h !== '' && !names.includes(h)) : [];
    if (unknown.length === 0) return;
    this.warn(table.file, 1, [
      {
        field: unknown.join(','),
        code: 'UNKNOWN_COLUMNS',
        message: `未知列已作为附加属性保留：${unknown.join('、')}`,
      },
    ]);
  }

  sortedProblems(): ImportProblem[] {
    return this.problems.toSorted((a, b) => (a.file === b.file ? a.row - b.row : a.file < b.file ? -1 : 1));
  }

  /** The report beside the input: one line per problem. */
  writeReport(path: string): void {
    const rows = this.sortedProblems().map((p) => [p.file, p.row, p.severity, p.field, p.code, p.message]);
    writeFileSync(
      path,
      `\uFEFF${stringify([['file', 'row', 'severity', 'field', 'code', 'message'], ...rows])}`,
    );
  }
}
