// Civil-affairs marriages and divorces on a generated county: a file row is stored as its two parties
// (record_id#1, #2) with both ID numbers sealed, a re-import is unchanged, and `link --source
// civil_marriages` finds each party's register person, measured against the generator's truth.
import { SYNTHETIC_FILES } from '@renkou/core';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvText, importGeneratedRegister } from '../../testing/generated-county';
import { openTestApplication, seedCounty } from '../../testing/test-application';
import { OTHER_TOWNSHIP, TOWNSHIP } from './records-fixtures';

type App = Awaited<ReturnType<typeof openTestApplication>>;

let app: App;
let path: string;
let fileRows: Record<string, string>[];
/** party record_id → person_id */
const truth = new Map<string, string>();

beforeAll(async () => {
  app = await openTestApplication();
  await seedCounty(app);
  const { dir, rowsOf } = await importGeneratedRegister(app, {
    townships: [TOWNSHIP, OTHER_TOWNSHIP],
    persons: 1500,
    from: '2019-01-01',
    to: '2024-12-31',
    seed: 5,
  });
  fileRows = rowsOf('civil_marriages');
  path = join(dir, 'civil_marriages.csv');
  writeFileSync(path, csvText(SYNTHETIC_FILES.civil_marriages, fileRows));
  for (const row of rowsOf('truth/civil_marriages')) {
    truth.set(`${row.record_id}#1`, row.person_id_1 ?? '');
    truth.set(`${row.record_id}#2`, row.person_id_2 ?? '');
  }
}, 120_000);
afterAll(async () => app?.close());

describe('civil-affairs marriages', () => {
  it('stores each row as its two parties, ID numbers sealed, and a re-import changes nothing', async () => {
    expect(fileRows.length).toBeGreaterThan(20);
    const first = await app.records.importFile('civil_marriages', path, 'tester');
    expect(first).toMatchObject({ status: 'done', added: fileRows.length, unchanged: 0 });
    const stored = await app.db
      .selectFrom('department_records')
      .select(['record_id', 'payload', 'id_number_index', 'record_date'])
      .where('source', '=', 'civil_marriages')
      .orderBy('record_id')
      .execute();
    expect(stored.length).toBe(2 * fileRows.length);
    const row = fileRows[0]!;
    const parties = stored.filter((s) => s.record_id.startsWith(`${row.record_id}#`));
    expect(parties.map((p) => p.record_id)).toEqual([`${row.record_id}#1`, `${row.record_id}#2`]);
    const payload = parties[0]!.payload as Record<string, string>;
    expect(payload).toMatchObject({ name: row.name_1, spouse_name: row.name_2, event: row.event, side: '1' });
    expect(payload.id_number).toBeUndefined();
    expect(JSON.stringify(payload)).not.toContain(row.id_number_1);
    expect(parties[0]!.id_number_index).not.toBeNull();
    expect(parties[0]!.id_number_index).not.toBe(parties[1]!.id_number_index);

    const again = await app.records.importFile('civil_marriages', path, 'tester');
    expect(again).toMatchObject({ status: 'done', added: 0, unchanged: fileRows.length });
  });

  it('rejects a file whose record reuses a stored record_id with other content, naming the row', async () => {
    const changed = fileRows.map((r, i) => (i === 3 ? { ...r, name_2: `${r.name_2}玲` } : r));
    const other = `${path}.changed.csv`;
    writeFileSync(other, csvText(SYNTHETIC_FILES.civil_marriages, changed));
    const result = await app.records.importFile('civil_marriages', other, 'tester');
    expect(result.status).toBe('rejected');
    expect(result.problems).toEqual([expect.objectContaining({ row: 5, code: 'RECORD_ID_CONFLICT' })]);
  });

  it('links each party to its register person', async () => {
    await app.records.link('civil_marriages', 'tester');
    const decisions = await app.db
      .selectFrom('link_decisions')
      .select(['record_id', 'person_key', 'verdict'])
      .where('source', '=', 'civil_marriages')
      .execute();
    expect(decisions.length).toBe(2 * fileRows.length);
    const matches = decisions.filter((d) => d.verdict === 'match');
    const right = matches.filter((d) => truth.get(d.record_id) === d.person_key);
    // Every party is in the register (the generator marries its own people).
    expect(right.length / matches.length).toBeGreaterThanOrEqual(0.98);
    expect(right.length / decisions.length).toBeGreaterThanOrEqual(0.95);
    // The two parties of a record are two different people.
    const byRecord = new Map<string, string[]>();
    for (const d of matches) {
      const record = d.record_id.slice(0, d.record_id.lastIndexOf('#'));
      byRecord.set(record, [...(byRecord.get(record) ?? []), d.person_key!]);
    }
    expect([...byRecord.values()].filter((keys) => keys.length === 2 && keys[0] === keys[1])).toEqual([]);
  }, 60_000);
});
