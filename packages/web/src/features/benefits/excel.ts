// An Excel download built in the browser with exceljs (its browser build, loaded on the first click
// only): a title, lines under it, a header and rows, text cells kept as text. Used for the 公示 list
// and the dashboard's tables; amounts go out as yuan text with two decimals, never through a float.
import type * as ExcelJS from 'exceljs';
import { saveBytes } from './save-text';

type ExcelModule = typeof ExcelJS;

async function loadExcel(): Promise<ExcelModule> {
  // The UMD browser build arrives as a CommonJS default export.
  const module = (await import('exceljs')) as ExcelModule & { default?: ExcelModule };
  return module.default ?? module;
}

export interface SheetSpec {
  name: string;
  title: string;
  subtitle?: string[];
  header: string[];
  rows: (string | number)[][];
  widths?: number[];
  footer?: string[];
}

const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

export async function downloadSheet(fileName: string, spec: SheetSpec): Promise<void> {
  const { Workbook } = await loadExcel();
  const workbook = new Workbook();
  workbook.creator = 'Renkou';
  const sheet = workbook.addWorksheet(spec.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
  const width = spec.header.length;
  let r = 1;
  const line = (text: string, font?: Partial<ExcelJS.Font>) => {
    sheet.mergeCells(r, 1, r, width);
    const cell = sheet.getCell(r, 1);
    cell.value = text;
    if (font) cell.font = font;
    cell.alignment = { horizontal: font ? 'center' : 'left', wrapText: true };
    r += 1;
  };
  line(spec.title, { name: '宋体', size: 16, bold: true });
  for (const text of spec.subtitle ?? []) line(text);
  spec.header.forEach((text, index) => {
    const cell = sheet.getCell(r, index + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.border = border;
    cell.alignment = { horizontal: 'center' };
  });
  r += 1;
  for (const row of spec.rows) {
    row.forEach((value, index) => {
      const cell = sheet.getCell(r, index + 1);
      cell.value = value;
      cell.border = border;
    });
    r += 1;
  }
  for (const text of spec.footer ?? []) line(text);
  spec.widths?.forEach((w, index) => (sheet.getColumn(index + 1).width = w));
  const buffer = await workbook.xlsx.writeBuffer();
  saveBytes(
    fileName.endsWith('.xlsx') ? fileName : `${fileName}.xlsx`,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  );
}
