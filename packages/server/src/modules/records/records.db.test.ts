// Department files on a real database: all or nothing, idempotent, conflicts refused, ID numbers
// sealed at rest, a report naming row, field and reason.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from '@renkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApplication } from '../../testing/test-application';

type App = Awaited<ReturnType<typeof openTestApplication>>;
const MOTHER_ID = '652926199001162201';
const HEADER = 'record_id,name,sex,birth_date,address_code,mother_name,mother_id_number,hospital';
const GOOD = `${HEADER}
HB1,库尔班,1,2021-01-03,652926201202,买吾拉,${MOTHER_ID},拜城县人民医院
HB2,阿依古丽,2,2021-02-04,652926100002,米热古丽,65292619830125202X,
`;

function file(content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'renkou-records-')), 'hospital_births.csv');
  writeFileSync(path, content);
  return path;
}

async function stored(app: App): Promise<number> {
  const row = await app.db
    .selectFrom('department_records')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('department records', () => {
  let app: App;
  beforeAll(async () => {
    app = await openTestApplication();
  });
  afterAll(async () => app.close());

  it('stores a good file once: the same file again changes nothing', async () => {
    const first = await app.records.importFile('hospital_births', file(GOOD), 'tester');
    expect({ status: first.status, added: first.added, unchanged: first.unchanged }).toEqual({
      status: 'done',
      added: 2,
      unchanged: 0,
    });
    const again = await app.records.importFile('hospital_births', file(GOOD), 'tester');
    expect({ added: again.added, unchanged: again.unchanged }).toEqual({ added: 0, unchanged: 2 });
    expect(await stored(app)).toBe(2);
  });

  it('keeps no ID number in plain text, yet can find the record by its blind index', async () => {
    const text = await sql<{
      t: string;
    }>`select string_agg(payload::text, ' ') as t from department_records`.execute(app.db);
    expect(text.rows[0]?.t).not.toContain(MOTHER_ID);
    const hit = await app.db
      .selectFrom('department_records')
      .select('record_id')
      .where('id_number_index', '=', app.crypto.hmacSm3('blind-index', MOTHER_ID))
      .execute();
    expect(hit.map((r) => r.record_id)).toEqual(['HB1']);
  });

  it('rejects a whole file for one bad row, writing a report beside it, and applies nothing', async () => {
    const path = file(`${HEADER}
HB3,小明,1,2021-03-04,652926100002,王芳,${MOTHER_ID},
HB4,小红,3,2023-02-30,652926100002,王芳,${MOTHER_ID},
HB3,小明,1,2021-03-04,652926100002,王芳,${MOTHER_ID},
`);
    const result = await app.records.importFile('hospital_births', path, 'tester');
    expect(result.status).toBe('rejected');
    expect(result.problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [3, 'sex', 'INVALID_VALUE'],
      [3, 'birth_date', 'INVALID_DATE'],
      [4, 'record_id', 'DUPLICATE_RECORD_ID'],
    ]);
    expect(readFileSync(result.report as string, 'utf8')).toContain('2023-02-30');
    expect(await stored(app)).toBe(2);
  });

  it('rejects a file that reuses a stored record_id for other content', async () => {
    const result = await app.records.importFile(
      'hospital_births',
      file(
        `${HEADER}\nHB5,新生儿,1,2021-05-05,652926100002,王芳,${MOTHER_ID},\nHB1,改名,1,2021-01-03,652926201202,买吾拉,${MOTHER_ID},\n`,
      ),
      'tester',
    );
    expect(result.problems.map((p) => [p.row, p.code])).toEqual([[3, 'RECORD_ID_CONFLICT']]);
    expect(await stored(app)).toBe(2);
  });

  it('names a missing column, a foreign encoding and an unknown source before reading rows', async () => {
    await expect(
      app.records.importFile('hospital_births', file('record_id,name\nHB9,x\n'), 'tester'),
    ).rejects.toThrow(/mother_id_number/);
    await expect(
      app.records.importFile(
        'hospital_births',
        file(Buffer.concat([Buffer.from('record_id,name\n'), Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0x0a])])),
        'tester',
      ),
    ).rejects.toThrow(/GBK/);
    await expect(app.records.importFile('police', file(GOOD), 'tester')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
