import { describe, expect, it } from 'vitest';
import {
  allowedCommands,
  ApplicationStatus,
  createApplication,
  type ApplicationCommand,
  type ApplicationCommandType,
  type BenefitApplication,
} from './application';
import { transition, transitionMany, type TransitionContext } from './application-transitions';

const as = (userId: string, date: string): TransitionContext => ({ userId, date });
const fresh = () =>
  createApplication({
    id: 'A1',
    programmeCode: 'tefu',
    beneficiaryId: 'M1',
    channel: 'worker',
    enteredBy: 'clerk',
    date: '2025-03-01',
  });

function run(
  app: BenefitApplication,
  command: ApplicationCommand,
  ctx: TransitionContext,
): BenefitApplication {
  const result = transition(app, command, ctx);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function codeOf(
  app: BenefitApplication,
  command: ApplicationCommand,
  ctx: TransitionContext,
): string | undefined {
  const result = transition(app, command, ctx);
  return result.ok ? undefined : result.error.code;
}

const inNotice = () => run(fresh(), { type: 'villageApprove' }, as('village', '2025-03-03'));
const atTownship = () => run(inNotice(), { type: 'closeNotice' }, as('village', '2025-03-10'));
const atCounty = () => run(atTownship(), { type: 'townshipApprove' }, as('township', '2025-03-12'));
const enrolled = () =>
  run(atCounty(), { type: 'countyApprove', enrolFrom: '2025-04' }, as('county', '2025-03-20'));

describe('application review', () => {
  it('walks from entry through 公示 to enrolment, keeping the trail', () => {
    const notice = inNotice();
    expect(notice.notice).toEqual({ round: 1, firstDay: '2025-03-03', lastDay: '2025-03-09', days: 7 });
    const done = enrolled();
    expect(done.status).toBe('enrolled');
    expect(done.enrolment).toEqual({ fromMonth: '2025-04', suspendedFrom: null, endsBefore: null });
    expect(done.approvals.county).toEqual({ userId: 'county', date: '2025-03-20' });
    expect(done.trail.map((step) => step.action)).toEqual([
      'submit',
      'villageApprove',
      'closeNotice',
      'townshipApprove',
      'countyApprove',
    ]);
  });

  it('keeps the notice up for its whole period (configurable)', () => {
    expect(codeOf(inNotice(), { type: 'closeNotice' }, as('village', '2025-03-09'))).toBe(
      'BENEFIT_NOTICE_PERIOD_NOT_OVER',
    );
    const short = run(fresh(), { type: 'villageApprove', noticeDays: 3 }, as('village', '2025-03-03'));
    expect(short.notice?.lastDay).toBe('2025-03-05');
    expect(codeOf(fresh(), { type: 'villageApprove', noticeDays: 0 }, as('village', '2025-03-03'))).toBe(
      'BENEFIT_NOTICE_DAYS_INVALID',
    );
  });

  it('objections must be resolved before the case proceeds; an upheld one sends it back', () => {
    const objected = run(
      inNotice(),
      { type: 'raiseObjection', objectionId: 'O1', summary: '其子女仍在世' },
      as('village', '2025-03-05'),
    );
    expect(codeOf(objected, { type: 'closeNotice' }, as('village', '2025-03-10'))).toBe(
      'BENEFIT_OBJECTIONS_OPEN',
    );
    const dismissed = run(
      objected,
      { type: 'resolveObjection', objectionId: 'O1', upheld: false, finding: '经核实，子女已于2010年死亡' },
      as('township', '2025-03-08'),
    );
    expect(run(dismissed, { type: 'closeNotice' }, as('village', '2025-03-10')).status).toBe(
      'township_review',
    );
    expect(
      codeOf(
        dismissed,
        { type: 'resolveObjection', objectionId: 'O1', upheld: true, finding: 'x' },
        as('t', '2025-03-09'),
      ),
    ).toBe('BENEFIT_OBJECTION_ALREADY_RESOLVED');
    expect(
      codeOf(
        objected,
        { type: 'resolveObjection', objectionId: 'O9', upheld: true, finding: 'x' },
        as('t', '2025-03-09'),
      ),
    ).toBe('BENEFIT_OBJECTION_NOT_FOUND');

    const upheld = run(
      objected,
      { type: 'resolveObjection', objectionId: 'O1', upheld: true, finding: '子女在世' },
      as('township', '2025-03-08'),
    );
    expect(codeOf(upheld, { type: 'closeNotice' }, as('village', '2025-03-10'))).toBe(
      'BENEFIT_OBJECTION_UPHELD',
    );
    const back = run(upheld, { type: 'return', reason: '异议成立，重新核实' }, as('village', '2025-03-10'));
    expect(back).toMatchObject({ status: 'village_review', notice: null, approvals: { village: null } });
    // A second notice is a new round: the first round's objection no longer blocks it.
    const again = run(back, { type: 'villageApprove' }, as('village', '2025-03-12'));
    expect(again.notice?.round).toBe(2);
    expect(run(again, { type: 'closeNotice' }, as('village', '2025-03-19')).status).toBe('township_review');
  });

  it('returns go one level down with a reason', () => {
    expect(
      run(fresh(), { type: 'return', reason: '缺少残疾人证复印件' }, as('village', '2025-03-02')).status,
    ).toBe('returned_to_applicant');
    const toVillage = run(
      atTownship(),
      { type: 'return', reason: '户籍信息不符' },
      as('township', '2025-03-11'),
    );
    expect(toVillage).toMatchObject({ status: 'village_review', approvals: { village: null } });
    const toTownship = run(atCounty(), { type: 'return', reason: '请补充调查' }, as('county', '2025-03-13'));
    expect(toTownship).toMatchObject({ status: 'township_review', approvals: { township: null } });
    expect(toTownship.approvals.village?.userId).toBe('village');
    expect(toTownship.trail.at(-1)?.reason).toBe('请补充调查');
    expect(codeOf(atCounty(), { type: 'return', reason: '  ' }, as('county', '2025-03-13'))).toBe(
      'BENEFIT_REASON_REQUIRED',
    );
    const returned = run(fresh(), { type: 'return', reason: '补材料' }, as('village', '2025-03-02'));
    expect(run(returned, { type: 'resubmit' }, as('clerk', '2025-03-04')).status).toBe('village_review');
  });

  it('separates duties: the entrant never approves, and nobody approves at two levels', () => {
    expect(codeOf(fresh(), { type: 'villageApprove' }, as('clerk', '2025-03-03'))).toBe(
      'BENEFIT_ENTRANT_CANNOT_APPROVE',
    );
    expect(codeOf(atTownship(), { type: 'townshipApprove' }, as('clerk', '2025-03-12'))).toBe(
      'BENEFIT_ENTRANT_CANNOT_APPROVE',
    );
    expect(codeOf(atTownship(), { type: 'townshipApprove' }, as('village', '2025-03-12'))).toBe(
      'BENEFIT_REVIEWER_ALREADY_APPROVED',
    );
    expect(
      codeOf(atCounty(), { type: 'countyApprove', enrolFrom: '2025-04' }, as('township', '2025-03-20')),
    ).toBe('BENEFIT_REVIEWER_ALREADY_APPROVED');
  });

  it('suspends, resumes and terminates an enrolment with reasons', () => {
    const suspended = run(
      enrolled(),
      { type: 'suspend', reason: '年审未到', fromMonth: '2026-01' },
      as('t', '2026-01-05'),
    );
    expect(suspended).toMatchObject({ status: 'suspended', enrolment: { suspendedFrom: '2026-01' } });
    const resumed = run(
      suspended,
      { type: 'resume', reason: '已补年审', fromMonth: '2026-02' },
      as('t', '2026-02-01'),
    );
    expect(resumed).toMatchObject({ status: 'enrolled', enrolment: { suspendedFrom: null } });
    const ended = run(
      resumed,
      { type: 'terminate', reason: '死亡', fromMonth: '2026-04' },
      as('t', '2026-03-20'),
    );
    expect(ended).toMatchObject({ status: 'terminated', enrolment: { endsBefore: '2026-04' } });
  });

  it('refuses a date earlier than the last step', () => {
    expect(codeOf(inNotice(), { type: 'closeNotice' }, as('village', '2025-03-01'))).toBe(
      'BENEFIT_DATE_BEFORE_LAST_STEP',
    );
  });

  it('bulk actions report each refusal and change the rest', () => {
    const other = { ...atTownship(), id: 'A2', enteredBy: { channel: 'family' as const, userId: 'boss' } };
    const result = transitionMany(
      [atTownship(), other, fresh()],
      { type: 'townshipApprove' },
      as('boss', '2025-03-12'),
    );
    expect(result.changed.map((app) => app.id)).toEqual(['A1']);
    expect(result.refused.map((refusal) => [refusal.id, refusal.code])).toEqual([
      ['A2', 'BENEFIT_ENTRANT_CANNOT_APPROVE'],
      ['A1', 'BENEFIT_ILLEGAL_TRANSITION'],
    ]);
  });
});

describe('every illegal transition is refused', () => {
  const sample: Record<ApplicationCommandType, ApplicationCommand> = {
    villageApprove: { type: 'villageApprove' },
    raiseObjection: { type: 'raiseObjection', objectionId: 'O', summary: '异议' },
    resolveObjection: { type: 'resolveObjection', objectionId: 'O', upheld: false, finding: '结论' },
    closeNotice: { type: 'closeNotice' },
    townshipApprove: { type: 'townshipApprove' },
    countyApprove: { type: 'countyApprove', enrolFrom: '2026-01' },
    return: { type: 'return', reason: '理由' },
    resubmit: { type: 'resubmit' },
    reject: { type: 'reject', reason: '理由' },
    withdraw: { type: 'withdraw', reason: '理由' },
    suspend: { type: 'suspend', reason: '理由', fromMonth: '2026-01' },
    resume: { type: 'resume', reason: '理由', fromMonth: '2026-01' },
    terminate: { type: 'terminate', reason: '理由', fromMonth: '2026-01' },
  };
  const inStatus = (status: ApplicationStatus): BenefitApplication => ({
    ...enrolled(),
    status,
    notice: { round: 1, firstDay: '2025-03-03', lastDay: '2025-03-09', days: 7 },
  });
  const pairs = Object.values(ApplicationStatus).flatMap((status) =>
    (Object.keys(sample) as ApplicationCommandType[])
      .filter((command) => !allowedCommands[status].includes(command))
      .map((command) => [status, command] as const),
  );

  it('covers many pairs', () => {
    expect(pairs.length).toBeGreaterThan(80);
  });

  it.each(pairs)('%s refuses %s', (status, command) => {
    const app = inStatus(status);
    expect(codeOf(app, sample[command], as('someone', '2030-01-01'))).toBe('BENEFIT_ILLEGAL_TRANSITION');
  });

  it('final states accept nothing', () => {
    for (const status of ['rejected', 'withdrawn', 'terminated'] as const)
      expect(allowedCommands[status]).toEqual([]);
  });
});
