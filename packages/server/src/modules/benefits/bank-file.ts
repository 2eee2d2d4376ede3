// Bank files: a batch goes out as a file the paying bank reads, the bank's result file comes back.
// Formats differ by bank and province, so each is an adapter: CSV (the default) and XLSX
// (bank-file-xlsx.ts), both with the columns reference, account, name, amount in yuan with two
// decimals; results add 成功/失败 and a reason. Binary formats travel as base64.
import { formatFen } from '@renkou/core';

export interface BankFileLine {
  /** Our line id: the bank echoes it in its result file. */
  reference: string;
  account: string;
  name: string;
  amountFen: number;
}

export interface BankResultRow {
  /** 1-based row of the file (the header is row 1). */
  row: number;
  reference: string;
  account: string;
  amountFen: number;
  paid: boolean;
  reason: string | null;
}

export interface ParsedResults {
  rows: BankResultRow[];
  /** The total the file declares (a 合计 row), when it has one. */
  declaredTotalFen: number | null;
  problems: { row: number; field: string; reason: string }[];
}

export interface BankFileAdapter {
  format: string;
  mediaType: string;
  extension: string;
  /** How the file travels as a string: plain text, or base64 of a binary file. */
  encoding: 'utf8' | 'base64';
  exportLines(lines: readonly BankFileLine[]): Promise<string>;
  parseResults(content: string): Promise<ParsedResults>;
}

/** '123.40' → 12340; anything but a plain non-negative amount with at most two decimals is refused. */
export function parseYuan(text: string): number | undefined {
  const match = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

export function yuanText(amountFen: number): string {
  return formatFen(amountFen).replace('¥', '').replaceAll(',', '');
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) || /^[=+\-@]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells.map((c) => c.trim());
}

export const EXPORT_HEADER = ['reference', 'account', 'name', 'amount'];
export const RESULT_HEADER = ['reference', 'account', 'amount', 'result', 'reason'];

/**
 * The result table as cells (the header first), whatever the file format: every row checked, every
 * problem named by row and field; a 合计 row gives the declared total.
 */
export function parseResultTable(table: readonly (readonly string[])[]): ParsedResults {
  const problems: ParsedResults['problems'] = [];
  const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
  if (RESULT_HEADER.some((name, index) => header[index] !== name)) {
    problems.push({ row: 1, field: 'header', reason: `表头应为 ${RESULT_HEADER.join(',')}` });
    return { rows: [], declaredTotalFen: null, problems };
  }
  const rows: BankResultRow[] = [];
  let declaredTotalFen: number | null = null;
  table.slice(1).forEach((cells, index) => {
    const rowNo = index + 2;
    if (cells.every((cell) => cell.trim() === '')) return;
    const [reference = '', account = '', amount = '', result = '', reason = ''] = cells.map((c) => c.trim());
    if (reference === '合计' || reference.toUpperCase() === 'TOTAL') {
      const total = parseYuan(amount);
      if (total === undefined)
        problems.push({ row: rowNo, field: 'amount', reason: `合计金额无效：${amount}` });
      else declaredTotalFen = total;
      return;
    }
    const amountFen = parseYuan(amount);
    if (amountFen === undefined)
      problems.push({ row: rowNo, field: 'amount', reason: `金额无效：${amount}` });
    const paid = ['成功', 'success', 'ok', 'paid'].includes(result.toLowerCase());
    const failed = ['失败', 'failed', 'fail'].includes(result.toLowerCase());
    if (!paid && !failed)
      problems.push({ row: rowNo, field: 'result', reason: `结果应为 成功 或 失败：${result}` });
    if (reference === '') problems.push({ row: rowNo, field: 'reference', reason: '缺少流水号' });
    rows.push({
      row: rowNo,
      reference,
      account,
      amountFen: amountFen ?? 0,
      paid,
      reason: reason === '' ? null : reason,
    });
  });
  return { rows, declaredTotalFen, problems };
}

export const csvBankAdapter: BankFileAdapter = {
  format: 'csv',
  mediaType: 'text/csv; charset=utf-8',
  extension: 'csv',
  encoding: 'utf8',
  exportLines(lines) {
    const rows = [EXPORT_HEADER.join(',')];
    for (const line of lines) {
      rows.push([line.reference, line.account, line.name, yuanText(line.amountFen)].map(csvCell).join(','));
    }
    return Promise.resolve(`${rows.join('\r\n')}\r\n`);
  },
  parseResults(content) {
    const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
    return Promise.resolve(parseResultTable(lines.map(splitCsvLine)));
  },
};
