// Civil-affairs marriages and divorces on a generated county: a file row is stored as its two parties
// (record_id#1, #2) with both ID numbers sealed, a re-import is unchanged, and `link --source
// civil_marriages` finds each party's register person, measured against the generator's truth. The
// 婚姻登记未入库 list holds a marriage the register lacks, inside the township, until the register
// records it or a clerk dismisses it with a reason.
import { DomainError, SYNTHETIC_FILES, type MarriageEntry } from '@renkou/core';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvText, importGeneratedRegister } from '../../testing/generated-county';
import { actor, openTestApplication, seedCounty } from '../../testing/test-application';
import { OTHER_TOWNSHIP, TOWNSHIP } from './records-fixtures';

type App = Awaited<ReturnType<typeof openTestApplication>>;

let app: App;
let path: string;
let fileRows: Record<string, string>[];
let idNumbers: Map<string, string>;
/** party record_id → person_id */
const truth = new Map<string, string>();

beforeAll(async () => {
  app = await openTestApplication();
  await seedCounty(app);
  const { dir, rowsOf, county } = await importGeneratedRegister(app, {
    townships: [TOWNSHIP, OTHER_TOWNSHIP],
    persons: 1500,
    from: '2019-01-01',
    to: '2024-12-31',
    seed: 5,
  });
  fileRows = rowsOf('civil_marriages');
  idNumbers = new Map(county.persons.map((p) => [p.person_id, p.id_number]));
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

  const county = actor('county_officer', '652926');
  const township = actor('township_officer', TOWNSHIP);
  const otherTownship = actor('township_officer', OTHER_TOWNSHIP);
  const listed = async (who: typeof county): Promise<MarriageEntry[]> =>
    (await app.records.marriages.list(who, { page: 1, pageSize: 200 })).items;

  /** Two never-married adults of the township, a man and a woman, whom civil affairs then marries. */
  async function couple(skip: number): Promise<[string, string]> {
    const pick = (sex: number) =>
      app.db
        .selectFrom('persons')
        .select(['person_key', 'name'])
        .where('sex', '=', sex)
        .where('marital_status', '=', '10')
        .where('status', '=', 'resident')
        .where('birth_date', '<', '1996-01-01')
        .where('hukou_code', 'like', `${TOWNSHIP}%`)
        .where('residence_code', 'like', `${TOWNSHIP}%`)
        .orderBy('person_key')
        .offset(skip)
        .limit(1)
        .executeTakeFirstOrThrow();
    const [man, woman] = [await pick(1), await pick(2)];
    return [man.person_key, woman.person_key];
  }

  async function civilRecord(recordId: string, man: string, woman: string): Promise<void> {
    const nameOf = async (key: string) =>
      (
        await app.db
          .selectFrom('persons')
          .select('name')
          .where('person_key', '=', key)
          .executeTakeFirstOrThrow()
      ).name;
    const file = `${path}.${recordId}.csv`;
    const row = {
      record_id: recordId,
      event: 'marriage',
      date: '2024-06-01',
      id_number_1: idNumbers.get(man) ?? '',
      name_1: await nameOf(man),
      id_number_2: idNumbers.get(woman) ?? '',
      name_2: await nameOf(woman),
    };
    writeFileSync(file, csvText(SYNTHETIC_FILES.civil_marriages, [row]));
    expect(await app.records.importFile('civil_marriages', file, 'tester')).toMatchObject({ status: 'done' });
  }

  it('lists no marriage of the generated county: the register holds every one', async () => {
    const items = await listed(county);
    // Only a party linked to the wrong person could put a generated record on the list.
    const rightlyLinked = items.filter((item) =>
      item.parties.every((p) => truth.get(`${item.recordId}#${p.side}`) === p.person.personKey),
    );
    expect(rightlyLinked).toEqual([]);
    expect(items.length).toBeLessThanOrEqual(2);
  });

  it('lists a marriage the register lacks inside the township, until the register records it', async () => {
    const [man, woman] = await couple(0);
    await civilRecord('CMX0001', man, woman);
    await app.records.link('civil_marriages', 'tester');
    const item = (await listed(county)).find((i) => i.recordId === 'CMX0001');
    expect(item).toMatchObject({
      event: 'marriage',
      date: '2024-06-01',
      prefill: { form: 'marriage', query: { person: man }, values: { spouse_id: woman, date: '2024-06-01' } },
    });
    expect(item!.parties.map((p) => p.person.personKey)).toEqual([man, woman]);
    expect(item!.parties[0].person.maritalStatus).toBe('10');
    expect(item!.parties[0].person.idNumber).toMatch(/^\d{4}\*+[\dX]{4}$/);
    expect((await listed(township)).map((i) => i.recordId)).toContain('CMX0001');
    expect((await listed(otherTownship)).map((i) => i.recordId)).not.toContain('CMX0001');
    expect(await app.records.marriages.count(county)).toBe((await listed(county)).length);

    // The clerk records it with the register's marriage form: the item leaves the list by itself.
    await app.persons.recordEvent(township, {
      type: 'marriage',
      date: '2024-06-01',
      person_id: man,
      spouse_id: woman,
    });
    expect((await listed(county)).map((i) => i.recordId)).not.toContain('CMX0001');
  }, 60_000);

  it('dismisses an item with a reason, audited, only inside the scope, and a retry changes nothing', async () => {
    const [man, woman] = await couple(1);
    await civilRecord('CMX0002', man, woman);
    await app.records.link('civil_marriages', 'tester');
    expect((await listed(township)).map((i) => i.recordId)).toContain('CMX0002');
    await expect(app.records.marriages.dismiss(township, 'CMX0002', ' ')).rejects.toThrow('原因');
    const outside = await app.records.marriages.dismiss(otherTownship, 'CMX0002', '已核实').catch((e) => e);
    expect(outside).toBeInstanceOf(DomainError);
    expect((outside as DomainError).code).toBe('NOT_FOUND');

    await app.records.marriages.dismiss(township, 'CMX0002', '民政记录有误，已与民政核实');
    await app.records.marriages.dismiss(township, 'CMX0002', '民政记录有误，已与民政核实');
    expect((await listed(county)).map((i) => i.recordId)).not.toContain('CMX0002');
    const audit = await app.db
      .selectFrom('audit_log')
      .select(['action', 'purpose'])
      .where('action', '=', 'records.marriage_dismiss')
      .execute();
    expect(audit).toEqual([{ action: 'records.marriage_dismiss', purpose: '民政记录有误，已与民政核实' }]);
  }, 60_000);
});
