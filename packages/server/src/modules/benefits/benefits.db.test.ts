// Benefits on a real database (PGlite, and PostgreSQL with DATABASE_URL): seeding, screening with
// explanations, the review with separation of duties and 公示, payment batches within a budget, the
// database's no-double-payment key (also under two concurrent builds), bank results with a follow-up
// batch, and death → suspension → overpayment. Persons come from the register's own import.
import { DAY, DomainError, type Actor } from '@renkou/core';
import { sql } from '@renkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApplication } from '../../testing/test-application';
import { BenefitsServices } from './benefits.service';
import { importBenefitRegister, LI_XIUYING_ID, recordDeath, staff } from './test-fixtures';

type App = Awaited<ReturnType<typeof openTestApplication>>;
let app: App;
const who = staff();

beforeAll(async () => {
  app = await openTestApplication();
  await app.jurisdictions.loadCoverage('652926');
  await importBenefitRegister(app);
});
afterAll(async () => app.close());

async function refused(
  promise: Promise<unknown>,
): Promise<{ code: string; reason: string | undefined; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError)
      return { code: error.code, reason: error.details[0]?.reason, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

async function enrol(personKey: string, enteredBy: Actor, enrolFrom: string) {
  const entered = await app.benefits.applications.create(enteredBy, {
    programmeCode: 'tefu',
    personKey,
    channel: 'worker',
    bankAccount: `62284800${personKey === 'M1' ? '11112222' : personKey === 'F1' ? '33334444' : '55556666'}`,
    accountName: personKey,
  });
  const townA = enteredBy === who.townA ? who.townB : who.townA;
  await app.benefits.applications.act(townA, entered.id, { action: 'villageApprove', noticeDays: 1 });
  app.clock.advance(DAY);
  await app.benefits.applications.act(townA, entered.id, { action: 'closeNotice' });
  await app.benefits.applications.act(who.county, entered.id, { action: 'townshipApprove' });
  const county2 = { ...who.county, userId: '00000000-0000-7000-8000-00000000c002', username: 'county-2' };
  return app.benefits.applications.act(county2, entered.id, { action: 'countyApprove', enrolFrom });
}

async function payAll(period: string, budgetFen: number) {
  const built = await app.benefits.payments.build(who.finance1, { programmeCode: 'tefu', period, budgetFen });
  await app.benefits.payments.approve(who.finance2, built.id);
  const file = await app.benefits.payments.exportBankFile(who.finance3, built.id);
  const rows = file.content
    .trim()
    .split('\r\n')
    .slice(1)
    .map((line) => {
      const [reference, account, , amount] = line.split(',');
      return `${reference},${account},${amount},成功,`;
    });
  await app.benefits.bankResults.importBankResults(who.finance3, built.id, {
    fileName: 'result.csv',
    content: ['reference,account,amount,result,reason', ...rows].join('\n'),
  });
  return built;
}

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

describe('payments', () => {
  it('refuses a batch over budget and stores nothing; the total is the sum of the lines', async () => {
    await enrol('F1', who.village, '2026-01');
    const over = await refused(
      app.benefits.payments.build(who.finance1, {
        programmeCode: 'tefu',
        period: '2026-01',
        budgetFen: 117_999,
      }),
    );
    expect(over).toMatchObject({ code: 'CONFLICT', reason: 'BENEFIT_OVER_BUDGET' });
    const { n } = await app.db
      .selectFrom('benefit_payment_batches')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(0);
    const wrongPeriod = await refused(
      app.benefits.payments.build(who.finance1, {
        programmeCode: 'tefu',
        period: '2026',
        budgetFen: 1_000_000,
      }),
    );
    expect(wrongPeriod.code).toBe('VALIDATION_FAILED');

    const batch = await app.benefits.payments.build(who.finance1, {
      programmeCode: 'tefu',
      period: '2026-01',
      budgetFen: 118_000,
    });
    expect(batch).toMatchObject({ status: 'draft', lineCount: 2, totalFen: 118_000 });
    const lines = await app.db
      .selectFrom('benefit_payment_lines')
      .selectAll()
      .where('batch_id', '=', batch.id)
      .execute();
    expect(lines.reduce((sum, line) => sum + line.amount_fen, 0)).toBe(batch.totalFen);
    // The builder cannot approve, the approver cannot pay.
    expect((await refused(app.benefits.payments.approve(who.finance1, batch.id))).reason).toBe(
      'BENEFIT_BATCH_BUILDER_CANNOT_APPROVE',
    );
    await app.benefits.payments.approve(who.finance2, batch.id);
    expect((await refused(app.benefits.payments.exportBankFile(who.finance2, batch.id))).reason).toBe(
      'BENEFIT_FUNDS_APPROVER_CANNOT_PAY',
    );
    const file = await app.benefits.payments.exportBankFile(who.finance3, batch.id);
    expect(file.content.split('\r\n')[0]).toBe('reference,account,name,amount');
    expect(file.content).toContain(',6228480011112222,李秀英,590.00');
  });

  it('rejects a bad bank result file whole; then locks paid lines and retries failed ones in a follow-up batch', async () => {
    const [batch] = (await app.benefits.payments.list(who.finance3, {})).items;
    const lines = await app.db
      .selectFrom('benefit_payment_lines')
      .selectAll()
      .where('batch_id', '=', batch!.id)
      .orderBy('line_no')
      .execute();
    const [first, second] = lines as [(typeof lines)[0], (typeof lines)[0]];
    const account = (line: typeof first) => app.crypto.decrypt(line.account_sealed!);
    const header = 'reference,account,amount,result,reason';
    const bad = [
      header,
      `${first.id},${account(first)},590.00,成功,`,
      `${first.id},${account(first)},590.00,成功,`,
      `${second.id},6228000000000000,590.00,成功,`,
      `${second.id.slice(0, -1)}0,${account(second)},5.90,失败,`,
      '合计,,1000.00,,',
    ].join('\n');
    const report = await app.benefits.bankResults
      .importBankResults(who.finance3, batch!.id, { fileName: 'bad.csv', content: bad })
      .then(
        () => undefined,
        (error: DomainError) => error,
      );
    expect(report?.code).toBe('VALIDATION_FAILED');
    expect(report?.details.map((d) => d.reason).join('|')).toMatch(
      /重复的流水号.*未知账号.*无此流水号.*合计/,
    );
    const untouched = await app.db
      .selectFrom('benefit_payment_lines')
      .select('status')
      .where('batch_id', '=', batch!.id)
      .execute();
    expect(untouched.every((line) => line.status === 'pending')).toBe(true);

    const result = await app.benefits.bankResults.importBankResults(who.finance3, batch!.id, {
      fileName: 'result.csv',
      content: [
        header,
        `${first.id},${account(first)},590.00,成功,`,
        `${second.id},${account(second)},590.00,失败,户名不符`,
        '合计,,1180.00,,',
      ].join('\n'),
    });
    expect(result).toMatchObject({ paid: 1, failed: 1, paidFen: 59_000, failedFen: 59_000 });
    expect(result.batch.status).toBe('reconciled');
    const followUp = await app.benefits.payments.get(who.finance1, result.followUpBatchId!);
    expect(followUp).toMatchObject({
      status: 'draft',
      followUpOf: batch!.id,
      totalFen: 59_000,
      lineCount: 1,
    });
    expect(followUp.lines[0]).toMatchObject({
      personKey: second.person_key,
      retryOf: second.id,
      status: 'pending',
    });
    // A paid line is locked in the database.
    await expect(
      sql`UPDATE benefit_payment_lines SET status = 'failed' WHERE id = ${first.id}`.execute(app.db),
    ).rejects.toThrow(/locked/);
    await expect(
      sql`DELETE FROM benefit_payment_lines WHERE id = ${first.id}`.execute(app.db),
    ).rejects.toThrow(/never deleted/);
    // Nothing more is due for 2026-01: one line paid, the other pending in the follow-up batch.
    expect(
      (
        await refused(
          app.benefits.payments.build(who.finance1, {
            programmeCode: 'tefu',
            period: '2026-01',
            budgetFen: 10_000_000,
          }),
        )
      ).reason,
    ).toBe('BENEFIT_BATCH_EMPTY');
  });

  it('the database refuses a second payment of the same person, programme and month from another batch', async () => {
    const paid = await app.db
      .selectFrom('benefit_payment_lines')
      .selectAll()
      .where('status', '=', 'paid')
      .executeTakeFirstOrThrow();
    const other = await app.db
      .insertInto('benefit_payment_batches')
      .values({
        id: '00000000-0000-7000-8000-0000000b0001',
        programme_code: 'tefu',
        period: '2026-01',
        scope_code: '652926101',
        follow_up_of: null,
        status: 'draft',
        budget_fen: 59_000,
        total_fen: 59_000,
        line_count: 1,
        built_by: 'someone',
        built_at: app.clock.now(),
        approved_by: null,
        approved_at: null,
        exported_by: null,
        exported_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const copy = {
      ...paid,
      id: '00000000-0000-7000-8000-0000000b0002',
      batch_id: other.id,
      status: 'pending' as const,
      months: JSON.stringify(paid.months),
      retry_of: null,
      bank_reference: null,
      result_at: null,
    };
    const error = await app.db
      .insertInto('benefit_payment_lines')
      .values(copy)
      .execute()
      .then(
        () => undefined,
        (e: unknown) => e as { code?: string; message: string },
      );
    expect(error?.code).toBe('23505');
    expect(error?.message).toMatch(/benefit_payment_lines_no_double_pay/);
    // A failed line frees its key only as long as no other line holds it: its retry is pending.
    const failed = await app.db
      .selectFrom('benefit_payment_lines')
      .selectAll()
      .where('status', '=', 'failed')
      .executeTakeFirstOrThrow();
    const retryAgain = await app.db
      .insertInto('benefit_payment_lines')
      .values({
        ...failed,
        id: '00000000-0000-7000-8000-0000000b0003',
        batch_id: other.id,
        status: 'pending',
        months: JSON.stringify(failed.months),
        retry_of: null,
      })
      .execute()
      .then(
        () => undefined,
        (e: unknown) => e as { code?: string },
      );
    expect(retryAgain?.code).toBe('23505');
  });

  it('two batches built at the same moment pay each person once', async () => {
    const attempts = await Promise.allSettled([
      app.benefits.payments.build(who.finance1, {
        programmeCode: 'tefu',
        period: '2026-02',
        budgetFen: 1_000_000,
      }),
      app.benefits.payments.build(who.finance2, {
        programmeCode: 'tefu',
        period: '2026-02',
        budgetFen: 1_000_000,
      }),
      app.benefits.payments.build(who.finance3, {
        programmeCode: 'tefu',
        period: '2026-02',
        jurisdiction: '652926100',
        budgetFen: 1_000_000,
      }),
    ]);
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    for (const attempt of attempts) {
      if (attempt.status === 'rejected') {
        expect((attempt.reason as DomainError).details[0]?.reason).toMatch(
          /BENEFIT_ALREADY_IN_BATCH|BENEFIT_BATCH_EMPTY/,
        );
      }
    }
    const rows = await app.db
      .selectFrom('benefit_payment_lines')
      .select(['person_key'])
      .where('period_key', '=', '2026-02')
      .where('status', 'in', ['pending', 'paid'])
      .execute();
    expect(rows.map((r) => r.person_key).sort()).toEqual(['F1', 'M1']);
  });
});

describe('death', () => {
  it('suspends the enrolment from the month after death and records what was paid beyond it', async () => {
    // Settle February, pay March, then the register learns that 李秀英 died on 2026-01-20.
    const [february] = (await app.benefits.payments.list(who.finance1, {})).items.filter(
      (b) => b.period === '2026-02',
    );
    await app.benefits.payments.approve(who.finance2, february!.id);
    const file = await app.benefits.payments.exportBankFile(who.finance3, february!.id);
    await app.benefits.bankResults.importBankResults(who.finance3, february!.id, {
      fileName: 'feb.csv',
      content: [
        'reference,account,amount,result,reason',
        ...file.content
          .trim()
          .split('\r\n')
          .slice(1)
          .map((line) => {
            const [reference, account, , amount] = line.split(',');
            return `${reference},${account},${amount},成功,`;
          }),
      ].join('\n'),
    });
    await payAll('2026-03', 118_000);
    // The register's import tells benefits of the death by itself (application.ts wires it).
    await recordDeath(app, 'D-M1', 'M1', '2026-01-20');
    const enrolment = await app.db
      .selectFrom('benefit_enrolments')
      .selectAll()
      .where('person_key', '=', 'M1')
      .executeTakeFirstOrThrow();
    expect(enrolment).toMatchObject({ status: 'suspended', suspended_from: '2026-02' });
    const application = await app.benefits.applications.get(who.county, enrolment.application_id);
    expect(application.status).toBe('suspended');
    expect(application.trail.at(-1)).toMatchObject({
      action: 'suspend',
      userId: 'system',
      reason: expect.stringContaining('2026-01-20'),
    });

    // Idempotent: the same death again changes nothing.
    const again = await app.benefits.lifeEvents.onDeath('M1', '2026-01-20');
    expect(again).toMatchObject({ suspended: [], overpayments: [] });
    expect((await app.benefits.lifeEvents.overpayments(who.townA)).items).toEqual([
      expect.objectContaining({
        personKey: 'M1',
        totalFen: 118_000,
        status: 'open',
        months: [
          { month: '2026-02', amountFen: 59_000 },
          { month: '2026-03', amountFen: 59_000 },
        ],
      }),
    ]);
    // April: only 张伟 is paid.
    const april = await app.benefits.payments.build(who.finance1, {
      programmeCode: 'tefu',
      period: '2026-04',
      budgetFen: 59_000,
    });
    expect(april).toMatchObject({ lineCount: 1, totalFen: 59_000 });
  });
});
