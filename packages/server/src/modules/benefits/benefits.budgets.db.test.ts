// Yearly budgets on a real database (PGlite, and PostgreSQL with DATABASE_URL): approving a batch is
// refused when it would exceed what remains of its programme's budget for the year (the county's or a
// township's), the refused batch stays a draft, a raised budget lets it through, and a budget never
// goes below what approved batches commit. 李秀英 (M1) and 张伟 (F1) are paid ¥590 a month of 特扶.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol, openBenefitsApp, refused, staff, type App } from './test-fixtures';

let app: App;
const who = staff();

const build = (period: string) =>
  app.benefits.payments.build(who.finance1, { programmeCode: 'tefu', period, budgetFen: 1_000_000 });

beforeAll(async () => {
  app = await openBenefitsApp();
  await enrol(app, who, 'M1', who.townA, '2026-01', '李秀英');
  await enrol(app, who, 'F1', who.village, '2026-01');
});
afterAll(async () => app.close());

describe('yearly budgets', () => {
  it('refuses to approve a batch beyond the remaining budget; raising the budget lets it through', async () => {
    const set = await app.benefits.budgets.set(who.finance3, {
      programmeCode: 'tefu',
      year: 2026,
      jurisdiction: '652926',
      amountFen: 150_000,
      document: '拜财社〔2026〕1号',
    });
    expect(set).toMatchObject({ amountFen: 150_000, committedFen: 0, remainingFen: 150_000 });

    const january = await build('2026-01');
    await app.benefits.payments.approve(who.finance2, january.id);
    const february = await build('2026-02');
    const over = await refused(app.benefits.payments.approve(who.finance2, february.id));
    expect(over).toMatchObject({ code: 'CONFLICT', reason: 'BENEFIT_OVER_BUDGET' });
    expect(over.message).toBe('2026年预算（652926）余额 ¥320.00，本批次 ¥1,180.00，超出 ¥860.00');
    expect((await app.benefits.payments.view(february.id)).status).toBe('draft');

    // Never below what is committed; raised, the same batch is approved.
    expect(
      (
        await refused(
          app.benefits.budgets.set(who.finance3, {
            programmeCode: 'tefu',
            year: 2026,
            jurisdiction: '652926',
            amountFen: 117_999,
          }),
        )
      ).reason,
    ).toBe('BENEFIT_BUDGET_BELOW_COMMITTED');
    await app.benefits.budgets.set(who.finance3, {
      programmeCode: 'tefu',
      year: 2026,
      jurisdiction: '652926',
      amountFen: 1_416_000,
    });
    expect((await app.benefits.payments.approve(who.finance2, february.id)).status).toBe('approved');
    const { items } = await app.benefits.budgets.list(who.county, { year: 2026 });
    expect(items).toEqual([
      expect.objectContaining({ scopeCode: '652926', committedFen: 236_000, remainingFen: 1_180_000 }),
    ]);
  });

  it("a township's own budget binds its lines too, and another year's budget does not", async () => {
    await app.benefits.budgets.set(who.finance3, {
      programmeCode: 'tefu',
      year: 2026,
      jurisdiction: '652926100',
      amountFen: 236_000,
    });
    await app.benefits.budgets.set(who.finance3, {
      programmeCode: 'tefu',
      year: 2027,
      jurisdiction: '652926',
      amountFen: 0,
    });
    const march = await build('2026-03');
    const over = await refused(app.benefits.payments.approve(who.finance2, march.id));
    expect(over.message).toBe('2026年预算（652926100）余额 ¥0.00，本批次 ¥1,180.00，超出 ¥1,180.00');
    // The township sees its own budget and the county's.
    const seen = await app.benefits.budgets.list(who.townA, { year: 2026 });
    expect(seen.items.map((item) => item.scopeCode)).toEqual(['652926', '652926100']);
    // Budgets are finance's: a township officer cannot set one.
    expect(
      (
        await refused(
          app.benefits.budgets.set(who.townA, {
            programmeCode: 'tefu',
            year: 2026,
            jurisdiction: '652926100',
            amountFen: 1,
          }),
        )
      ).code,
    ).toBe('FORBIDDEN');
  });

  it('two approvals at the same moment cannot both spend the last of a budget', async () => {
    await enrol(app, who, 'M3', who.town2, '2027-01', '马红', { villageReviewer: who.town2b });
    await app.benefits.budgets.set(who.finance3, {
      programmeCode: 'tefu',
      year: 2027,
      jurisdiction: '652926',
      amountFen: 150_000,
    });
    const town = (jurisdiction: string) =>
      app.benefits.payments.build(who.finance1, {
        programmeCode: 'tefu',
        period: '2027-01',
        jurisdiction,
        budgetFen: 1_000_000,
      });
    // 拜城镇's two people (¥1,180.00) and 铁热克镇's one (¥590.00): each fits alone, not both.
    const [first, second] = [await town('652926100'), await town('652926101')];
    const results = await Promise.allSettled([
      app.benefits.payments.approve(who.finance2, first.id),
      app.benefits.payments.approve(who.finance2, second.id),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect((rejected?.reason as { details?: { reason?: string }[] }).details?.[0]?.reason).toBe(
      'BENEFIT_OVER_BUDGET',
    );
    const [budget] = (await app.benefits.budgets.list(who.county, { year: 2027 })).items;
    expect(budget!.committedFen).toBeLessThanOrEqual(150_000);
  });
});
