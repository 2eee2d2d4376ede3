// Register duplicates (重复登记) on a generated county with persons registered a second time by clerks
// (arrivals of people already in the register: same ID number, no ID number, a typo in the name, a
// birth date with day and month swapped), measured against that truth. The list stays in the township,
// a merge is a correction that statistics, the lists and later events honour, verify still proves the
// projection, and a rerun keeps what clerks decided.
import { chinaDate, Role, type DuplicateEntry } from '@renkou/core';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../../http/http-app';
import { TestClient } from '../../testing/http-client';
import { registerTwice } from '../../testing/register-twice';
import type { LifeEvent } from '../register';
import { actor, openTestApplication, seedCounty } from '../../testing/test-application';
import { importGeneratedCounty, OTHER_TOWNSHIP, TOWNSHIP, type App } from './records-fixtures';

let app: App;
let server: FastifyInstance;
/** original person key → its second record's key */
let truth: Map<string, string>;
const county = actor(Role.CountyOfficer, '652926');
const today = () => chinaDate(app.clock.now());

beforeAll(async () => {
  app = await openTestApplication();
  await seedCounty(app);
  await importGeneratedCounty(app, 1500, []);
  ({ truth } = await registerTwice(app, 16));
  server = await buildHttpApp(app);
}, 180_000);
afterAll(async () => {
  await server?.close();
  await app?.close();
});

const signedIn = (username: string) => TestClient.signedIn(server, username);

async function listed(client: TestClient): Promise<DuplicateEntry[]> {
  const answer = await client.get('/api/records/duplicates?pageSize=200');
  expect(answer.status).toBe(200);
  return answer.body.items as DuplicateEntry[];
}

const isTrue = (e: { a: { personKey: string }; b: { personKey: string } }) =>
  truth.get(e.a.personKey) === e.b.personKey || truth.get(e.b.personKey) === e.a.personKey;

describe('duplicates in the register', () => {
  it('finds every second record and little else (precision and recall against the truth)', async () => {
    const result = await app.records.runs.run('register', 'tester');
    const likely = result.pairs.filter((p) => p.probability >= 0.9);
    const found = result.pairs.filter((p) =>
      isTrue({ a: { personKey: p.personKeyA }, b: { personKey: p.personKeyB } }),
    );
    expect(found).toHaveLength(truth.size);
    expect(
      likely.filter((p) => isTrue({ a: { personKey: p.personKeyA }, b: { personKey: p.personKeyB } })),
    ).toHaveLength(truth.size);
    expect(truth.size / result.pairs.length).toBeGreaterThanOrEqual(0.9);
    expect(result.counts).toMatchObject({ pairs: result.pairs.length, likely: likely.length, kept: 0 });
    // Each pair carries the weight of each comparison, as the review page shows them.
    expect(found[0]?.comparisons.map((c) => c.name)).toEqual([
      'id_number',
      'name',
      'sex',
      'birth_date',
      'hukou_code',
    ]);
  }, 120_000);

  it('lists a township only the pairs with a person in it, ID numbers masked but for the differing digits', async () => {
    const all = await listed(await signedIn('county'));
    expect(all.length).toBeGreaterThanOrEqual(truth.size);
    for (const [username, township] of [
      ['township', TOWNSHIP],
      ['township2', OTHER_TOWNSHIP],
    ] as const) {
      const items = await listed(await signedIn(username));
      const touches = (e: DuplicateEntry) =>
        [e.a, e.b].some((p) => p.hukouCode.startsWith(township) || p.residenceCode.startsWith(township));
      expect(items.length).toBeGreaterThan(0);
      expect(items.every(touches)).toBe(true);
      expect(items.map((e) => e.id).sort()).toEqual(
        all
          .filter(touches)
          .map((e) => e.id)
          .sort(),
      );
    }
    for (const e of all)
      for (const id of [e.a.idNumber, e.b.idNumber])
        expect(id === '' || /^\d{4}[\d*]{10}[\dX]{4}$/.test(id)).toBe(true);
    const sameId = all.find((e) => e.a.idNumber !== '' && e.a.idNumber === e.b.idNumber);
    expect(sameId?.a.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
  });

  it('merges by a correction: the record that goes counts nowhere, takes no events, and verify still agrees', async () => {
    const client = await signedIn('county');
    const entry = (await listed(client)).find(isTrue);
    if (!entry) throw new Error('no true pair listed');
    const keep = truth.has(entry.a.personKey) ? entry.a : entry.b;
    const goes = keep === entry.a ? entry.b : entry.a;
    const query = { jurisdiction: '652926', from: '2024-01-01', to: '2024-12-31', basis: 'hukou' as const };
    // The aggregate tables are built now; the merge then reaches them through the incremental refresh.
    await app.statistics.cubes.rebuild();
    const before = (await app.statistics.compute(query, 'scan')).indicators.population_end;

    const other = await signedIn('township2');
    const foreign = ![keep, goes].some(
      (p) => p.hukouCode.startsWith(OTHER_TOWNSHIP) || p.residenceCode.startsWith(OTHER_TOWNSHIP),
    );
    if (foreign)
      expect(
        (
          await other.post(`/api/records/duplicates/${entry.id}/resolve`, {
            action: 'distinct',
            reason: '不是同一人',
          })
        ).status,
      ).toBe(404);
    expect(
      (await client.post(`/api/records/duplicates/${entry.id}/resolve`, { action: 'merge', reason: '合并' }))
        .status,
    ).toBe(400);
    const merged = await client.post(`/api/records/duplicates/${entry.id}/resolve`, {
      action: 'merge',
      keep: keep.personKey,
      reason: '同一人重复登记，核对户口簿',
    });
    expect(merged.status).toBe(200);
    expect(merged.body).toEqual({ id: entry.id, merged: goes.personKey });

    const row = await app.db
      .selectFrom('persons')
      .selectAll()
      .where('person_key', '=', goes.personKey)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'merged', duplicate_of: keep.personKey });
    const log = await app.db
      .selectFrom('register_events')
      .select(['kind', 'event_key'])
      .where('person_key', '=', goes.personKey)
      .execute();
    expect(log.map((e) => e.kind)).toEqual(['hukou', 'correction']);
    expect((await listed(client)).some((e) => e.id === entry.id)).toBe(false);

    for (const method of ['scan', 'cubes'] as const)
      expect((await app.statistics.compute(query, method)).indicators.population_end).toBe(before - 1);
    await expect(
      app.persons.recordEvent(county, { type: 'death', date: today(), person_id: goes.personKey }),
    ).rejects.toThrow(/重复记录/);
    expect(await app.register.verify()).toMatchObject({ ok: true, problems: [] });
    const audit = await app.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'records.duplicate_resolve')
      .execute();
    expect(audit).toHaveLength(1);

    // A retry of the same decision changes nothing more.
    const again = await client.post(`/api/records/duplicates/${entry.id}/resolve`, {
      action: 'merge',
      keep: keep.personKey,
      reason: '同一人重复登记，核对户口簿',
    });
    expect(again.status).toBe(409);
  });

  it('keeps decisions across a rerun: a merged or distinct pair does not come back', async () => {
    const client = await signedIn('county');
    const [first] = await listed(client);
    if (!first) throw new Error('no pair listed');
    expect(
      (
        await client.post(`/api/records/duplicates/${first.id}/resolve`, {
          action: 'distinct',
          reason: '双胞胎，不是同一人',
        })
      ).status,
    ).toBe(200);
    const open = (await listed(client)).length;
    const rerun = await app.records.runs.run('register', 'tester');
    expect(rerun.counts.kept).toBeGreaterThanOrEqual(1);
    const items = await listed(client);
    expect(items).toHaveLength(open);
    expect(
      items.some(
        (e) =>
          e.id === first.id || (e.a.personKey === first.a.personKey && e.b.personKey === first.b.personKey),
      ),
    ).toBe(false);
  }, 120_000);

  it('undoes a merge with an empty duplicate_of correction', async () => {
    const merged = await app.db
      .selectFrom('persons')
      .select(['person_key'])
      .where('status', '=', 'merged')
      .executeTakeFirstOrThrow();
    await app.persons.recordEvent(county, {
      type: 'correction',
      date: today(),
      person_id: merged.person_key,
      field: 'duplicate_of',
      value: '',
      reason: '误合并，撤销',
    });
    const row = await app.db
      .selectFrom('persons')
      .select(['status', 'duplicate_of'])
      .where('person_key', '=', merged.person_key)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'resident', duplicate_of: null });
    expect(await app.register.verify()).toMatchObject({ ok: true });
  });

  it('tells the other modules of a merge that arrives in an events.csv import', async () => {
    const heard: LifeEvent[] = [];
    app.register.onLifeEvents(async (events) => {
      heard.push(...events);
    });
    const [original, second] = [...truth].at(-1) as [string, string];
    const dir = mkdtempSync(join(tmpdir(), 'renkou-merge-'));
    writeFileSync(
      join(dir, 'dataset.json'),
      JSON.stringify({ coverage: '652926', start: '2019-01-01', end: '2024-12-31' }),
    );
    writeFileSync(
      join(dir, 'events.csv'),
      `event_id,type,date,person_id,field,value,reason\nM-1,correction,2024-12-01,${second},duplicate_of,${original},同一人重复登记\n`,
    );
    const result = await app.register.importDirectory(dir, { username: 'tester' });
    expect(result).toMatchObject({ accepted: 1, rejected: 0 });
    expect(heard).toEqual([{ type: 'merged', personKey: second, date: '2024-12-01', into: original }]);
    const row = await app.db
      .selectFrom('persons')
      .select(['status', 'duplicate_of'])
      .where('person_key', '=', second)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'merged', duplicate_of: original });
  });
});
