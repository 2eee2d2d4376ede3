// 特扶 for a disabled only child on a real database (PGlite, and PostgreSQL with DATABASE_URL): the
// register holds no grade for 周小明, so screening sends his mother to a worker naming the missing
// grade; the worker records the grade on the 残疾人证 with the application: grade 4 is refused, grade 2
// is enrolled and paid ¥460 a month.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDataset } from '../../testing/register-fixtures';
import { openTestApplication } from '../../testing/test-application';
import {
  BENEFIT_EVENTS,
  BENEFIT_PERSONS,
  DATASET,
  enrol,
  payAll,
  refused,
  staff,
  type App,
} from './test-fixtures';

let app: App;
const who = staff();
const MISSING = '缺少存活子女最重残疾等级（核验子女残疾人证后，在申请中录入残疾等级（1—4级））';

// 周梅 (M5, 58 in 2026) and her only child 周小明 (C5), alive, with no disability grade in the register.
const PERSONS = `${BENEFIT_PERSONS}M5,,周梅,2,1968-03-01,01,652926100002,,H5,head,20,,,1,agricultural
C5,,周小明,1,1995-06-01,01,652926100002,,H5,child,10,M5,,,agricultural
`;

beforeAll(async () => {
  app = await openTestApplication();
  await app.jurisdictions.loadCoverage('652926');
  const result = await app.register.importDirectory(
    writeDataset({ persons: PERSONS, events: BENEFIT_EVENTS, dataset: DATASET }),
    { username: 'tester' },
  );
  if (result.problems.some((p) => p.severity === 'error')) throw new Error(JSON.stringify(result.problems));
});
afterAll(async () => app.close());

describe('特扶 with the child disability grade', () => {
  it('screening names the missing grade', async () => {
    const screened = await app.benefits.screening.screen(who.townA, {
      programmeCode: 'tefu',
      date: '2026-03-01',
      outcome: 'needs_review',
      page: 1,
      pageSize: 50,
    });
    expect(screened.items.map((i) => i.personKey)).toEqual(['M5']);
    expect(screened.items[0]!.explanationText).toContain(`特扶 2026-03-01：无法判断（缺少信息）：${MISSING}`);
  });

  it('an application without the grade cannot pass the village review, and says why', async () => {
    const entered = await app.benefits.applications.create(who.townA, {
      programmeCode: 'tefu',
      personKey: 'M5',
      channel: 'worker',
    });
    expect(entered.screening.outcome).toBe('needs_review');
    const refusal = await refused(
      app.benefits.applications.act(who.townB, entered.id, { action: 'villageApprove' }),
    );
    expect(refusal).toMatchObject({ code: 'CONFLICT', reason: 'BENEFIT_CATEGORY_UNKNOWN' });
    expect(refusal.message).toContain(MISSING);
    await app.benefits.applications.act(who.townA, entered.id, {
      action: 'withdraw',
      reason: '补录残疾等级',
    });
  });

  it('a recorded grade 4 is refused; grade 2 is enrolled and paid ¥460 a month', async () => {
    const grade4 = await refused(
      app.benefits.applications.create(who.townA, {
        programmeCode: 'tefu',
        personKey: 'M5',
        channel: 'worker',
        declared: { childDisabilityGrade: 4 },
      }),
    );
    expect(grade4.reason).toBe('BENEFIT_NOT_ELIGIBLE');
    expect(grade4.message).toContain('存活子女最重残疾等级在 1级 至 3级 之间（实际：4级）— 不符合');

    const enrolled = await enrol(app, who, 'M5', who.townA, '2026-03', '周梅', {
      declared: { childDisabilityGrade: 2 },
    });
    expect(enrolled.enrolment).toMatchObject({ categoryCode: 'child_disabled', status: 'active' });
    const row = await app.db
      .selectFrom('benefit_applications')
      .select('declared')
      .where('id', '=', enrolled.id)
      .executeTakeFirstOrThrow();
    expect(row.declared).toEqual({ childDisabilityGrade: 2 });
    const batch = await payAll(app, who, '2026-03', 1_000_000);
    expect(batch.totalFen).toBe(46_000);
  });
});
