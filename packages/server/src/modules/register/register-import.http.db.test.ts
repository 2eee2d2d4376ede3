// Imports from the web app over HTTP: template, upload preview with a proposed mapping, a run in the
// background with progress, the problems and the report; a zip bomb is refused before it is opened.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../../http/http-app';
import { openTestApplication, seedCounty, TEST_PASSWORD } from '../../testing/test-application';

type App = Awaited<ReturnType<typeof openTestApplication>>;
let app: App;
let server: FastifyInstance;
let cookie = '';

beforeAll(async () => {
  app = await openTestApplication();
  await seedCounty(app);
  server = await buildHttpApp(app);
  const login = await server.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'county', password: TEST_PASSWORD },
  });
  cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
});
afterAll(async () => {
  await server.close();
  await app.close();
});

function multipart(fileName: string, content: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = 'renkou-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie },
  };
}

/** A zip whose directory claims 300 MB unpacked from a few bytes: refused from the directory alone. */
function zipBomb(): Buffer {
  const name = Buffer.from('xl/workbook.xml');
  const data = Buffer.from('x');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(300 * 1024 * 1024, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(300 * 1024 * 1024, 24);
  central.writeUInt16LE(name.length, 28);
  const body = Buffer.concat([local, name, data]);
  const directory = Buffer.concat([central, name]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(body.length, 16);
  return Buffer.concat([body, directory, end]);
}

describe('imports from the web app', () => {
  it('offers templates that open in Excel with the interchange columns', async () => {
    const answer = await server.inject({
      method: 'GET',
      url: '/api/register/templates/persons.xlsx',
      headers: { cookie },
    });
    expect(answer.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(answer.rawPayload as unknown as ArrayBuffer);
    const header = workbook.getWorksheet('persons')?.getRow(1).values as string[];
    expect(header).toEqual(
      expect.arrayContaining(['person_id', 'id_number', 'name', 'sex', 'birth_date', 'hukou_code']),
    );
  });

  it('previews a spreadsheet with Chinese headers, runs it in the background and lists the bad rows', async () => {
    const csv = [
      '人员编号,姓名,性别,出生日期,户籍地代码,备注',
      'Q1,王芳,2,1990-01-02,652926100002,',
      'Q2,李明,1,1991-02-30,652926100002,日期错',
      'Q3,张伟,3,1992-03-04,652926100002,性别错',
    ].join('\n');
    const preview = await server.inject({
      method: 'POST',
      url: '/api/register/imports/preview',
      ...multipart('花名册.csv', Buffer.from(csv)),
    });
    expect(preview.statusCode).toBe(200);
    const body = preview.json<{
      uploadId: string;
      kind: string;
      suggestedMapping: Record<string, string>;
      sample: string[][];
    }>();
    expect(body.kind).toBe('persons');
    expect(body.suggestedMapping).toEqual({
      人员编号: 'person_id',
      姓名: 'name',
      性别: 'sex',
      出生日期: 'birth_date',
      户籍地代码: 'hukou_code',
      备注: '',
    });
    expect(body.sample[1]).toEqual(['Q2', '李明', '1', '1991-02-30', '652926100002', '日期错']);

    const noDataset = await server.inject({
      method: 'POST',
      url: '/api/register/imports',
      headers: { cookie },
      payload: { uploads: [{ uploadId: body.uploadId, kind: 'persons', mapping: body.suggestedMapping }] },
    });
    expect(noDataset.statusCode).toBe(400);
    const started = await server.inject({
      method: 'POST',
      url: '/api/register/imports',
      headers: { cookie },
      payload: {
        uploads: [{ uploadId: body.uploadId, kind: 'persons', mapping: body.suggestedMapping }],
        dataset: { coverage: '652926', start: '2020-01-01', end: '2024-12-31' },
      },
    });
    expect(started.statusCode).toBe(200);
    const { importId } = started.json<{ importId: string }>();
    let status: { status: string; counts: Record<string, number> | null } = {
      status: 'running',
      counts: null,
    };
    for (let i = 0; i < 200 && status.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = (
        await server.inject({ method: 'GET', url: `/api/register/imports/${importId}`, headers: { cookie } })
      ).json();
    }
    expect(status).toMatchObject({ status: 'done', counts: { accepted: 1, rejected: 2 } });
    const problems = await server.inject({
      method: 'GET',
      url: `/api/register/imports/${importId}/problems?severity=error`,
      headers: { cookie },
    });
    expect(
      problems.json<{ items: { row: number; field: string }[] }>().items.map((p) => [p.row, p.field]),
    ).toEqual([
      [3, 'birth_date'],
      [4, 'sex'],
    ]);
    const report = await server.inject({
      method: 'GET',
      url: `/api/register/imports/${importId}/report.csv`,
      headers: { cookie },
    });
    expect(report.body).toContain('INVALID_DATE');
    const wang = await app.db
      .selectFrom('persons')
      .select(['name', 'attributes'])
      .where('person_key', '=', 'Q1')
      .executeTakeFirstOrThrow();
    expect(wang.name).toBe('王芳');
  });

  it('refuses a zip bomb, a foreign file type and a leader', async () => {
    const bomb = await server.inject({
      method: 'POST',
      url: '/api/register/imports/preview',
      ...multipart('bomb.xlsx', zipBomb()),
    });
    expect(bomb.statusCode).toBe(400);
    expect(bomb.json<{ message: string }>().message).toMatch(/解压后过大|压缩比/);
    const exe = await server.inject({
      method: 'POST',
      url: '/api/register/imports/preview',
      ...multipart('a.exe', Buffer.from('MZ')),
    });
    expect(exe.statusCode).toBe(400);
    const leaderLogin = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'leader', password: TEST_PASSWORD },
    });
    const leaderCookie = String(leaderLogin.headers['set-cookie']).split(';')[0] ?? '';
    const leader = await server.inject({
      method: 'POST',
      url: '/api/register/imports/preview',
      ...multipart('a.csv', Buffer.from('a\n1')),
      headers: { ...multipart('a.csv', Buffer.from('a\n1')).headers, cookie: leaderCookie },
    });
    expect(leader.statusCode).toBe(403);
  });
});
