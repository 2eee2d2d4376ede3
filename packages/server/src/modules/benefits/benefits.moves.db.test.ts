// Enrolments follow moves within the county on a real database (PGlite, and PostgreSQL with
// DATABASE_URL): 李秀英 (M1) and 张伟 (F1) of 拜城镇 move their hukou to 铁热克镇; 特扶 stays active and
// goes with them, so that 铁热克镇 sees and pays it and 拜城镇 no longer does. Listed for information
// on both townships' worklists; followed by township staff, or by the system when a batch is built.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol, openBenefitsApp, recordEvents, refused, staff, type App } from './test-fixtures';

let app: App;
const who = staff();
const OLD = '652926100002';
const NEW = '652926101001';
const ids: Record<string, { enrolmentId: string; applicationId: string }> = {};

const enrolmentOf = (personKey: string) =>
  app.db
    .selectFrom('benefit_enrolments')
    .selectAll()
    .where('person_key', '=', personKey)
    .executeTakeFirstOrThrow();

beforeAll(async () => {
  app = await openBenefitsApp();
  for (const key of ['M1', 'F1']) {
    const view = await enrol(app, who, key, who.townA, '2026-01');
    ids[key] = { enrolmentId: view.enrolment!.id, applicationId: view.id };
  }
  // 张伟 first only changes his residence: 特扶 is tied to the hukou, so that alone moves nothing.
  await recordEvents(app, [
    `M-F1,move,2026-02-10,F1,,,,,,,${OLD},${NEW},,,,`,
    `H-M1,hukou,2026-02-20,M1,,,,,,,${OLD},${NEW},,,,`,
  ]);
});
afterAll(async () => app.close());

describe('enrolments follow moves within the county', () => {
  it('lists the hukou move to both townships for information; nothing ends', async () => {
    for (const township of [who.townA, who.town2]) {
      const list = await app.benefits.lifeEventWorklist.list(township);
      expect(list.items).toEqual([]);
      expect(list.moves).toEqual([
        expect.objectContaining({
          personKey: 'M1',
          programmeCode: 'tefu',
          kind: 'hukou',
          fromCode: OLD,
          toCode: NEW,
          eventDate: '2026-02-20',
          enrolmentStatus: 'active',
          reason: `户籍于 2026-02-20 由 ${OLD} 迁至 ${NEW}（县内），特扶随迁，继续发放`,
        }),
      ]);
    }
    expect((await refused(app.benefits.applications.get(who.town2, ids.M1!.applicationId))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('the new township follows it: the case is now its own, with a trail row and an audit row', async () => {
    expect((await refused(app.benefits.lifeEventWorklist.followMoves(who.village))).code).toBe('FORBIDDEN');
    const { followed } = await app.benefits.lifeEventWorklist.followMoves(who.town2);
    expect(followed.map((m) => m.personKey)).toEqual(['M1']);
    expect(await enrolmentOf('M1')).toMatchObject({ hukou_code: NEW, status: 'active' });
    const view = await app.benefits.applications.get(who.town2, ids.M1!.applicationId);
    expect(view).toMatchObject({ hukouCode: NEW, status: 'enrolled' });
    expect(view.trail.at(-1)).toMatchObject({
      action: 'relocate',
      from: 'enrolled',
      to: 'enrolled',
      userId: who.town2.userId,
      reason: followed[0]!.reason,
    });
    const audit = await app.db
      .selectFrom('audit_log')
      .select(['jurisdiction', 'details'])
      .where('action', '=', 'benefit.enrolment.relocate')
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({ jurisdiction: NEW, details: expect.objectContaining({ fromCode: OLD }) }),
    ]);
    expect((await refused(app.benefits.applications.get(who.townA, ids.M1!.applicationId))).code).toBe(
      'NOT_FOUND',
    );
    // Followed once: off both lists, and a second call moves nothing.
    expect((await app.benefits.lifeEventWorklist.list(who.townA)).moves).toEqual([]);
    expect((await app.benefits.lifeEventWorklist.followMoves(who.county)).followed).toEqual([]);
  });

  it('a batch follows a move nobody followed yet: the old township no longer pays, the new one does', async () => {
    await recordEvents(app, [`H-F1,hukou,2026-02-25,F1,,,,,,,${OLD},${NEW},,,,`]);
    const build = (jurisdiction: string) =>
      app.benefits.payments.build(who.finance1, {
        programmeCode: 'tefu',
        period: '2026-03',
        jurisdiction,
        budgetFen: 1_000_000,
      });
    expect((await refused(build('652926100'))).reason).toBe('BENEFIT_BATCH_EMPTY');
    expect(await enrolmentOf('F1')).toMatchObject({ hukou_code: NEW, status: 'active' });
    const f1 = await app.benefits.applications.get(who.county, ids.F1!.applicationId);
    expect(f1.trail.at(-1)).toMatchObject({ action: 'relocate', userId: 'system' });
    const batch = await build('652926101');
    const detail = await app.benefits.payments.get(who.finance1, batch.id);
    expect(detail.lines.map((l) => [l.personKey, l.hukouCode, l.amountFen])).toEqual([
      ['F1', NEW, 59_000],
      ['M1', NEW, 59_000],
    ]);
  });
});
