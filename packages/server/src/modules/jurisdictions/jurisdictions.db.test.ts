import { Role } from '@renkou/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor, openTestApplication } from '../../testing/test-application';

type App = Awaited<ReturnType<typeof openTestApplication>>;
let app: App;
beforeEach(async () => {
  app = await openTestApplication();
});
afterEach(async () => app.close());

describe('division tree', () => {
  it('loads 拜城县 with its ancestors, 14 townships and 184 villages, idempotently', async () => {
    const first = await app.jurisdictions.loadCoverage('652926');
    expect(first).toEqual({ coverage: '652926', loaded: 201 });
    await app.jurisdictions.loadCoverage('652926000000');
    expect(await app.jurisdictions.count()).toBe(201);
    expect(await app.jurisdictions.count('652926')).toBe(199);
    const county = actor(Role.CountyOfficer, '652926');
    const townships = await app.jurisdictions.children(county, '652926');
    expect(townships).toHaveLength(14);
    expect(townships[0]).toMatchObject({ code: '652926100', name: '拜城镇', level: 4, hasChildren: true });
    const villages = await Promise.all(townships.map((t) => app.jurisdictions.children(county, t.code)));
    expect(villages.flat()).toHaveLength(184);
    expect(await app.jurisdictions.coverage()).toBe('652926');
  });

  it('refuses a code that does not exist, and malformed codes', async () => {
    await expect(app.jurisdictions.loadCoverage('659999')).rejects.toMatchObject({
      code: 'UNKNOWN_JURISDICTION',
    });
    await expect(app.jurisdictions.loadCoverage('65292')).rejects.toMatchObject({
      code: 'UNKNOWN_JURISDICTION',
    });
    expect(await app.jurisdictions.count()).toBe(0);
  });

  it('finds by name and by code prefix inside the scope only', async () => {
    await app.jurisdictions.loadCoverage('652926');
    const township = actor(Role.TownshipOfficer, '652926101');
    const byName = await app.jurisdictions.search(township, '铁热克', 10);
    expect(byName.map((j) => j.code)).toContain('652926101003');
    expect(byName.every((j) => j.code.startsWith('652926101'))).toBe(true);
    expect(await app.jurisdictions.search(township, '拜城镇', 10)).toEqual([]);
    const byCode = await app.jurisdictions.search(actor(Role.CountyOfficer, '652926'), '6529261000', 50);
    expect(byCode.length).toBeGreaterThan(5);
    expect(await app.jurisdictions.search(township, '100%', 10)).toEqual([]);
  });

  it('gives the path from the province down', async () => {
    await app.jurisdictions.loadCoverage('652926');
    const node = await app.jurisdictions.get(actor(Role.CountyOfficer, '652926'), '652926101003');
    expect(node.path?.map((p) => p.name)).toEqual([
      '新疆维吾尔自治区',
      '阿克苏地区',
      '拜城县',
      '铁热克镇',
      '铁热克居委会',
    ]);
  });
});
