// Payment batches on a real database (PGlite, and PostgreSQL with DATABASE_URL): within a budget,
// approval and export with separation of duties, the database's no-double-payment key (also under
// two concurrent builds), and bank results with a follow-up batch. Persons come from the register's
// own import; 李秀英 (M1) is enrolled from 2026-01 before the tests, 张伟 (F1) by the first test.
import type { DomainError } from '@renkou/core';
import { sql } from '@renkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol, openBenefitsApp, refused, staff, type App } from './test-fixtures';

let app: App;
const who = staff();

beforeAll(async () => {
  app = await openBenefitsApp();
  await enrol(app, who, 'M1', who.townA, '2026-01', '李秀英');
});
afterAll(async () => app.close());

describe('payments', () => {
  it('refuses a batch over budget and stores nothing; the total is the sum of the lines', async () => {
    await enrol(app, who, 'F1', who.village, '2026-01');
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
      // A reference the batch does not hold: the line id with its last character changed.
      `${second.id.slice(0, -1)}${second.id.endsWith('0') ? '1' : '0'},${account(second)},5.90,失败,`,
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
