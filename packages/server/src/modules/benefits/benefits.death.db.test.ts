// Death on a real database (PGlite, and PostgreSQL with DATABASE_URL): the register's import of a
// death suspends the enrolment from the month after and records what was paid beyond it. Before the
// test, 李秀英 (M1) and 张伟 (F1) are enrolled from 2026-01 and February's batch is built (a draft). A
// record merged into another as its duplicate stops the same way, without an overpayment.
import { chinaDate, firstMonthAfterDeath } from '@renkou/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol, openBenefitsApp, payAll, recordDeath, staff, type App } from './test-fixtures';

let app: App;
const who = staff();

beforeAll(async () => {
  app = await openBenefitsApp();
  await enrol(app, who, 'M1', who.townA, '2026-01', '李秀英');
  await enrol(app, who, 'F1', who.village, '2026-01');
  await app.benefits.payments.build(who.finance1, {
    programmeCode: 'tefu',
    period: '2026-02',
    budgetFen: 1_000_000,
  });
});
afterAll(async () => app.close());

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
    await payAll(app, who, '2026-03', 118_000);
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

  it('suspends the enrolment of a record merged into another as its duplicate (重复登记)', async () => {
    // A clerk finds that 张伟's record duplicates another one and merges it (the correction the
    // 重复登记 list writes); the record's enrolment stops from the next month, as the system.
    const today = chinaDate(app.clock.now());
    await app.persons.recordEvent(who.county, {
      type: 'correction',
      date: today,
      person_id: 'F1',
      field: 'duplicate_of',
      value: 'M1',
      reason: '同一人重复登记',
    });
    const enrolment = await app.db
      .selectFrom('benefit_enrolments')
      .selectAll()
      .where('person_key', '=', 'F1')
      .executeTakeFirstOrThrow();
    expect(enrolment).toMatchObject({ status: 'suspended', suspended_from: firstMonthAfterDeath(today) });
    const application = await app.benefits.applications.get(who.county, enrolment.application_id);
    expect(application.trail.at(-1)).toMatchObject({
      action: 'suspend',
      userId: 'system',
      reason: expect.stringContaining('重复登记，已并入 M1'),
    });
    expect(await app.benefits.lifeEvents.onMerged('F1', today, 'M1')).toEqual([]);
  });
});
