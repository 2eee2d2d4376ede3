// The life-events worklist on a real database (PGlite, and PostgreSQL with DATABASE_URL): a child
// turning 3 ends 育儿补贴 after the birthday month, a hukou move out of the county ends 特扶 after the
// month of the move (with what was paid beyond it to recover), a death already suspended by the
// register is confirmed as an end. Listed by scope, confirmed by township staff, each end once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enrol,
  openBenefitsApp,
  payAll,
  recordDeath,
  recordEvents,
  refused,
  staff,
  type App,
} from './test-fixtures';

let app: App;
const who = staff();

beforeAll(async () => {
  app = await openBenefitsApp();
  // 小宝 (K1), born 2023-03-15 to 王丽 in 拜城镇: 3 in March 2026, the month the tests run in.
  await recordEvents(app, ['B-K1,birth,2023-03-15,K1,M2,,小宝,1,652926100002,652926100002,,,,,,']);
  await enrol(app, who, 'K1', who.townA, '2025-01', '王丽', { programmeCode: 'yuer_butie' });
  await enrol(app, who, 'F1', who.village, '2026-01');
  await enrol(app, who, 'M3', who.town2, '2026-01', '马红', { villageReviewer: who.town2b });
  await payAll(app, who, '2026-03', 118_000);
  // 马红's hukou leaves the county on 2026-02-20; 张伟 dies on 2026-02-10 (the register suspends him).
  await recordEvents(app, ['H-M3,hukou,2026-02-20,M3,,,,,,,652926101001,650102,,,,']);
  await recordDeath(app, 'D-F1', 'F1', '2026-02-10');
});
afterAll(async () => app.close());

describe('life-events worklist', () => {
  it('lists each end for the township that holds the case, with the first month no longer paid', async () => {
    const town = await app.benefits.lifeEventWorklist.list(who.townA);
    expect(town.counts).toEqual({ age_limit: 1, hukou_move: 0, death: 1 });
    expect(town.items).toEqual([
      expect.objectContaining({
        personKey: 'F1',
        programmeCode: 'tefu',
        cause: 'death',
        enrolmentStatus: 'suspended',
        eventDate: '2026-02-10',
        endsBefore: '2026-03',
      }),
      expect.objectContaining({
        personKey: 'K1',
        programmeCode: 'yuer_butie',
        cause: 'age_limit',
        causeLabel: '到达年龄上限',
        eventDate: '2026-03-15',
        endsBefore: '2026-04',
        reason: '2026-03-15 满3周岁，育儿补贴发放至 2026-03，自 2026-04 起终止',
      }),
    ]);
    const other = await app.benefits.lifeEventWorklist.list(who.town2);
    expect(other.items).toEqual([
      expect.objectContaining({
        personKey: 'M3',
        cause: 'hukou_move',
        currentHukouCode: '650102',
        eventDate: '2026-02-20',
        endsBefore: '2026-03',
        enrolmentStatus: 'active',
      }),
    ]);
    // The county sees all three; a village worker may read its village's list but not confirm.
    expect((await app.benefits.lifeEventWorklist.list(who.county)).items).toHaveLength(3);
    const village = await app.benefits.lifeEventWorklist.list(who.village);
    const k1 = village.items.find((item) => item.personKey === 'K1')!;
    expect((await refused(app.benefits.lifeEventWorklist.confirm(who.village, k1.enrolmentId))).code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await refused(app.benefits.lifeEventWorklist.list(who.townA, { jurisdiction: '652926101' }))).code,
    ).toBe('FORBIDDEN');
  });

  it('confirming a child turning 3 ends 育儿补贴 after the birthday month, once', async () => {
    const { items } = await app.benefits.lifeEventWorklist.list(who.townA);
    const k1 = items.find((item) => item.personKey === 'K1')!;
    const outcome = await app.benefits.lifeEventWorklist.confirm(who.townA, k1.enrolmentId);
    expect(outcome).toMatchObject({ cause: 'age_limit', endsBefore: '2026-04', overpayment: null });
    const enrolment = await app.db
      .selectFrom('benefit_enrolments')
      .selectAll()
      .where('id', '=', k1.enrolmentId)
      .executeTakeFirstOrThrow();
    expect(enrolment).toMatchObject({ status: 'terminated', ends_before: '2026-04' });
    const application = await app.benefits.applications.get(who.county, k1.applicationId);
    expect(application.status).toBe('terminated');
    expect(application.trail.at(-1)).toMatchObject({
      action: 'terminate',
      userId: who.townA.userId,
      reason: k1.reason,
    });
    // Off the list, and a second confirmation is refused.
    expect((await app.benefits.lifeEventWorklist.list(who.townA)).counts.age_limit).toBe(0);
    expect((await refused(app.benefits.lifeEventWorklist.confirm(who.townA, k1.enrolmentId))).reason).toBe(
      'BENEFIT_NOTHING_TO_END',
    );
  });

  it('a hukou move out of the county ends 特扶 and records March, already paid, to recover', async () => {
    const [m3] = (await app.benefits.lifeEventWorklist.list(who.town2)).items;
    const outcome = await app.benefits.lifeEventWorklist.confirm(who.town2, m3!.enrolmentId);
    expect(outcome).toMatchObject({
      cause: 'hukou_move',
      endsBefore: '2026-03',
      overpayment: { months: [{ month: '2026-03', amountFen: 59_000 }], totalFen: 59_000 },
      pendingLines: [],
    });
    const owed = (await app.benefits.lifeEvents.overpayments(who.town2)).items;
    expect(owed).toEqual([
      expect.objectContaining({
        personKey: 'M3',
        cause: 'hukou_move',
        eventDate: '2026-02-20',
        totalFen: 59_000,
      }),
    ]);
    // April's batch no longer pays 马红.
    expect(
      (
        await refused(
          app.benefits.payments.build(who.finance1, {
            programmeCode: 'tefu',
            period: '2026-04',
            jurisdiction: '652926101',
            budgetFen: 1_000_000,
          }),
        )
      ).reason,
    ).toBe('BENEFIT_BATCH_EMPTY');
  });

  it('a death the register suspended is confirmed as an end; its overpayment is not counted twice', async () => {
    const f1 = (await app.benefits.lifeEventWorklist.list(who.townA)).items.find(
      (item) => item.personKey === 'F1',
    )!;
    const outcome = await app.benefits.lifeEventWorklist.confirm(who.townB, f1.enrolmentId);
    expect(outcome).toMatchObject({ cause: 'death', endsBefore: '2026-03' });
    expect(outcome.overpayment?.totalFen).toBe(59_000);
    const owed = (await app.benefits.lifeEvents.overpayments(who.townA)).items.filter(
      (o) => o.personKey === 'F1',
    );
    expect(owed).toEqual([expect.objectContaining({ cause: 'death', totalFen: 59_000 })]);
    expect((await app.benefits.lifeEventWorklist.list(who.county)).items).toEqual([]);
  });
});
