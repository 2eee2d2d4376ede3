// Hukou rows of a move in, a move out or a death with no register person (户籍变动未对上): their own
// list in the row's village, counted on the 核对 page, resolved with a reason; a move in opens the
// register's hukou form prefilled. On a generated county plus three rows of people it never had.
import type { FastifyInstance } from 'fastify';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../../http/http-app';
import { csvText } from '../../testing/generated-county';
import { TestClient } from '../../testing/http-client';
import { openTestApplication, seedCounty } from '../../testing/test-application';
import {
  importGeneratedCounty,
  OTHER_TOWNSHIP,
  TOWNSHIP,
  type App,
  type GeneratedCounty,
} from './records-fixtures';

interface Entry {
  id: string;
  item: string;
  source: string;
  recordId: string;
  record: { name: string; event: string; date: string | null; place: string | null };
}

let app: App;
let server: FastifyInstance;
let county: GeneratedCounty;
const villages: Record<string, string> = {};

beforeAll(async () => {
  app = await openTestApplication();
  await seedCounty(app);
  county = await importGeneratedCounty(app, 1500, ['hukou']);
  for (const township of [TOWNSHIP, OTHER_TOWNSHIP]) {
    const village = await app.db
      .selectFrom('jurisdictions')
      .select('code')
      .where('parent_code', '=', township)
      .orderBy('code')
      .executeTakeFirstOrThrow();
    villages[township] = village.code;
  }
  const row = (id: string, name: string, event: string, place: string, idNumber: string) => ({
    record_id: id,
    id_number: idNumber,
    name,
    sex: '1',
    birth_date: '1990-03-04',
    hukou_code: place,
    event,
    event_date: '2024-06-10',
  });
  const path = join(tmpdir(), `hukou-unmatched-${process.pid}.csv`);
  writeFileSync(
    path,
    csvText(
      ['record_id', 'id_number', 'name', 'sex', 'birth_date', 'hukou_code', 'event', 'event_date'],
      [
        row('XK1', '欧阳测迁', 'move_in', villages[TOWNSHIP] ?? '', '110105199003041236'),
        row('XK2', '司马测出', 'move_out', villages[OTHER_TOWNSHIP] ?? '', '110105199003041252'),
        row('XK3', '诸葛测亡', 'death', villages[TOWNSHIP] ?? '', '110105199003041279'),
      ],
    ),
  );
  expect((await app.records.importFile('hukou', path, 'tester')).status).toBe('done');
  await app.records.link('hukou', 'tester');
  server = await buildHttpApp(app);
}, 300_000);
afterAll(async () => {
  await server?.close();
  await app?.close();
});

/** The hukou form's values for XK1, as the 核对 page hands them over. */
let moveInPrefill: Record<string, string> = {};

const signedIn = (username: string) => TestClient.signedIn(server, username);

async function list(client: TestClient, item: string): Promise<{ items: Entry[]; total: number }> {
  const answer = await client.get(`/api/records/worklists/${item}?pageSize=200`);
  expect(answer.status).toBe(200);
  return answer.body as { items: Entry[]; total: number };
}

describe('hukou rows without a register person', () => {
  it('lists every move in, move out and death the run found no person for, and nothing else', async () => {
    const unmatched = await app.db
      .selectFrom('link_decisions as d')
      .innerJoin('department_records as r', (j) =>
        j.onRef('r.source', '=', 'd.source').onRef('r.record_id', '=', 'd.record_id'),
      )
      .select(['d.record_id', 'r.payload'])
      .where('d.source', '=', 'hukou')
      .where('d.verdict', '=', 'non_match')
      .execute();
    const expected = unmatched
      .filter((d) => (d.payload as { event: string }).event !== 'birth')
      .map((d) => d.record_id)
      .sort();
    expect(expected).toEqual(expect.arrayContaining(['XK1', 'XK2', 'XK3']));
    // The generator's own rows on it are the few the model could not place (its truth names a person).
    for (const id of expected.filter((e) => !e.startsWith('XK')))
      expect(county.truth.hukou.get(id)).not.toBe('');
    const { items, total } = await list(await signedIn('county'), 'hukou_unmatched');
    expect(items.map((e) => e.recordId).sort()).toEqual(expected);
    expect(total).toBe(expected.length);
    const moveIn = items.find((e) => e.recordId === 'XK1');
    expect(moveIn).toMatchObject({
      item: 'hukou_unmatched',
      record: { name: '欧阳测迁', event: 'move_in', date: '2024-06-10', place: villages[TOWNSHIP] },
    });
    // Its own page names the same list.
    const detail = await (await signedIn('township')).get(`/api/records/decisions/${moveIn?.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ item: 'hukou_unmatched', recordId: 'XK1' });
  });

  it('counts the new list with the others on the 核对 page, each count its list’s total', async () => {
    for (const user of ['county', 'township', 'township2']) {
      const client = await signedIn(user);
      const summary = (await client.get('/api/records/worklists')).body as Record<string, number>;
      expect(Object.keys(summary).sort()).toEqual(
        ['conflict', 'death_alive', 'hukou_unmatched', 'review', 'unregistered_birth'].sort(),
      );
      for (const [item, count] of Object.entries(summary))
        expect((await list(client, item)).total).toBe(count);
    }
  });

  it('keeps each row in its village’s township', async () => {
    const township = (await list(await signedIn('township'), 'hukou_unmatched')).items;
    const other = (await list(await signedIn('township2'), 'hukou_unmatched')).items;
    expect(township.every((e) => e.record.place?.startsWith(TOWNSHIP))).toBe(true);
    expect(other.every((e) => e.record.place?.startsWith(OTHER_TOWNSHIP))).toBe(true);
    expect(township.map((e) => e.recordId)).toEqual(expect.arrayContaining(['XK1', 'XK3']));
    expect(other.map((e) => e.recordId)).toContain('XK2');
    const xk2 = other.find((e) => e.recordId === 'XK2');
    const refused = await (
      await signedIn('township')
    ).post(`/api/records/decisions/${xk2?.id}/resolve`, {
      item: 'hukou_unmatched',
      action: 'dismiss',
      reason: '已核实',
    });
    expect(refused.status).toBe(404);
  });

  it('opens the hukou form for a move in; refuses registering a move out, naming the action', async () => {
    const officer = await signedIn('township');
    const items = (await list(officer, 'hukou_unmatched')).items;
    const moveIn = items.find((e) => e.recordId === 'XK1');
    const answer = await officer.post(`/api/records/decisions/${moveIn?.id}/resolve`, {
      item: 'hukou_unmatched',
      action: 'register',
      reason: '公安已办理迁入，登记库补登',
    });
    expect(answer.status).toBe(200);
    moveInPrefill = (answer.body.prefill as { values: Record<string, string> }).values;
    expect(answer.body.prefill).toEqual({
      form: 'hukou',
      query: {},
      values: {
        date: '2024-06-10',
        to_code: villages[TOWNSHIP],
        name: '欧阳测迁',
        sex: '1',
        birth_date: '1990-03-04',
      },
    });
    const other = await signedIn('township2');
    const moveOut = (await list(other, 'hukou_unmatched')).items.find((e) => e.recordId === 'XK2');
    const refused = await other.post(`/api/records/decisions/${moveOut?.id}/resolve`, {
      item: 'hukou_unmatched',
      action: 'register',
      reason: '补登',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('XK2');
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'action' })]);
    const noReason = await other.post(`/api/records/decisions/${moveOut?.id}/resolve`, {
      item: 'hukou_unmatched',
      action: 'dismiss',
      reason: ' ',
    });
    expect(noReason.status).toBe(400);
  });

  it('registers the move in as a newcomer from the prefilled form: a key of its own, a retry changes nothing', async () => {
    const officer = await signedIn('township');
    // The form sends no person_id for a newcomer; the origin lies outside the county (Beijing).
    const form = {
      ...moveInPrefill,
      type: 'hukou',
      event_id: 'arrival-xk1',
      from_code: '110105000000',
      id_number: '110105199003041232',
    };
    const recorded = await officer.post('/api/register/events', form);
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({ personKey: 'a-arrival-xk1', status: 'accepted' });
    const again = await officer.post('/api/register/events', form);
    expect(again.body).toMatchObject({ personKey: 'a-arrival-xk1', status: 'unchanged' });
    const person = await app.db
      .selectFrom('persons')
      .select(['name', 'sex', 'birth_date', 'hukou_code', 'residence_code'])
      .where('person_key', '=', 'a-arrival-xk1')
      .executeTakeFirstOrThrow();
    // A hukou arrival keeps living where they came from (stored shortened) until a move says otherwise.
    expect(person).toEqual({
      name: '欧阳测迁',
      sex: 1,
      birth_date: '1990-03-04',
      hukou_code: villages[TOWNSHIP],
      residence_code: '110105',
    });
    const stranger = await signedIn('township2');
    const refused = await stranger.post('/api/register/events', { ...form, event_id: 'arrival-xk1-2' });
    expect(refused.status).toBe(403);
  });

  it('resolves a row once with a reason, audited; a retry is refused and the count drops by one', async () => {
    const officer = await signedIn('township');
    const before = await list(officer, 'hukou_unmatched');
    const death = before.items.find((e) => e.recordId === 'XK3');
    const body = { item: 'hukou_unmatched', action: 'keep', reason: '登记库另有此人，户籍姓名写法不同' };
    expect((await officer.post(`/api/records/decisions/${death?.id}/resolve`, body)).status).toBe(200);
    expect((await officer.post(`/api/records/decisions/${death?.id}/resolve`, body)).status).toBe(409);
    const after = await list(officer, 'hukou_unmatched');
    expect(after.total).toBe(before.total - 1);
    expect(after.items.map((e) => e.recordId)).not.toContain('XK3');
    const audit = await app.db
      .selectFrom('audit_log')
      .select(['purpose', 'details'])
      .where('action', '=', 'records.resolve')
      .execute();
    expect(audit.find((a) => a.purpose === body.reason)?.details).toMatchObject({
      item: 'hukou_unmatched',
      action: 'keep',
      recordId: 'XK3',
    });
    const stored = await app.db
      .selectFrom('link_resolutions')
      .selectAll()
      .where('decision_id', '=', death?.id ?? '')
      .execute();
    expect(stored).toMatchObject([{ item: 'hukou_unmatched', action: 'keep', reason: body.reason }]);
  });
});
