import { describe, expect, it } from 'vitest';
import { computeEntitlement } from './entitlements';
import { birthdayOf, enrolmentEndOf, type EnrolmentEndFacts } from './enrolment-ends';
import { familyRecordsOf } from './facts';
import { childcareSubsidyProgramme, specialAssistanceProgramme } from './national-programmes';
import { overpaymentFrom } from './overpayment';
import { programmeProblems } from './programme';
import { person, VILLAGE } from './test-fixtures';

const facts = (overrides: Partial<EnrolmentEndFacts> = {}): EnrolmentEndFacts => ({
  birthDate: '2023-03-15',
  deathDate: null,
  hukouCode: VILLAGE,
  hukouSince: null,
  ...overrides,
});

describe('enrolment ends: a child turning 3 (育儿补贴)', () => {
  it('is listed from the month of the third birthday and paid through that month', () => {
    expect(enrolmentEndOf(childcareSubsidyProgramme, VILLAGE, facts(), '2026-02-28')).toBeNull();
    const finding = enrolmentEndOf(childcareSubsidyProgramme, VILLAGE, facts(), '2026-03-02');
    expect(finding).toEqual({
      cause: 'age_limit',
      eventDate: '2026-03-15',
      endsBefore: '2026-04',
      reason: '2026-03-15 满3周岁，育儿补贴发放至 2026-03，自 2026-04 起终止',
    });
  });

  it('ends exactly where the entitlement stops paying (same proration rule)', () => {
    for (const birthDate of ['2022-01-01', '2022-06-30', '2022-12-31', '2023-02-28']) {
      const end = enrolmentEndOf(childcareSubsidyProgramme, VILLAGE, facts({ birthDate }), '2027-12-31')!;
      const child = familyRecordsOf(person({ personId: 'B1', birthDate }), []);
      const years = ['2025', '2026'].map((year) =>
        computeEntitlement(childcareSubsidyProgramme, child, year),
      );
      const paidMonths = years.flatMap((year) => year.months.filter((m) => m.amountFen > 0));
      expect(paidMonths.at(-1)!.month < end.endsBefore).toBe(true);
      const next = years.flatMap((year) => year.months).find((m) => m.month === end.endsBefore);
      expect(next?.amountFen ?? 0).toBe(0);
    }
  });

  it('a birthday on 29 February falls on 1 March in a common year', () => {
    expect(birthdayOf('2024-02-29', 3)).toBe('2027-03-01');
    expect(birthdayOf('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('programmes without an age limit never end by age', () => {
    const old = facts({ birthDate: '1930-01-01' });
    expect(enrolmentEndOf(specialAssistanceProgramme, VILLAGE, old, '2026-03-02')).toBeNull();
  });

  it('the age limit is checked as data', () => {
    expect(programmeProblems({ ...childcareSubsidyProgramme, ageLimit: 0 })).toEqual([
      { path: '$.ageLimit', message: '年龄上限应为 1–120 的整数（周岁）' },
    ]);
  });
});

describe('enrolment ends: a hukou move out of the county', () => {
  const moved = facts({ birthDate: '1960-01-01', hukouCode: '650102', hukouSince: '2026-02-20' });

  it('ends programmes tied to the hukou place from the month after the move', () => {
    expect(enrolmentEndOf(specialAssistanceProgramme, VILLAGE, moved, '2026-03-02')).toMatchObject({
      cause: 'hukou_move',
      eventDate: '2026-02-20',
      endsBefore: '2026-03',
      reason: expect.stringContaining('650102'),
    });
  });

  it('a move within the county ends nothing; a programme not tied to hukou goes on', () => {
    const within = { ...moved, hukouCode: '652926101001' };
    expect(enrolmentEndOf(specialAssistanceProgramme, VILLAGE, within, '2026-03-02')).toBeNull();
    const portable = { ...specialAssistanceProgramme, tiedToHukou: false };
    expect(enrolmentEndOf(portable, VILLAGE, moved, '2026-03-02')).toBeNull();
  });

  it('without a known move date, the listing date stands in', () => {
    const unknown = { ...moved, hukouSince: null };
    expect(enrolmentEndOf(specialAssistanceProgramme, VILLAGE, unknown, '2026-03-02')).toMatchObject({
      eventDate: '2026-03-02',
      endsBefore: '2026-04',
    });
  });
});

describe('enrolment ends: death, and the earliest of several events', () => {
  it('a death ends from the month after the month of death', () => {
    const dead = facts({ birthDate: '1960-01-01', deathDate: '2026-01-20' });
    expect(enrolmentEndOf(specialAssistanceProgramme, VILLAGE, dead, '2026-03-02')).toMatchObject({
      cause: 'death',
      endsBefore: '2026-02',
    });
    // A death dated after the listing date is not yet an end.
    expect(enrolmentEndOf(specialAssistanceProgramme, VILLAGE, dead, '2026-01-19')).toBeNull();
  });

  it('a move that came before the death ends the enrolment first', () => {
    const both = facts({
      birthDate: '1960-01-01',
      deathDate: '2026-02-10',
      hukouCode: '650102',
      hukouSince: '2025-11-05',
    });
    expect(enrolmentEndOf(specialAssistanceProgramme, VILLAGE, both, '2026-03-02')).toMatchObject({
      cause: 'hukou_move',
      endsBefore: '2025-12',
    });
  });

  it('what was paid from the first month no longer due is an overpayment', () => {
    const paid = ['2026-01', '2026-02', '2026-03'].map((month) => ({ month, amountFen: 59_000 }));
    expect(overpaymentFrom('2026-02', paid)).toEqual({
      months: [
        { month: '2026-02', amountFen: 59_000 },
        { month: '2026-03', amountFen: 59_000 },
      ],
      totalFen: 118_000,
    });
  });
});
