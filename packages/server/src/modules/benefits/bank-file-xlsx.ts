// The XLSX bank file: the same columns as the CSV (reference, account, name, amount), one sheet, a
// 合计 row. Accounts and amounts are written as text — an account of 19 digits is not a number Excel
// can hold, and money never passes through a float. Result files may carry amounts as text or as
// numbers; a number is read through its decimal text, so 590.1 is 59010 fen and 0.30000000000000004
// is refused. The file travels as base64; before exceljs opens a result file its zip directory is
// checked against zip bombs.
import ExcelJS from 'exceljs';
import {
  EXPORT_HEADER,
  parseResultTable,
  yuanText,
  type BankFileAdapter,
  type ParsedResults,
} from './bank-file';

const ZIP_LIMITS = { entries: 200, unpackedBytes: 50 * 1024 * 1024, ratio: 100 };

/** The problem with an .xlsx (a zip) before it is opened, or undefined when within the limits. */
export function zipProblem(file: Buffer): string | undefined {
  const eocd = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > file.length) return '不是有效的 .xlsx（zip）文件';
  const entries = file.readUInt16LE(eocd + 10);
  const directorySize = file.readUInt32LE(eocd + 12);
  const directoryOffset = file.readUInt32LE(eocd + 16);
  if (entries > ZIP_LIMITS.entries) return `压缩包内文件过多（${entries} 个）`;
  if (directoryOffset + directorySize > file.length) return '压缩包目录损坏';
  let offset = directoryOffset;
  let packed = 0;
  let unpacked = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > file.length || file.readUInt32LE(offset) !== 0x02014b50) return '压缩包目录损坏';
    packed += file.readUInt32LE(offset + 20);
    unpacked += file.readUInt32LE(offset + 24);
    offset +=
      46 + file.readUInt16LE(offset + 28) + file.readUInt16LE(offset + 30) + file.readUInt16LE(offset + 32);
  }
  if (unpacked > ZIP_LIMITS.unpackedBytes) return `解压后过大（${Math.round(unpacked / 1048576)} MB）`;
  if (packed > 0 && unpacked / packed > ZIP_LIMITS.ratio) return '压缩比异常，疑似压缩炸弹';
  return undefined;
}

/** A cell as the text a person sees (formulas by their result, rich text joined). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  return '';
}

const unreadable = (reason: string): ParsedResults => ({
  rows: [],
  declaredTotalFen: null,
  problems: [{ row: 0, field: 'file', reason }],
});

export const xlsxBankAdapter: BankFileAdapter = {
  format: 'xlsx',
  mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extension: 'xlsx',
  encoding: 'base64',
  async exportLines(lines) {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Renkou';
    const sheet = workbook.addWorksheet('代发明细');
    sheet.columns = [{ width: 40 }, { width: 24 }, { width: 16 }, { width: 14 }];
    sheet.addRow(EXPORT_HEADER);
    let total = 0;
    for (const line of lines) {
      sheet.addRow([line.reference, line.account, line.name, yuanText(line.amountFen)]);
      total += line.amountFen;
    }
    sheet.addRow(['合计', '', `${lines.length} 笔`, yuanText(total)]);
    sheet.getColumn(2).numFmt = '@';
    sheet.getColumn(4).numFmt = '@';
    sheet.getColumn(4).alignment = { horizontal: 'right' };
    sheet.getRow(1).font = { bold: true };
    const buffer = await workbook.xlsx.writeBuffer();
    return Buffer.from(buffer).toString('base64');
  },
  async parseResults(content) {
    const file = Buffer.from(content, 'base64');
    const problem = zipProblem(file);
    if (problem) return unreadable(problem);
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(file as unknown as ArrayBuffer);
    } catch {
      return unreadable('不是有效的 .xlsx 文件，无法读取');
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) return unreadable('文件中没有工作表');
    const table: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNo) => {
      const cells: string[] = [];
      for (let column = 1; column <= 5; column++) cells.push(cellText(row.getCell(column).value));
      table[rowNo - 1] = cells;
    });
    // Rows exceljs skipped as empty stay empty, so row numbers match what Excel shows.
    for (let i = 0; i < table.length; i++) table[i] ??= [];
    return parseResultTable(table);
  },
};
