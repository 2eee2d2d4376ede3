// The register API over HTTP: search by name, pinyin, initials and ID number; scope (404 for a
// person of another township, 403 for another township's list); masked ID numbers; the reveal with
// permission, purpose and step-up; events from forms, idempotent by event_id; leaders cannot write.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../../http/http-app';
import { TestClient } from '../../testing/http-client';
import { EVENTS, PERSONS, WANG_FANG_ID, writeDataset } from '../../testing/register-fixtures';
import { openTestApplication, seedCounty, TEST_PASSWORD } from '../../testing/test-application';

type App = Awaited<ReturnType<typeof openTestApplication>>;
let app: App;
let server: FastifyInstance;

beforeAll(async () => {
  app = await openTestApplication();
  await seedCounty(app);
  await app.register.importDirectory(writeDataset({ persons: PERSONS, events: EVENTS }), {
    username: 'tester',
  });
  server = await buildHttpApp(app);
});
afterAll(async () => {
  await server.close();
  await app.close();
});

const signedIn = (username: string) => TestClient.signedIn(server, username);

const keys = (body: Record<string, unknown>) =>
  (body.items as { personKey: string }[]).map((p) => p.personKey);

describe('person search', () => {
  it('finds by characters, pinyin, initials and the full ID number, within the scope', async () => {
    const county = await signedIn('county');
    expect(keys((await county.get('/api/persons?q=' + encodeURIComponent('王芳'))).body)).toEqual(['P3']);
    expect(keys((await county.get('/api/persons?q=' + encodeURIComponent('芳'))).body)).toEqual(['P3']);
    // All the characters, in their order: 芳王 is not 王芳.
    expect(keys((await county.get('/api/persons?q=' + encodeURIComponent('芳王'))).body)).toEqual([]);
    expect(keys((await county.get('/api/persons?q=wangfang')).body)).toEqual(['P3']);
    expect(keys((await county.get('/api/persons?q=wff')).body)).toEqual(['P3']);
    expect(keys((await county.get(`/api/persons?q=${WANG_FANG_ID}`)).body)).toEqual(['P3']);
    expect(keys((await county.get('/api/persons?q=mmt')).body)).toEqual(['P2']);
    const all = await county.get('/api/persons?pageSize=50');
    expect(all.body.total).toBe(5);
  });

  it('never sends an unmasked ID number', async () => {
    const county = await signedIn('county');
    const list = await county.get(`/api/persons?q=${WANG_FANG_ID}`);
    const detail = await county.get('/api/persons/P3');
    for (const answer of [list, detail]) {
      expect(JSON.stringify(answer.body)).not.toContain(WANG_FANG_ID);
      expect(JSON.stringify(answer.body)).toContain(`6529**********${WANG_FANG_ID.slice(-4)}`);
    }
  });

  it("gives a township officer 404 for another township's person and 403 for its list", async () => {
    const township2 = await signedIn('township2'); // 铁热克镇 652926101: P3 lives there
    expect(keys((await township2.get('/api/persons')).body)).toEqual(['P3']);
    expect((await township2.get('/api/persons/P3')).status).toBe(200);
    const other = await township2.get('/api/persons/P1');
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('NOT_FOUND');
    expect((await township2.get('/api/persons/NOBODY')).body).toMatchObject({ code: 'NOT_FOUND' });
    expect((await township2.get('/api/persons?jurisdiction=652926100')).status).toBe(403);
    const township = await signedIn('township'); // 拜城镇 652926100
    expect(keys((await township.get('/api/persons?pageSize=50')).body).sort()).toEqual([
      'C1',
      'P1',
      'P2',
      'P5',
    ]);
  });

  it('shows the family, the timeline with voided events and the place history', async () => {
    const county = await signedIn('county');
    const mother = await county.get('/api/persons/P1');
    const relatives = mother.body.relatives as { personKey: string; kinship: string }[];
    expect(relatives).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ personKey: 'P5', kinship: 'child' }),
        expect.objectContaining({ personKey: 'C1', kinship: 'child' }),
      ]),
    );
    const wang = await county.get('/api/persons/P3');
    const timeline = wang.body.timeline as { eventId: string; voided: boolean }[];
    expect(timeline.find((e) => e.eventId === 'E2')?.voided).toBe(true);
    expect(timeline.find((e) => e.eventId === 'E9')?.voided).toBe(false);
  });
});

describe('reveal of the full ID number', () => {
  it('needs the permission, a purpose and a password re-entered within five minutes', async () => {
    const township = await signedIn('township2');
    expect((await township.post('/api/persons/P3/reveal-id', { purpose: '核对' })).status).toBe(403);
    const county = await signedIn('county');
    const before = await county.post('/api/persons/P3/reveal-id', { purpose: '核对奖扶资格' });
    expect(before.status).toBe(401);
    expect(before.body.code).toBe('STEP_UP_REQUIRED');
    expect((await county.post('/api/auth/step-up', { password: 'wrong' })).status).toBe(401);
    expect((await county.post('/api/auth/step-up', { password: TEST_PASSWORD })).status).toBe(200);
    expect((await county.post('/api/persons/P3/reveal-id', { purpose: '' })).status).toBe(400);
    const revealed = await county.post('/api/persons/P3/reveal-id', { purpose: '核对奖扶资格' });
    expect(revealed.body).toEqual({ idNumber: WANG_FANG_ID });
    app.clock.advance(6 * 60_000);
    expect((await county.post('/api/persons/P3/reveal-id', { purpose: '核对奖扶资格' })).body.code).toBe(
      'STEP_UP_REQUIRED',
    );
    const audit = await app.db
      .selectFrom('audit_log')
      .select(['action', 'purpose'])
      .where('action', '=', 'person.reveal_id')
      .execute();
    expect(audit).toEqual([{ action: 'person.reveal_id', purpose: '核对奖扶资格' }]);
  });
});

describe('events from forms', () => {
  it('registers a birth once however often the form is sent, and refuses the leader', async () => {
    const township = await signedIn('township');
    const birth = {
      event_id: 'web-birth-1',
      type: 'birth',
      date: '2023-06-01',
      mother_id: 'P1',
      father_id: 'P2',
      name: '努尔·买买提',
      sex: '2',
      hukou_code: '652926100002',
      residence_code: '652926100003',
    };
    const first = await township.post('/api/register/events', birth);
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('accepted');
    const again = await township.post('/api/register/events', birth);
    expect(again.body).toMatchObject({ status: 'unchanged', personKey: first.body.personKey });
    expect(keys((await township.get('/api/persons?q=nuer')).body)).toEqual([first.body.personKey]);

    const leader = await signedIn('leader');
    expect((await leader.post('/api/register/events', { ...birth, event_id: 'web-birth-2' })).status).toBe(
      403,
    );
    const toMan = await township.post('/api/register/events', {
      ...birth,
      event_id: 'web-birth-3',
      mother_id: 'P2',
    });
    expect(toMan.status).toBe(400);
    expect(toMan.body.details).toEqual([expect.objectContaining({ field: 'mother_id' })]);
    const unknownField = await township.post('/api/register/events', {
      ...birth,
      event_id: 'web-birth-4',
      color: 'red',
    });
    expect(unknownField.status).toBe(400);
    const otherTownship = await signedIn('township2');
    const outside = await otherTownship.post('/api/register/events', { ...birth, event_id: 'web-birth-5' });
    expect(outside.status).toBe(404);
  });
});
