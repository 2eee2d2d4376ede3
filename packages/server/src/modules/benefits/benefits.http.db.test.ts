// The benefits API over HTTP: entry and review with separation of duties, scope (404 for another
// township's case, 403 for its list), the 公示 list with masked ID numbers, screening explanations,
// batch over budget, validation and the OpenAPI description.
import { Role } from '@renkou/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../../http/http-app';
import { TestClient } from '../../testing/http-client';
import { openTestApplication, seedCounty, TEST_PASSWORD } from '../../testing/test-application';
import { importBenefitRegister, LI_XIUYING_ID } from './test-fixtures';

type App = Awaited<ReturnType<typeof openTestApplication>>;
let app: App;
let server: FastifyInstance;

beforeAll(async () => {
  app = await openTestApplication();
  await seedCounty(app);
  for (const [username, role, scope] of [
    ['village', Role.VillageWorker, '652926100002'],
    ['township-b', Role.TownshipOfficer, '652926100'],
    ['finance1', Role.Finance, '652926'],
  ] as const) {
    await app.users.createBySystem({
      username,
      displayName: username,
      role,
      scope,
      password: TEST_PASSWORD,
      mustChangePassword: false,
    });
  }
  await importBenefitRegister(app);
  server = await buildHttpApp(app);
});
afterAll(async () => {
  await server.close();
  await app.close();
});

const signedIn = (username: string) => TestClient.signedIn(server, username);

describe('benefits API', () => {
  it('explains screening decisions within the scope', async () => {
    const township = await signedIn('township');
    const answer = await township.get(
      '/api/benefits/programmes/tefu/screening?date=2026-03-01&outcome=eligible',
    );
    expect(answer.status).toBe(200);
    const items = answer.body.items as {
      personKey: string;
      explanation: { children: unknown[] };
      explanationText: string;
    }[];
    expect(items.map((i) => i.personKey).sort()).toEqual(['F1', 'M1']);
    expect(items[0]!.explanation.children.length).toBeGreaterThan(3);
    expect(items[0]!.explanationText).toContain('现无存活子女');
    expect(
      (await township.get('/api/benefits/programmes/tefu/screening?jurisdiction=652926101')).status,
    ).toBe(403);
    expect((await township.get('/api/benefits/programmes/nothing/screening')).status).toBe(404);
  });

  it('enters, refuses the entrant as approver, hides the case from another township, and posts the 公示', async () => {
    const township = await signedIn('township');
    const entered = await township.post('/api/benefits/applications', {
      programmeCode: 'tefu',
      personKey: 'M1',
      bankAccount: '6228480011112222',
      accountName: '李秀英',
    });
    expect(entered.status).toBe(200);
    const id = entered.body.id as string;
    expect(JSON.stringify(entered.body)).not.toContain('6228480011112222');

    const own = await township.post(`/api/benefits/applications/${id}/actions`, { action: 'villageApprove' });
    expect(own.status).toBe(403);
    expect(own.body.details).toEqual([{ reason: 'BENEFIT_ENTRANT_CANNOT_APPROVE' }]);

    const township2 = await signedIn('township2');
    expect((await township2.get(`/api/benefits/applications/${id}`)).status).toBe(404);
    expect(
      (await township2.post(`/api/benefits/applications/${id}/actions`, { action: 'reject', reason: '越权' }))
        .status,
    ).toBe(404);
    expect((await township2.get('/api/benefits/applications?jurisdiction=652926100')).status).toBe(403);
    expect((await township2.get('/api/benefits/applications')).body).toMatchObject({ total: 0, items: [] });

    const leader = await signedIn('leader');
    expect(
      (await leader.post('/api/benefits/applications', { programmeCode: 'tefu', personKey: 'F1' })).status,
    ).toBe(403);

    const second = await signedIn('township-b');
    expect((await second.post(`/api/benefits/applications/${id}/actions`, { action: 'bogus' })).status).toBe(
      400,
    );
    const approved = await second.post(`/api/benefits/applications/${id}/actions`, {
      action: 'villageApprove',
      noticeDays: 5,
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'public_notice', notice: { days: 5, round: 1 } });

    const village = await signedIn('village');
    const notices = await village.get('/api/benefits/notices?village=652926100002');
    expect(notices.status).toBe(200);
    expect(notices.body.items).toEqual([
      {
        name: '李秀英',
        villageCode: '652926100002',
        villageName: expect.any(String),
        programme: '计划生育家庭特别扶助',
        amountFen: 59000,
        amountBasis: 'per_month',
        idNumberMasked: `6529**********${LI_XIUYING_ID.slice(-4)}`,
        firstDay: '2026-03-02',
        lastDay: '2026-03-06',
      },
    ]);
    expect(JSON.stringify(notices.body)).not.toContain(LI_XIUYING_ID);
    expect((await township2.get('/api/benefits/notices?village=652926100002')).status).toBe(403);
    // After the period the notice is taken down.
    const later = await village.get('/api/benefits/notices?village=652926100002&date=2026-03-07');
    expect(later.body.items).toEqual([]);

    const trail = await township.get(`/api/benefits/applications/${id}`);
    expect((trail.body.trail as { action: string }[]).map((s) => s.action)).toEqual([
      'submit',
      'villageApprove',
    ]);

    const bulk = await second.post('/api/benefits/applications/bulk-actions', {
      ids: [id, '00000000-0000-7000-8000-000000000999'],
      command: { action: 'closeNotice' },
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body).toMatchObject({
      changed: 0,
      refused: 2,
      results: [
        { id, ok: false, code: 'BENEFIT_NOTICE_PERIOD_NOT_OVER' },
        { ok: false, code: 'NOT_FOUND' },
      ],
    });
  });

  it('builds batches only with the payment permission and within the budget', async () => {
    const county = await signedIn('county');
    expect(
      (await county.post('/api/benefits/batches', { programmeCode: 'tefu', period: '2026-03', budgetFen: 1 }))
        .status,
    ).toBe(403);
    const finance = await signedIn('finance1');
    const empty = await finance.post('/api/benefits/batches', {
      programmeCode: 'tefu',
      period: '2026-03',
      budgetFen: 1,
    });
    expect(empty.status).toBe(409);
    expect(empty.body.details).toEqual([{ reason: 'BENEFIT_BATCH_EMPTY' }]);
    expect(
      (
        await finance.post('/api/benefits/batches', {
          programmeCode: 'tefu',
          period: '2026-13',
          budgetFen: 1,
        })
      ).status,
    ).toBe(400);
    expect((await finance.get('/api/benefits/batches')).body).toEqual({ items: [] });
  });

  it('takes a declared child disability grade and a county top-up, naming a bad field', async () => {
    const township = await signedIn('township');
    const badGrade = await township.post('/api/benefits/applications', {
      programmeCode: 'tefu',
      personKey: 'M3',
      declared: { childDisabilityGrade: 5 },
    });
    expect(badGrade.status).toBe(400);
    expect(JSON.stringify(badGrade.body.details)).toContain('childDisabilityGrade');
    const county = await signedIn('county');
    const schedule = {
      effectiveFrom: '2027-01-01',
      amountFen: 70_000,
      basis: 'per_month',
      source: '拜城县人民政府〔2026〕3号',
      verified: true,
    };
    const badRegion = await county.post('/api/benefits/programmes/tefu/schedules', {
      categoryCode: 'child_died',
      schedule: { ...schedule, region: '65292' },
    });
    expect(badRegion.status).toBe(400);
    expect(JSON.stringify(badRegion.body.details)).toContain('region');
    const added = await county.post('/api/benefits/programmes/tefu/schedules', {
      categoryCode: 'child_died',
      schedule: { ...schedule, region: '652926' },
    });
    expect(added.status).toBe(200);
    expect(JSON.stringify(added.body)).toContain('"region":"652926"');
  });

  it('describes the routes in OpenAPI under the benefits tag', async () => {
    const response = await server.inject({ method: 'GET', url: '/api/docs/json' });
    const spec = response.json() as { paths: Record<string, Record<string, { tags?: string[] }>> };
    expect(spec.paths['/api/benefits/applications/{id}/actions']?.post?.tags).toEqual(['benefits']);
    expect(
      Object.keys(spec.paths).filter((path) => path.startsWith('/api/benefits/')).length,
    ).toBeGreaterThanOrEqual(12);
  });
});
