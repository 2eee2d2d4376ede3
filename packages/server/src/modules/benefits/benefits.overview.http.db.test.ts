// The benefits worklists and overviews over HTTP (their response schemas included): the life-events
// worklist, the 年审 list, yearly budgets, the programme dashboard, a family's benefits, and a batch
// paid through an XLSX bank file and an XLSX result file. 李秀英 (M1) and 张伟 (F1) receive 特扶;
// 小宝 (K1) receives 育儿补贴 and turns 3 this month.
import { Role } from '@renkou/core';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../../http/http-app';
import { TestClient } from '../../testing/http-client';
import { seedCounty, TEST_PASSWORD } from '../../testing/test-application';
import { enrol, openBenefitsApp, payAll, recordEvents, staff, type App } from './test-fixtures';

let app: App;
let server: FastifyInstance;
const who = staff();

beforeAll(async () => {
  app = await openBenefitsApp();
  await seedCounty(app);
  for (const username of ['finance1', 'finance2', 'finance3']) {
    await app.users.createBySystem({
      username,
      displayName: username,
      role: Role.Finance,
      scope: '652926',
      password: TEST_PASSWORD,
      mustChangePassword: false,
    });
  }
  await recordEvents(app, ['B-K1,birth,2023-03-15,K1,M2,,小宝,1,652926100002,652926100002,,,,,,']);
  await enrol(app, who, 'K1', who.townA, '2025-01', '王丽', { programmeCode: 'yuer_butie' });
  await enrol(app, who, 'M1', who.townA, '2026-01', '李秀英');
  await enrol(app, who, 'F1', who.village, '2026-01');
  await payAll(app, who, '2026-03', 118_000);
  server = await buildHttpApp(app);
});
afterAll(async () => {
  await server.close();
  await app.close();
});

const signedIn = (username: string) => TestClient.signedIn(server, username);

describe('benefits worklists and overviews over HTTP', () => {
  it('lists life events and the 年审 for review', async () => {
    const township = await signedIn('township');
    const events = await township.get('/api/benefits/life-events/worklist');
    expect(events.status).toBe(200);
    expect(events.body).toMatchObject({
      counts: { age_limit: 1, hukou_move: 0, death: 0 },
      items: [{ personKey: 'K1', cause: 'age_limit', endsBefore: '2026-04' }],
    });
    const review = await township.get('/api/benefits/annual-review?outcome=eligible&pageSize=10');
    expect(review.status).toBe(200);
    expect(review.body).toMatchObject({ counts: { eligible: 3, ineligible: 0 }, total: 3 });
    const other = await (
      await signedIn('township2')
    ).get('/api/benefits/life-events/worklist?jurisdiction=652926100');
    expect(other.status).toBe(403);
  });

  it('sets a yearly budget and shows what is committed', async () => {
    const finance = await signedIn('finance1');
    const set = await finance.post('/api/benefits/budgets', {
      programmeCode: 'tefu',
      year: 2026,
      jurisdiction: '652926',
      amountFen: 1_000_000,
      document: '拜财社〔2026〕1号',
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ committedFen: 118_000, remainingFen: 882_000 });
    const bad = await finance.post('/api/benefits/budgets', {
      programmeCode: 'tefu',
      year: 2026,
      jurisdiction: '652926',
      amountFen: 12.5,
    });
    expect(bad.status).toBe(400);
    const list = await (await signedIn('leader')).get('/api/benefits/budgets?year=2026');
    expect(list.body).toMatchObject({ items: [{ scopeCode: '652926', amountFen: 1_000_000 }] });
  });

  it('the dashboard counts people covered and money paid by township and month', async () => {
    const leader = await signedIn('leader');
    const answer = await leader.get('/api/benefits/dashboard?programme=tefu&year=2026');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      areaLevel: 'township',
      peopleCovered: 2,
      peoplePaid: 2,
      paidFen: 118_000,
      areas: [{ code: '652926100', name: '拜城镇', peopleCovered: 2, peoplePaid: 2, paidFen: 118_000 }],
    });
    const months = answer.body.months as { month: string; paidFen: number }[];
    expect(months).toHaveLength(12);
    expect(months.map((m) => m.paidFen)).toEqual([0, 0, 118_000, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    // Within a township the areas are villages.
    const town = await (await signedIn('township')).get('/api/benefits/dashboard?programme=tefu&year=2026');
    expect(town.body).toMatchObject({ areaLevel: 'village', areas: [{ code: '652926100002' }] });
  });

  it("shows a family's benefits for the person page", async () => {
    const township = await signedIn('township');
    const answer = await township.get('/api/benefits/persons/M1');
    expect(answer.status).toBe(200);
    expect(answer.body.items).toEqual([
      expect.objectContaining({ personKey: 'M1', role: 'self', programmeCode: 'tefu', paidFen: 59_000 }),
    ]);
    const mother = await township.get('/api/benefits/persons/M2');
    expect(mother.body.items).toEqual([
      expect.objectContaining({
        personKey: 'K1',
        role: 'child',
        programmeCode: 'yuer_butie',
        status: 'enrolled',
      }),
    ]);
    expect((await (await signedIn('township2')).get('/api/benefits/persons/M1')).status).toBe(404);
  });

  it('pays a batch through an XLSX bank file and an XLSX result file', async () => {
    const [finance1, finance2, finance3] = [
      await signedIn('finance1'),
      await signedIn('finance2'),
      await signedIn('finance3'),
    ];
    const built = await finance1.post('/api/benefits/batches', {
      programmeCode: 'tefu',
      period: '2026-04',
      budgetFen: 118_000,
    });
    expect(built.status).toBe(200);
    const id = built.body.id as string;
    expect((await finance2.post(`/api/benefits/batches/${id}/approve`)).status).toBe(200);
    const file = await finance3.post(`/api/benefits/batches/${id}/bank-file`, { format: 'xlsx' });
    expect(file.status).toBe(200);
    expect(file.body).toMatchObject({ format: 'xlsx', encoding: 'base64', lineCount: 2, totalFen: 118_000 });
    expect(file.body.fileName).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.body.content as string, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const results = new ExcelJS.Workbook();
    const resultSheet = results.addWorksheet('结果');
    resultSheet.addRow(['reference', 'account', 'amount', 'result', 'reason']);
    for (const rowNo of [2, 3]) {
      const row = sheet.getRow(rowNo);
      resultSheet.addRow([
        row.getCell(1).value,
        row.getCell(2).value,
        Number(row.getCell(4).value),
        '成功',
        null,
      ]);
    }
    const content = Buffer.from(await results.xlsx.writeBuffer()).toString('base64');
    const imported = await finance3.post(`/api/benefits/batches/${id}/bank-results`, {
      fileName: 'result.xlsx',
      format: 'xlsx',
      content,
    });
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ paid: 2, failed: 0, paidFen: 118_000 });
    const csvOnly = await finance3.post(`/api/benefits/batches/${id}/bank-file`, { format: 'dbf' });
    expect(csvOnly.status).toBe(400);
  });
});
