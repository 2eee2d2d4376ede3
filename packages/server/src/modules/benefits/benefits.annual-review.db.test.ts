// 年审 on a real database (PGlite, and PostgreSQL with DATABASE_URL): every live enrolment re-screened
// as of a date with the facts declared at application; a corrected birth date makes 马红 (M3) no
// longer eligible for 特扶, listed with the failed condition; confirming ends her enrolment from the
// first month not due and records what was paid for it. Also: 奖扶 batches read the declared facts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol, openBenefitsApp, payAll, recordEvents, refused, staff, type App } from './test-fixtures';

let app: App;
const who = staff();

beforeAll(async () => {
  app = await openBenefitsApp();
  await enrol(app, who, 'M1', who.townA, '2026-01', '李秀英');
  await enrol(app, who, 'F1', who.village, '2026-01');
  await enrol(app, who, 'F1', who.townA, '2026-01', '张伟', {
    programmeCode: 'jiangfu',
    declared: { qualifyingHistory1973To2001: true },
  });
  await enrol(app, who, 'M3', who.town2, '2026-01', '马红', { villageReviewer: who.town2b });
  await payAll(app, who, '2026-03', 177_000);
  // The register corrects 马红's birth date: she is 45, not 61.
  await recordEvents(app, ['X-M3,correction,2026-03-03,M3,,,,,,,,,birth_date,1980-06-01,身份证更正,']);
});
afterAll(async () => app.close());

describe('年审 (annual re-qualification)', () => {
  it('lists who no longer qualifies first, with the failed condition and the first month not due', async () => {
    const run = await app.benefits.annualReview.run(who.county, { page: 1, pageSize: 50 });
    expect(run.counts).toEqual({ eligible: 3, ineligible: 1, needs_review: 0 });
    const [first, ...rest] = run.items;
    expect(first).toMatchObject({
      personKey: 'M3',
      programmeCode: 'tefu',
      outcome: 'ineligible',
      endsBefore: '2026-01',
      failed: [expect.stringContaining('女方年满49周岁')],
    });
    expect(first!.reason).toMatch(/^年审（2026-03-0\d）不再符合特扶条件，自 2026-01 起终止：女方年满49周岁/);
    expect(first!.explanationText).toContain('✗');
    // 奖扶 is judged with the history the family declared (else it would need a worker's check).
    expect(rest.find((item) => item.programmeCode === 'jiangfu')).toMatchObject({
      personKey: 'F1',
      outcome: 'eligible',
    });
    const filtered = await app.benefits.annualReview.run(who.townA, {
      outcome: 'eligible',
      programmeCode: 'tefu',
      page: 1,
      pageSize: 1,
    });
    expect(filtered).toMatchObject({ total: 2, counts: { eligible: 2, ineligible: 0 } });
    expect(filtered.items).toHaveLength(1);
    expect(
      (
        await refused(
          app.benefits.annualReview.run(who.townA, { jurisdiction: '652926101', page: 1, pageSize: 5 }),
        )
      ).code,
    ).toBe('FORBIDDEN');
  });

  it('confirming re-checks on the server and ends only who no longer qualifies', async () => {
    const run = await app.benefits.annualReview.run(who.county, { page: 1, pageSize: 50 });
    const m1 = run.items.find((item) => item.personKey === 'M1')!;
    const m3 = run.items.find((item) => item.personKey === 'M3')!;
    expect((await refused(app.benefits.annualReview.confirm(who.townA, m1.enrolmentId))).reason).toBe(
      'BENEFIT_STILL_ELIGIBLE',
    );
    expect(
      (await refused(app.benefits.annualReview.confirm(who.town2, m3.enrolmentId, '2027-01-01'))).code,
    ).toBe('VALIDATION_FAILED');
    // Outside the actor's scope a case does not exist for them.
    expect((await refused(app.benefits.annualReview.confirm(who.townA, m3.enrolmentId))).code).toBe(
      'NOT_FOUND',
    );

    const outcome = await app.benefits.annualReview.confirm(who.town2, m3.enrolmentId);
    expect(outcome).toMatchObject({
      cause: 'other',
      endsBefore: '2026-01',
      overpayment: { months: [{ month: '2026-03', amountFen: 59_000 }], totalFen: 59_000 },
    });
    const application = await app.benefits.applications.get(who.county, m3.applicationId);
    expect(application).toMatchObject({ status: 'terminated', enrolment: { endsBefore: '2026-01' } });
    expect(application.trail.at(-1)).toMatchObject({ action: 'terminate', reason: m3.reason });
    expect((await app.benefits.annualReview.run(who.county, { page: 1, pageSize: 50 })).counts).toEqual({
      eligible: 3,
      ineligible: 0,
      needs_review: 0,
    });
    expect((await refused(app.benefits.annualReview.confirm(who.town2, m3.enrolmentId))).reason).toBe(
      'BENEFIT_ALREADY_ENDED',
    );
  });

  it('a 奖扶 batch pays on the declared history once the county confirms the amount', async () => {
    // A national programme's amount is added by whoever covers the whole country.
    const national = { ...who.county, scope: '' };
    await app.benefits.programmes.addSchedule(national, 'jiangfu', 'standard', {
      effectiveFrom: '2026-01-01',
      amountFen: 120_000,
      basis: 'per_year',
      source: '县文件（测试）',
      verified: true,
    });
    const batch = await app.benefits.payments.build(who.finance1, {
      programmeCode: 'jiangfu',
      period: '2026',
      budgetFen: 120_000,
    });
    expect(batch).toMatchObject({ lineCount: 1, totalFen: 120_000, held: [] });
  });
});
