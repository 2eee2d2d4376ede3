// Reads a CSV or XLSX table row by row in bounded memory: UTF-8 (a BOM is ignored), RFC 4180, the
// first row is the header. A file that cannot be read as a whole (encoding, format, header) raises
// FileFault before any row is handed out, so a faulty file applies nothing.
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { checkZip } from './zip-guard';

export class FileFault extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}：${message}`);
    this.name = 'FileFault';
  }
}

export interface TableRow {
  /** The row number a spreadsheet shows: the header is row 1. */
  rowNo: number;
  cells: Record<string, string>;
}

export interface Table {
  file: string;
  header: string[];
  rows: () => AsyncIterable<TableRow>;
}

/** Checks the whole file decodes as UTF-8; names GBK when that is what it looks like. */
async function checkUtf8(path: string): Promise<void> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const handle = await open(path);
  const buffer = Buffer.alloc(1 << 20);
  let offset = 0;
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
      if (bytesRead === 0) break;
      try {
        decoder.decode(buffer.subarray(0, bytesRead), { stream: true });
      } catch {
        const sample = buffer.subarray(0, Math.min(bytesRead, 4096));
        const gbk = isLikelyGbk(sample);
        throw new FileFault(
          basename(path),
          gbk
            ? '文件是 GBK 编码，不是 UTF-8。请在 Excel 中“另存为 CSV UTF-8”，或直接上传 .xlsx'
            : `文件不是 UTF-8 编码（约第 ${offset + 1} 字节起无法识别）`,
        );
      }
      offset += bytesRead;
    }
    decoder.decode();
  } finally {
    await handle.close();
  }
}

function isLikelyGbk(sample: Buffer): boolean {
  try {
    const text = new TextDecoder('gbk', { fatal: true }).decode(sample);
    return /[\u4e00-\u9fff]/.test(text);
  } catch {
    return false;
  }
}

/** The user's column → canonical column ('' keeps the user's column as an attribute). */
export type ColumnMapping = Record<string, string>;

function cleanHeader(header: string[], file: string, mapping: ColumnMapping = {}): string[] {
  const names = header.map((raw) => {
    const h = raw.replace(/^\uFEFF/, '').trim();
    const mapped = mapping[h];
    return (mapped !== undefined && mapped !== '' ? mapped : h).toLowerCase();
  });
  const seen = new Set<string>();
  for (const name of names) {
    if (name !== '' && seen.has(name)) throw new FileFault(file, `表头中列 ${name} 重复`);
    seen.add(name);
  }
  return names;
}

async function openCsv(path: string, mapping?: ColumnMapping): Promise<Table> {
  const file = basename(path);
  await checkUtf8(path);
  const parser = (fromLine = 1) =>
    createReadStream(path).pipe(
      parse({ bom: true, relax_column_count: true, skip_empty_lines: true, from_line: fromLine }),
    );
  let header: string[] | undefined;
  try {
    for await (const record of parser()) {
      header = record as string[];
      break;
    }
  } catch (error) {
    throw new FileFault(file, `不是有效的 CSV：${(error as Error).message}`);
  }
  if (!header) throw new FileFault(file, '文件为空，没有表头');
  const names = cleanHeader(header, file, mapping);
  return {
    file,
    header: names,
    rows: async function* () {
      let rowNo = 1;
      const stream = parser(2);
      try {
        for await (const record of stream) {
          rowNo += 1;
          yield { rowNo, cells: toCells(names, record as string[]) };
        }
      } catch (error) {
        throw new FileFault(file, `第 ${rowNo + 1} 行附近 CSV 格式错误：${(error as Error).message}`);
      }
    },
  };
}

function toCells(names: readonly string[], values: readonly string[]): Record<string, string> {
  const cells: Record<string, string> = {};
  names.forEach((name, i) => {
    if (name !== '') cells[name] = values[i] ?? '';
  });
  return cells;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

async function* xlsxRows(path: string): AsyncGenerator<{ rowNo: number; values: string[] }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        values[col - 1] = cellText(cell.value).trim();
      });
      if (values.some((v) => v !== ''))
        yield { rowNo: row.number, values: Array.from(values, (v) => v ?? '') };
    }
    return; // the first sheet is the table
  }
}

async function openXlsx(path: string, mapping?: ColumnMapping): Promise<Table> {
  const file = basename(path);
  const zipProblem = await checkZip(path);
  if (zipProblem) throw new FileFault(file, zipProblem);
  let header: string[] | undefined;
  try {
    for await (const row of xlsxRows(path)) {
      header = row.values;
      break;
    }
  } catch (error) {
    throw new FileFault(file, `不是有效的 Excel .xlsx 文件：${(error as Error).message}`);
  }
  if (!header) throw new FileFault(file, '工作表为空，没有表头');
  const names = cleanHeader(header, file, mapping);
  return {
    file,
    header: names,
    rows: async function* () {
      let first = true;
      for await (const row of xlsxRows(path)) {
        if (first) {
          first = false;
          continue;
        }
        yield { rowNo: row.rowNo, cells: toCells(names, row.values) };
      }
    },
  };
}

export async function openTable(path: string, mapping?: ColumnMapping): Promise<Table> {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return openCsv(path, mapping);
  if (ext === '.xlsx') return openXlsx(path, mapping);
  throw new FileFault(basename(path), '只接受 .csv 或 .xlsx 文件');
}

/** Every required column present, or the fault listing the missing ones. */
export function requireColumns(table: Table, required: readonly string[]): void {
  const missing = required.filter((c) => !table.header.includes(c));
  if (missing.length > 0) throw new FileFault(table.file, `缺少必需的列：${missing.join('、')}`);
}
