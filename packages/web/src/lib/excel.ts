// Excel downloads built in the browser with exceljs (its browser build, loaded on the first click only,
// so no page pays for it up front). County officers work in Excel: a real .xlsx keeps numbers as numbers,
// a title, merged headers, number formats and SUM formulas in the total row, which a CSV cannot.
import type * as ExcelJS from 'exceljs';

export type CellValue = string | number | null | { formula: string; result: number };

export interface SheetSpec {
  name: string;
  /** Merged across the table above the header. */
  title?: string;
  /** Lines under the title (unit, period, date). */
  subtitle?: string[];
  /** One or more header rows; `merges` joins their cells (A1 notation, counted from the header's top). */
  header: string[][];
  headerMerges?: [row1: number, col1: number, row2: number, col2: number][];
  rows: CellValue[][];
  /** Excel number format per column ('0.00', '0.0%', …). */
  formats?: (string | undefined)[];
  widths?: number[];
  /** Bold rows (the total row), by index in `rows`. */
  boldRows?: number[];
  footer?: string[];
}

type ExcelModule = typeof ExcelJS;

async function loadExcel(): Promise<ExcelModule> {
  // The UMD browser build arrives as a CommonJS default export.
  const module = (await import('exceljs')) as ExcelModule & { default?: ExcelModule };
  return module.default ?? module;
}

const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

export async function downloadWorkbook(fileName: string, sheets: SheetSpec[]): Promise<void> {
  const { Workbook } = await loadExcel();
  const workbook = new Workbook();
  workbook.creator = 'Renkou';
  workbook.created = new Date();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
    const width = Math.max(...spec.header.map((r) => r.length), ...spec.rows.map((r) => r.length), 1);
    let r = 1;
    if (spec.title) {
      sheet.mergeCells(r, 1, r, width);
      const cell = sheet.getCell(r, 1);
      cell.value = spec.title;
      cell.font = { name: '宋体', size: 16, bold: true };
      cell.alignment = { horizontal: 'center' };
      r += 1;
    }
    for (const line of spec.subtitle ?? []) {
      sheet.mergeCells(r, 1, r, width);
      sheet.getCell(r, 1).value = line;
      r += 1;
    }
    const headerTop = r;
    for (const headerRow of spec.header) {
      headerRow.forEach((text, c) => {
        const cell = sheet.getCell(r, c + 1);
        cell.value = text;
        cell.font = { bold: true };
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        cell.border = border;
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F4F7' } };
      });
      r += 1;
    }
    for (const [r1, c1, r2, c2] of spec.headerMerges ?? []) {
      sheet.mergeCells(headerTop + r1, c1 + 1, headerTop + r2, c2 + 1);
    }
    spec.rows.forEach((values, i) => {
      values.forEach((value, c) => {
        const cell = sheet.getCell(r, c + 1);
        cell.value = value;
        cell.border = border;
        const format = spec.formats?.[c];
        if (format && value !== null && typeof value !== 'string') cell.numFmt = format;
        if (spec.boldRows?.includes(i)) cell.font = { bold: true };
      });
      r += 1;
    });
    for (const line of spec.footer ?? []) {
      r += 1;
      sheet.mergeCells(r, 1, r, width);
      const cell = sheet.getCell(r, 1);
      cell.value = line;
      cell.alignment = { wrapText: true };
    }
    for (let c = 1; c <= width; c += 1) {
      sheet.getColumn(c).width = spec.widths?.[c - 1] ?? (c === 1 ? 16 : 11);
    }
    sheet.views = [{ state: 'frozen', ySplit: headerTop + spec.header.length - 1, xSplit: 1 }];
  }
  const buffer = await workbook.xlsx.writeBuffer();
  const blob = new Blob([buffer], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName.endsWith('.xlsx') ? fileName : `${fileName}.xlsx`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The column letter of a 0-based column (for formulas). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The 1-based Excel row of the first data row of a sheet (for SUM formulas in a total row). */
export function firstDataRow(spec: Pick<SheetSpec, 'title' | 'subtitle' | 'header'>): number {
  return 1 + (spec.title ? 1 : 0) + (spec.subtitle?.length ?? 0) + spec.header.length;
}
