import { describe, expect, it } from 'vitest';
import { childcareSubsidyProgramme, specialAssistanceProgramme } from './national-programmes';
import { scheduleOn, withNewSchedule } from './amount-schedules';
import { appliesInRegion, paymentPeriodKey, programmeProblems, type AmountSchedule } from './programme';

const raise: AmountSchedule = {
  effectiveFrom: '2026-01-01',
  amountFen: 65000,
  basis: 'per_month',
  source: '县文件',
  verified: true,
};

describe('programme definitions', () => {
  it('a new amount is added from a date; an existing date is never overwritten', () => {
    const added = withNewSchedule(specialAssistanceProgramme, 'child_died', raise);
    expect(added.ok && added.value.categories[0]?.schedules.map((s) => s.effectiveFrom)).toEqual([
      '2008-01-01',
      '2022-07-01',
      '2026-01-01',
    ]);
    const edit = withNewSchedule(specialAssistanceProgramme, 'child_died', {
      ...raise,
      effectiveFrom: '2022-07-01',
    });
    expect(edit).toMatchObject({ ok: false, error: { code: 'BENEFIT_SCHEDULE_DATE_TAKEN' } });
    expect(withNewSchedule(specialAssistanceProgramme, 'nope', raise)).toMatchObject({
      ok: false,
      error: { code: 'BENEFIT_UNKNOWN_CATEGORY' },
    });
    expect(
      withNewSchedule(specialAssistanceProgramme, 'child_died', { ...raise, amountFen: 1.5 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'BENEFIT_INVALID_AMOUNT' },
    });
    expect(
      withNewSchedule(specialAssistanceProgramme, 'child_died', { ...raise, basis: 'per_year' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'BENEFIT_INVALID_AMOUNT' },
    });
  });

  it('a county top-up raises the amount for that county only, from its date', () => {
    const topUp = { ...raise, effectiveFrom: '2024-01-01', amountFen: 70000, region: '652926' };
    const added = withNewSchedule(specialAssistanceProgramme, 'child_died', topUp);
    if (!added.ok) throw new Error(added.error.message);
    const died = added.value.categories[0]!;
    expect(scheduleOn(died, '2023-12-31', '652926100001')?.amountFen).toBe(59000);
    expect(scheduleOn(died, '2024-01-01', '652926100001')).toEqual(topUp);
    expect(scheduleOn(died, '2024-01-01', '650102001001')?.amountFen).toBe(59000);
    // The national schedule is untouched; a later national raise above the top-up wins, one below does not.
    expect(died.schedules.filter((s) => s.region === undefined)).toHaveLength(2);
    const higher = withNewSchedule(added.value, 'child_died', { ...raise, amountFen: 80000 });
    const lower = withNewSchedule(added.value, 'child_died', { ...raise, amountFen: 65000 });
    if (!higher.ok || !lower.ok) throw new Error('national raise refused');
    expect(scheduleOn(higher.value.categories[0]!, '2026-01-01', '652926100001')?.amountFen).toBe(80000);
    expect(scheduleOn(lower.value.categories[0]!, '2026-01-01', '652926100001')?.amountFen).toBe(70000);
  });

  it('refuses a top-up below the wider amount, outside the region, or on a date it already has', () => {
    const topUp = { ...raise, effectiveFrom: '2024-01-01', amountFen: 70000, region: '652926' };
    expect(
      withNewSchedule(specialAssistanceProgramme, 'child_died', { ...topUp, amountFen: 50000 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'BENEFIT_INVALID_AMOUNT', message: expect.stringContaining('schedule.amountFen') },
    });
    const county = { ...specialAssistanceProgramme, regionPrefix: '652926' };
    expect(withNewSchedule(county, 'child_died', { ...topUp, region: '652927' })).toMatchObject({
      ok: false,
      error: { code: 'BENEFIT_INVALID_AMOUNT', message: expect.stringContaining('schedule.region') },
    });
    // Two counties may start on the same day; one county may not twice.
    const first = withNewSchedule(specialAssistanceProgramme, 'child_died', topUp);
    if (!first.ok) throw new Error(first.error.message);
    expect(withNewSchedule(first.value, 'child_died', { ...topUp, region: '652927' }).ok).toBe(true);
    expect(withNewSchedule(first.value, 'child_died', topUp)).toMatchObject({
      ok: false,
      error: { code: 'BENEFIT_SCHEDULE_DATE_TAKEN' },
    });
    expect(programmeProblems(first.value)).toEqual([]);
  });

  it('a county programme applies under its division-code prefix', () => {
    const county = { ...childcareSubsidyProgramme, code: 'local_topup', regionPrefix: '652926' };
    expect(appliesInRegion(county, '652926100001')).toBe(true);
    expect(appliesInRegion(county, '650102001001')).toBe(false);
    expect(appliesInRegion(childcareSubsidyProgramme, '650102001001')).toBe(true);
  });

  it('keys payments by month, year or once', () => {
    expect(paymentPeriodKey(specialAssistanceProgramme, '2025-03')).toBe('2025-03');
    expect(paymentPeriodKey(childcareSubsidyProgramme, '2025-03')).toBe('2025');
    expect(paymentPeriodKey({ ...childcareSubsidyProgramme, paymentPeriod: 'one_time' }, '2025-03')).toBe(
      'once',
    );
  });

  it('finds problems in a county definition, with paths', () => {
    const broken = {
      ...specialAssistanceProgramme,
      regionPrefix: '65A',
      eligibility: { fact: 'age', op: 'gte', value: 'x' } as never,
      categories: [
        {
          code: 'c',
          name: 'c',
          schedules: [
            { ...raise, effectiveFrom: '2026-01-01' },
            { ...raise, effectiveFrom: '2025-01-01' },
          ],
        },
      ],
    };
    expect(programmeProblems(broken).map((p) => p.path)).toEqual([
      '$.regionPrefix',
      '$.eligibility.value',
      '$.categories[0].schedules[1]',
    ]);
  });
});
