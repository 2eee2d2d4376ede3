// The XLSX bank file adapter without a database: the exported sheet (accounts and amounts as text,
// a 合计 row), result files read back whether amounts are text or numbers, and files refused whole.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bankAdapters } from './bank-adapters';
import { xlsxBankAdapter, zipProblem } from './bank-file-xlsx';

const lines = [
  { reference: 'L1', account: '6228480011112222333', name: '李秀英', amountFen: 59_000 },
  { reference: 'L2', account: '6228480033334444', name: '张伟', amountFen: 46_001 },
];

async function workbookOf(base64: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

async function resultFile(rows: (string | number | null)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('结果');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

describe('XLSX bank file', () => {
  it('is selectable beside CSV and writes accounts and amounts as text, with a total row', async () => {
    expect(Object.keys(bankAdapters)).toEqual(['csv', 'xlsx']);
    const sheet = await workbookOf(await xlsxBankAdapter.exportLines(lines));
    const values = (rowNo: number) => [1, 2, 3, 4].map((c) => sheet.getRow(rowNo).getCell(c).value);
    expect(values(1)).toEqual(['reference', 'account', 'name', 'amount']);
    expect(values(2)).toEqual(['L1', '6228480011112222333', '李秀英', '590.00']);
    expect(values(3)).toEqual(['L2', '6228480033334444', '张伟', '460.01']);
    expect(values(4)).toEqual(['合计', '', '2 笔', '1050.01']);
  });

  it('reads a result file with amounts as text or numbers, and its declared total', async () => {
    const content = await resultFile([
      ['reference', 'account', 'amount', 'result', 'reason'],
      ['L1', '6228480011112222333', 590, '成功', null],
      [],
      ['L2', '6228480033334444', '460.01', '失败', '账户已销户'],
      ['合计', null, 1050.01, null, null],
    ]);
    const parsed = await xlsxBankAdapter.parseResults(content);
    expect(parsed).toEqual({
      rows: [
        {
          row: 2,
          reference: 'L1',
          account: '6228480011112222333',
          amountFen: 59_000,
          paid: true,
          reason: null,
        },
        {
          row: 4,
          reference: 'L2',
          account: '6228480033334444',
          amountFen: 46_001,
          paid: false,
          reason: '账户已销户',
        },
      ],
      declaredTotalFen: 105_001,
      problems: [],
    });
  });

  it('names each bad cell by row and field: a float amount, an unknown result', async () => {
    const content = await resultFile([
      ['reference', 'account', 'amount', 'result', 'reason'],
      ['L1', '6228480011112222333', 0.1 + 0.2, '成功', null],
      ['L2', '6228480033334444', '460.01', '待定', null],
    ]);
    expect((await xlsxBankAdapter.parseResults(content)).problems).toEqual([
      { row: 2, field: 'amount', reason: '金额无效：0.30000000000000004' },
      { row: 3, field: 'result', reason: '结果应为 成功 或 失败：待定' },
    ]);
  });

  it('refuses what is not an xlsx, or a suspicious archive, before opening it', async () => {
    expect(
      (await xlsxBankAdapter.parseResults(Buffer.from('reference,account').toString('base64'))).problems,
    ).toEqual([{ row: 0, field: 'file', reason: '不是有效的 .xlsx（zip）文件' }]);
    const header = await resultFile([['reference', 'account', 'amount', 'result', 'reason']]);
    expect(zipProblem(Buffer.from(header, 'base64'))).toBeUndefined();
    const wrongHeader = await resultFile([['流水号', '账号']]);
    expect((await xlsxBankAdapter.parseResults(wrongHeader)).problems[0]).toMatchObject({
      row: 1,
      field: 'header',
    });
  });
});
