// The aggregate tables against the scan on a generated county (issue 4): every indicator of every
// jurisdiction, both bases, several whole-month periods — after the import, after form events
// (birth, death, move) applied incrementally, and after `renkou stats rebuild`, which must find
// nothing to correct.
import { Role, type Indicators } from '@renkou/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../../http/http-app';
import { importGeneratedRegister } from '../../testing/generated-county';
import { TestClient } from '../../testing/http-client';
import { actor, openTestApplication, seedCounty } from '../../testing/test-application';
import type { StatsQuery } from './statistics.service';

type App = Awaited<ReturnType<typeof openTestApplication>>;
const TOWNSHIPS = ['652926100', '652926101'];
const PERIODS: [string, string][] = [
  ['2019-01-01', '2019-12-31'],
  ['2020-02-01', '2020-02-29'],
  ['2021-03-01', '2024-12-31'],
];

describe('statistics aggregate tables', () => {
  let app: App;
  let village = '';
  beforeAll(async () => {
    app = await openTestApplication();
    await seedCounty(app);
    const generated = await importGeneratedRegister(app, {
      townships: TOWNSHIPS,
      persons: 1200,
      seed: 17,
      from: '2019-01-01',
      to: '2024-12-31',
    });
    village = generated.county.codes.find((code) => code.startsWith('652926100') && code.length === 12) ?? '';
    expect(await app.statistics.cubes.refresh({ rebuild: true })).toBe(true);
  }, 300_000);
  afterAll(async () => app.close());

  /** Cubes and scan for the county (with its children), a township and a village. */
  async function expectCubesEqualScan(): Promise<Indicators> {
    let county: Indicators | undefined;
    for (const basis of ['residence', 'hukou'] as const)
      for (const [from, to] of PERIODS)
        for (const jurisdiction of ['652926', '652926100', village]) {
          const query: StatsQuery = { jurisdiction, from, to, basis, children: jurisdiction === '652926' };
          const cubes = await app.statistics.compute(query, 'cubes');
          const scan = await app.statistics.compute(query, 'scan');
          expect(cubes, `${jurisdiction} ${from}…${to} ${basis}`).toEqual(scan);
          if (jurisdiction === '652926' && basis === 'residence' && to === '2024-12-31')
            county = cubes.indicators;
        }
    return county as Indicators;
  }

  it('give every indicator exactly as the scan does', async () => {
    const county = await expectCubesEqualScan();
    // The comparison is only worth something when every kind of count occurs.
    expect(Math.min(county.births, county.deaths, county.moves_in, county.moves_out)).toBeGreaterThan(5);
    expect(county.migrant_share).toBeGreaterThan(0);
  }, 300_000);

  it('give monthly and yearly series that count as `renkou stats` does for each point', async () => {
    for (const jurisdiction of ['652926', '652926101']) {
      const years = await app.statistics.computeTrend({
        jurisdiction,
        from: '2019-01',
        to: '2024-12',
        granularity: 'year',
      });
      expect(years.points.map((p) => p.period)).toEqual(['2019', '2020', '2021', '2022', '2023', '2024']);
      for (const point of years.points) {
        const { indicators: i } = await app.statistics.compute(
          { jurisdiction, from: point.from, to: point.to, children: false },
          'scan',
        );
        const {
          population_start,
          population_end,
          person_years,
          births,
          births_male,
          deaths,
          moves_in,
          moves_out,
          cbr,
          cdr,
          srb,
        } = i;
        expect(point).toMatchObject({
          population_start,
          population_end,
          person_years,
          births,
          births_male,
          deaths,
          moves_in,
          moves_out,
          cbr,
          cdr,
          srb,
        });
      }
      const months = await app.statistics.computeTrend({
        jurisdiction,
        from: '2020-01',
        to: '2020-12',
        granularity: 'month',
      });
      expect(months.points).toHaveLength(12);
      const year2020 = years.points[1];
      expect(months.points.reduce((sum, p) => sum + p.births, 0)).toBe(year2020?.births);
      expect(months.points.at(-1)?.population_end).toBe(year2020?.population_end);
    }
    const server = await buildHttpApp(app);
    try {
      const client = new TestClient(server);
      expect((await client.login('township')).status).toBe(200);
      const own = await client.get(
        '/api/stats/trend?jurisdiction=652926100&from=2023-01&to=2024-12&granularity=year',
      );
      expect(own.status).toBe(200);
      expect((own.body.points as unknown[]).length).toBe(2);
      expect(
        (await client.get('/api/stats/trend?jurisdiction=652926101&from=2023-01&to=2024-12')).status,
      ).toBe(403);
      const bad = await client.get('/api/stats/trend?jurisdiction=652926100&from=2023-13&to=2024-12');
      expect(bad.status).toBe(400);
    } finally {
      await server.close();
    }
  }, 300_000);

  it('count a birth, a death and a move posted through the forms at once, and rebuild finds nothing to correct', async () => {
    const query = { jurisdiction: '652926100', from: '2024-01-01', to: '2024-12-31', children: false };
    const before = (await app.statistics.compute(query, 'cubes')).indicators;
    const officer = actor(Role.TownshipOfficer, '652926100');
    const people = await app.db
      .selectFrom('persons')
      .select(['person_key', 'sex', 'birth_date', 'residence_code'])
      .where('death_date', 'is', null)
      .where('residence_code', 'like', '652926100%')
      .orderBy('person_key')
      .execute();
    const mother = people.find(
      (p) => p.sex === 2 && p.birth_date > '1985-01-01' && p.birth_date < '1998-01-01',
    );
    const [dying, moving] = people.filter((p) => p !== mother && p.birth_date < '1990-01-01');
    if (!mother || !dying || !moving)
      throw new Error('the generated county lacks the persons this test needs');
    const otherVillage = (await app.jurisdictions.childrenOf('652926101'))[0]?.code ?? '';
    await app.persons.recordEvent(officer, {
      event_id: 'cube-birth',
      type: 'birth',
      date: '2024-12-27',
      mother_id: mother.person_key,
      name: '古丽米拉',
      sex: '2',
      hukou_code: mother.residence_code,
      residence_code: mother.residence_code,
    });
    await app.persons.recordEvent(officer, {
      event_id: 'cube-death',
      type: 'death',
      date: '2024-12-28',
      person_id: dying.person_key,
    });
    await app.persons.recordEvent(officer, {
      event_id: 'cube-move',
      type: 'move',
      date: '2024-12-29',
      person_id: moving.person_key,
      from_code: moving.residence_code,
      to_code: otherVillage,
    });
    const after = (await app.statistics.compute(query, 'cubes')).indicators;
    expect(after.births - before.births).toBe(1);
    expect(after.deaths - before.deaths).toBe(1);
    expect(after.moves_out - before.moves_out).toBe(1);
    await expectCubesEqualScan();
    const report = await app.statistics.cubes.rebuild();
    expect(report?.differences).toBe(0);
    expect(report?.cells.population).toBeGreaterThan(1000);
  }, 300_000);
});
