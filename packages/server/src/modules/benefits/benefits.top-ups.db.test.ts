// County top-ups on a real database (PGlite, and PostgreSQL with DATABASE_URL): a county officer adds
// a higher 特扶 amount for the county from a date, with its document, beside the national schedules;
// not for another county, not from a township; the county's screening and batches pay it.
import { Role, type AmountSchedule } from '@renkou/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol, openBenefitsApp, payAll, person, refused, staff, type App } from './test-fixtures';

let app: App;
const who = staff();
const otherCounty = person(Role.CountyOfficer, '652927', 'county-other');

const topUp: AmountSchedule = {
  effectiveFrom: '2026-01-01',
  amountFen: 70_000,
  basis: 'per_month',
  source: '拜城县人民政府〔2025〕12号',
  verified: true,
  region: '652926',
};

beforeAll(async () => {
  app = await openBenefitsApp();
});
afterAll(async () => app.close());

describe('county top-ups', () => {
  it('a county officer adds a top-up for the county; the national schedules stay as they are', async () => {
    const tefu = await app.benefits.programmes.addSchedule(who.county, 'tefu', 'child_died', topUp);
    const died = tefu.categories.find((c) => c.code === 'child_died')!;
    expect(died.schedules.map((s) => [s.effectiveFrom, s.amountFen, s.region ?? ''])).toEqual([
      ['2008-01-01', 45_000, ''],
      ['2022-07-01', 59_000, ''],
      ['2026-01-01', 70_000, '652926'],
    ]);
    const audit = await app.db
      .selectFrom('audit_log')
      .select(['jurisdiction', 'details'])
      .where('action', '=', 'benefit.schedule.add')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ jurisdiction: '652926', details: { region: '652926', amountFen: 70_000 } });
  });

  it('refuses another county, a township, a national change and the same date twice', async () => {
    const add = (actor = who.county, schedule: AmountSchedule = topUp) =>
      refused(app.benefits.programmes.addSchedule(actor, 'tefu', 'child_died', schedule));
    expect((await add(who.county, { ...topUp, region: '652927' })).code).toBe('FORBIDDEN');
    expect((await add(who.townA, { ...topUp, region: '652926100' })).code).toBe('FORBIDDEN');
    const { region: _region, ...national } = topUp;
    expect((await add(who.county, national)).code).toBe('FORBIDDEN');
    expect((await add()).reason).toBe('BENEFIT_SCHEDULE_DATE_TAKEN');
    expect((await add(who.county, { ...topUp, effectiveFrom: '2026-02-01', amountFen: 50_000 })).reason).toBe(
      'BENEFIT_INVALID_AMOUNT',
    );
    // The other county may start its own top-up on the same day (the key includes the region).
    await app.benefits.programmes.addSchedule(otherCounty, 'tefu', 'child_died', {
      ...topUp,
      region: '652927',
    });
    const seen = await app.benefits.programmes.list(otherCounty);
    const died = seen.find((p) => p.code === 'tefu')!.categories[0]!;
    expect(died.schedules.map((s) => s.region ?? '')).toEqual(['', '', '652927']);
  });

  it('screening and payment batches in the county pay the top-up', async () => {
    const screened = await app.benefits.screening.screen(who.townA, {
      programmeCode: 'tefu',
      date: '2026-03-01',
      outcome: 'eligible',
      page: 1,
      pageSize: 50,
    });
    expect(screened.items.map((i) => [i.personKey, i.amountFen])).toEqual([
      ['F1', 70_000],
      ['M1', 70_000],
    ]);
    await enrol(app, who, 'M1', who.townA, '2026-03');
    const batch = await payAll(app, who, '2026-03', 1_000_000);
    expect(batch.totalFen).toBe(70_000);
  });
});
