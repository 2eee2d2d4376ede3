// Statistics on a real database: the flows balance in every township, the children add up, the
// hukou basis differs from residence, and bad requests get clear errors (scope, code, period).
import { Role } from '@renkou/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS, PERSONS, writeDataset } from '../../testing/register-fixtures';
import { buildHttpApp } from '../../http/http-app';
import { TestClient } from '../../testing/http-client';
import { actor, openTestApplication, seedCounty } from '../../testing/test-application';

type App = Awaited<ReturnType<typeof openTestApplication>>;
const period = { jurisdiction: '652926', from: '2021-01-01', to: '2022-12-31' };

describe('statistics', () => {
  let app: App;
  beforeAll(async () => {
    app = await openTestApplication();
    await seedCounty(app);
    await app.register.importDirectory(writeDataset({ persons: PERSONS, events: EVENTS }), {
      username: 'tester',
    });
  });
  afterAll(async () => app.close());

  it('balances start + births − deaths + in − out = end for the county and every township', async () => {
    const result = await app.statistics.compute(period);
    const county = result.indicators;
    // One birth in 2021 (C1, a boy, in 拜城镇): C2's birth names a father as mother and was rejected.
    expect({ births: county.births, births_male: county.births_male, srb: county.srb }).toEqual({
      births: 1,
      births_male: 1,
      srb: null,
    });
    for (const { indicators: i } of [result, ...(result.children ?? [])]) {
      expect(i.population_start + i.births - i.deaths + i.moves_in - i.moves_out).toBe(i.population_end);
    }
    const sum = (key: 'births' | 'population_end') =>
      (result.children ?? []).reduce((total, child) => total + child.indicators[key], 0);
    expect(sum('births')).toBe(county.births);
    expect(result.children?.map((c) => c.jurisdiction)).toContain('652926100');
    expect(result.children).toHaveLength(14);
  });

  it('counts no move of the county when the only moves were voided or rejected', async () => {
    const town = await app.statistics.compute({ ...period, jurisdiction: '652926100', children: false });
    const county = await app.statistics.compute({ ...period, children: false });
    // P3's move (E2) was voided, P1's (E5) named an unknown village and was rejected.
    expect(town.children).toBeUndefined();
    expect([county.indicators.moves_in, county.indicators.moves_out]).toEqual([0, 0]);
    expect(town.indicators.person_years).toBeGreaterThan(0);
  });

  it('answers the same through the scope check, and refuses a jurisdiction outside it', async () => {
    const township = actor(Role.TownshipOfficer, '652926100');
    const own = await app.statistics.indicators(township, { ...period, jurisdiction: '652926100' });
    expect(own.indicators.births).toBe(1);
    await expect(
      app.statistics.indicators(township, { ...period, jurisdiction: '652926101' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('names the problem of a bad request', async () => {
    await expect(app.statistics.compute({ ...period, jurisdiction: '652999' })).rejects.toMatchObject({
      code: 'UNKNOWN_JURISDICTION',
    });
    await expect(
      app.statistics.compute({ ...period, from: '2022-02-01', to: '2022-01-01' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'from' }],
    });
    await expect(app.statistics.compute({ ...period, from: '2023-02-30' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(app.statistics.compute({ ...period, to: '2030-12-31' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'to' }],
    });
  });

  it('serves GET /api/stats in the shape of `renkou stats --json`, within the user’s scope', async () => {
    const server = await buildHttpApp(app);
    try {
      const client = new TestClient(server);
      expect((await client.login('township')).status).toBe(200);
      const query = 'from=2021-01-01&to=2022-12-31&children=false';
      const own = await client.get(`/api/stats?jurisdiction=652926100&${query}`);
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({
        jurisdiction: '652926100',
        basis: 'residence',
        indicators: { births: 1 },
      });
      expect(Object.keys((own.body.indicators as { asfr: object }).asfr)).toHaveLength(35);
      expect((await client.get(`/api/stats?jurisdiction=652926101&${query}`)).status).toBe(403);
      // A birth registered now is counted by the next request: no nightly run, no stale cache.
      const birth = {
        event_id: 'stats-birth-1',
        type: 'birth',
        date: '2022-06-01',
        mother_id: 'P1',
        name: '阿依努尔',
        sex: '2',
        hukou_code: '652926100002',
        residence_code: '652926100002',
      };
      expect((await client.post('/api/register/events', birth)).body.status).toBe('accepted');
      const after = await client.get(`/api/stats?jurisdiction=652926100&${query}`);
      expect(after.body).toMatchObject({ indicators: { births: 2, births_female: 1 } });
      const bad = await client.get('/api/stats?jurisdiction=652926100&from=2022-01-01&to=2021-01-01');
      expect({ status: bad.status, code: bad.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    } finally {
      await server.close();
    }
  });

  it('refuses a projection it cannot make, saying why', async () => {
    const query = { jurisdiction: '652926', base: '2023-12-31', years: 20 };
    // Five people cannot give a life table: zero exposure at most ages.
    await expect(app.statistics.project(query)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('无法编制生命表'),
    });
    await expect(app.statistics.project({ ...query, years: 3 })).rejects.toMatchObject({
      details: [{ field: 'years' }],
    });
    await expect(app.statistics.project({ ...query, base: '2023-02-30' })).rejects.toMatchObject({
      details: [{ field: 'base' }],
    });
    await expect(
      app.statistics.projection(actor(Role.TownshipOfficer, '652926100'), {
        ...query,
        jurisdiction: '652926101',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
