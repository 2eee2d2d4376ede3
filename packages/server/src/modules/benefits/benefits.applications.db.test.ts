// Benefits on a real database (PGlite, and PostgreSQL with DATABASE_URL): seeding the programmes,
// screening with explanations, and the review of applications with separation of duties and 公示.
// Persons come from the register's own import.
import { DAY } from '@renkou/core';
import { sql } from '@renkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BenefitsServices } from './benefits.service';
import { LI_XIUYING_ID, openBenefitsApp, refused, staff, type App } from './test-fixtures';

let app: App;
const who = staff();

beforeAll(async () => {
  app = await openBenefitsApp();
});
afterAll(async () => app.close());

describe('programmes', () => {
  it('seeds the national programmes once, and amounts are append-only in the database', async () => {
    await app.benefits.programmes.ensureSeeded();
    const again = new BenefitsServices(app.db, app.audit, app.clock, app.register, app.crypto);
    await again.programmes.ensureSeeded();
    const programmes = await app.benefits.programmes.list(who.county);
    expect(programmes.map((p) => p.code).sort()).toEqual(['jiangfu', 'tefu', 'yuer_butie']);
    const tefu = programmes.find((p) => p.code === 'tefu')!;
    expect(tefu.documentNumber).toContain('第三十二条');
    expect(tefu.categories[0]!.schedules.map((s) => [s.effectiveFrom, s.amountFen])).toEqual([
      ['2008-01-01', 45000],
      ['2022-07-01', 59000],
    ]);
    const { n } = await app.db
      .selectFrom('benefit_amount_schedules')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(7);
    await expect(
      sql`UPDATE benefit_amount_schedules SET amount_fen = 1 WHERE programme_code = 'tefu'`.execute(app.db),
    ).rejects.toThrow(/append-only/);
    // A county officer cannot change a national amount; nobody can overwrite a date.
    expect(
      (
        await refused(
          app.benefits.programmes.addSchedule(who.county, 'tefu', 'child_died', {
            effectiveFrom: '2026-01-01',
            amountFen: 70000,
            basis: 'per_month',
            source: '县文件',
            verified: true,
          }),
        )
      ).code,
    ).toBe('FORBIDDEN');
  });
});

describe('screening', () => {
  it('decides every living person of the township and explains each decision', async () => {
    const result = await app.benefits.screening.screen(who.townA, {
      programmeCode: 'tefu',
      date: '2026-03-01',
      page: 1,
      pageSize: 50,
    });
    const byKey = new Map(result.items.map((item) => [item.personKey, item]));
    // C1 is dead and not screened; M3 is in another township.
    expect([...byKey.keys()].sort()).toEqual(['C2', 'C3', 'F1', 'M1', 'M2']);
    expect(result.counts).toEqual({ eligible: 2, ineligible: 3, needs_review: 0 });
    const mother = byKey.get('M1')!;
    expect(mother).toMatchObject({
      outcome: 'eligible',
      categoryCode: 'child_died',
      amountFen: 59000,
      idNumberMasked: `6529**********${LI_XIUYING_ID.slice(-4)}`,
    });
    expect(mother.explanationText).toContain('女方年满49周岁');
    expect(mother.explanationText).toContain('现无存活子女');
    expect(mother.explanationText).toContain('符合（独生子女死亡）');
    expect(byKey.get('F1')).toMatchObject({ outcome: 'eligible', categoryCode: 'child_died' });
    const two = byKey.get('M2')!;
    expect(two.outcome).toBe('ineligible');
    expect(two.explanationText).toMatch(/只生育或收养过一个子女.*不符合/);
    expect(JSON.stringify(result)).not.toContain(LI_XIUYING_ID);

    const eligibleOnly = await app.benefits.screening.screen(who.county, {
      programmeCode: 'tefu',
      date: '2026-03-01',
      outcome: 'eligible',
      page: 1,
      pageSize: 50,
    });
    expect(eligibleOnly.items.map((i) => i.personKey).sort()).toEqual(['F1', 'M1', 'M3']);
    expect(
      (
        await refused(
          app.benefits.screening.screen(who.town2, {
            programmeCode: 'tefu',
            jurisdiction: '652926100',
            page: 1,
            pageSize: 10,
          }),
        )
      ).code,
    ).toBe('FORBIDDEN');
  });
});

describe('applications', () => {
  it('walks entry → village → 公示 → township → county with a trail row per step; the entrant never approves', async () => {
    const entered = await app.benefits.applications.create(who.townA, {
      programmeCode: 'tefu',
      personKey: 'M1',
      channel: 'worker',
      bankAccount: '6228480011112222',
      accountName: '李秀英',
    });
    expect(entered).toMatchObject({ status: 'village_review', accountMasked: '************2222' });
    const own = await refused(
      app.benefits.applications.act(who.townA, entered.id, { action: 'villageApprove' }),
    );
    expect(own).toMatchObject({ code: 'FORBIDDEN', reason: 'BENEFIT_ENTRANT_CANNOT_APPROVE' });
    // A second live application for the same person and programme is refused by the database's index.
    expect(
      (
        await refused(
          app.benefits.applications.create(who.village, {
            programmeCode: 'tefu',
            personKey: 'M1',
            channel: 'family',
          }),
        )
      ).reason,
    ).toBe('BENEFIT_APPLICATION_EXISTS');
    // Not eligible: refused at entry, with the explanation.
    const notEligible = await refused(
      app.benefits.applications.create(who.village, {
        programmeCode: 'tefu',
        personKey: 'M2',
        channel: 'family',
      }),
    );
    expect(notEligible.reason).toBe('BENEFIT_NOT_ELIGIBLE');
    expect(notEligible.message).toContain('只生育或收养过一个子女');

    await app.benefits.applications.act(who.townB, entered.id, { action: 'villageApprove' });
    const notices = await app.benefits.applications.notices(who.village, '652926100002');
    expect(notices.items).toEqual([
      expect.objectContaining({
        name: '李秀英',
        villageCode: '652926100002',
        programme: '计划生育家庭特别扶助',
        amountFen: 59000,
        idNumberMasked: `6529**********${LI_XIUYING_ID.slice(-4)}`,
      }),
    ]);
    expect(Object.keys(notices.items[0]!).sort()).toEqual(
      [
        'amountBasis',
        'amountFen',
        'firstDay',
        'idNumberMasked',
        'lastDay',
        'name',
        'programme',
        'villageCode',
        'villageName',
      ].sort(),
    );
    expect(
      (await refused(app.benefits.applications.act(who.townB, entered.id, { action: 'closeNotice' }))).reason,
    ).toBe('BENEFIT_NOTICE_PERIOD_NOT_OVER');
    const objected = await app.benefits.applications.act(who.townB, entered.id, {
      action: 'raiseObjection',
      summary: '有群众反映其子女仍在世',
    });
    const objectionId = objected.objections[0]!.id;
    app.clock.advance(7 * DAY);
    expect(
      (await refused(app.benefits.applications.act(who.townB, entered.id, { action: 'closeNotice' }))).reason,
    ).toBe('BENEFIT_OBJECTIONS_OPEN');
    await app.benefits.applications.act(who.townB, entered.id, {
      action: 'resolveObjection',
      objectionId,
      upheld: false,
      finding: '经核查死亡证明属实，异议不成立',
    });
    await app.benefits.applications.act(who.townB, entered.id, { action: 'closeNotice' });
    expect((await app.benefits.applications.notices(who.village, '652926100002')).items).toEqual([]);
    // The village approver cannot approve again at the township level.
    expect(
      (await refused(app.benefits.applications.act(who.townB, entered.id, { action: 'townshipApprove' })))
        .reason,
    ).toBe('BENEFIT_REVIEWER_ALREADY_APPROVED');
    const townC = { ...who.townA, userId: '00000000-0000-7000-8000-00000000a003', username: 'town-c' };
    await app.benefits.applications.act(townC, entered.id, { action: 'townshipApprove' });
    // A township officer cannot give the county's approval.
    expect(
      (await refused(app.benefits.applications.act(who.townA, entered.id, { action: 'countyApprove' }))).code,
    ).toBe('FORBIDDEN');
    await app.benefits.applications.act(who.county, entered.id, {
      action: 'return',
      reason: '补充银行卡复印件',
    });
    expect((await app.benefits.applications.get(who.county, entered.id)).status).toBe('township_review');
    await app.benefits.applications.act(townC, entered.id, { action: 'townshipApprove' });
    const enrolled = await app.benefits.applications.act(who.county, entered.id, {
      action: 'countyApprove',
      enrolFrom: '2026-01',
    });
    expect(enrolled.status).toBe('enrolled');
    expect(enrolled.enrolment).toMatchObject({
      categoryCode: 'child_died',
      fromMonth: '2026-01',
      status: 'active',
    });
    expect(enrolled.trail.map((s) => [s.action, s.from, s.to])).toEqual([
      ['submit', null, 'village_review'],
      ['villageApprove', 'village_review', 'public_notice'],
      ['raiseObjection', 'public_notice', 'public_notice'],
      ['resolveObjection', 'public_notice', 'public_notice'],
      ['closeNotice', 'public_notice', 'township_review'],
      ['townshipApprove', 'township_review', 'county_review'],
      ['return', 'county_review', 'township_review'],
      ['townshipApprove', 'township_review', 'county_review'],
      ['countyApprove', 'county_review', 'enrolled'],
    ]);
    expect(enrolled.trail.find((s) => s.action === 'return')).toMatchObject({
      reason: '补充银行卡复印件',
      username: 'county',
    });
    await expect(sql`DELETE FROM benefit_application_steps`.execute(app.db)).rejects.toThrow(/append-only/);
  });

  it("hides another township's applications: 404 for a case, 403 for its list", async () => {
    const list = await app.benefits.applications.list(who.townA, { page: 1, pageSize: 20 });
    const id = list.items[0]!.id;
    expect((await refused(app.benefits.applications.get(who.town2, id))).code).toBe('NOT_FOUND');
    expect(
      (await refused(app.benefits.applications.act(who.town2, id, { action: 'reject', reason: 'x' }))).code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await refused(
          app.benefits.applications.list(who.town2, { jurisdiction: '652926100', page: 1, pageSize: 20 }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect((await app.benefits.applications.list(who.town2, { page: 1, pageSize: 20 })).total).toBe(0);
  });
});
