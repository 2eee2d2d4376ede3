import { describe, expect, it } from 'vitest';
import { computeEntitlement, paymentLinesOf } from './entitlements';
import { familyRecordsOf } from './facts';
import { sumFen } from './money';
import {
  childcareSubsidyProgramme,
  rewardAssistanceProgramme,
  specialAssistanceProgramme,
} from './national-programmes';
import { withNewSchedule } from './amount-schedules';
import type { ProgrammeDefinition } from './programme';
import { child, father, mother, person } from './test-fixtures';
import type { PersonState } from '../register/model';

const baby = (birthDate: string, overrides: Partial<PersonState> = {}) =>
  familyRecordsOf(person({ personId: 'B1', birthDate, motherId: 'M1', ...overrides }), []);

describe('育儿补贴 entitlement, prorated by month', () => {
  it('a child born in December 2023 gets 24 months, ¥7,200', () => {
    const records = baby('2023-12-05');
    const years = ['2024', '2025', '2026', '2027'].map((year) =>
      computeEntitlement(childcareSubsidyProgramme, records, year),
    );
    expect(years.map((year) => year.totalFen)).toEqual([0, 360000, 360000, 0]);
    expect(sumFen(years.map((year) => year.totalFen))).toBe(720000);
  });

  it('a child born in June 2025 is paid from July 2025 through June 2028', () => {
    const records = baby('2025-06-20');
    const totals = ['2025', '2026', '2027', '2028'].map(
      (year) => computeEntitlement(childcareSubsidyProgramme, records, year).totalFen,
    );
    expect(totals).toEqual([6 * 30000, 360000, 360000, 6 * 30000]);
    const in2028 = computeEntitlement(childcareSubsidyProgramme, records, '2028');
    expect(in2028.months.filter((m) => m.amountFen > 0).map((m) => m.month)).toEqual([
      '2028-01',
      '2028-02',
      '2028-03',
      '2028-04',
      '2028-05',
      '2028-06',
    ]);
  });

  it('a child turning 3 in March 2025 gets three months of 2025', () => {
    expect(computeEntitlement(childcareSubsidyProgramme, baby('2022-03-31'), '2025').totalFen).toBe(90000);
  });

  it('stops the month after the child dies', () => {
    const records = baby('2024-01-10', { deathDate: '2025-08-31' });
    expect(computeEntitlement(childcareSubsidyProgramme, records, '2025').totalFen).toBe(8 * 30000);
  });

  it('one payment line per year under the no-double-payment key', () => {
    const entitlement = computeEntitlement(childcareSubsidyProgramme, baby('2025-06-20'), '2025');
    expect(paymentLinesOf(childcareSubsidyProgramme, entitlement)).toEqual([
      { beneficiaryId: 'B1', programmeCode: 'yuer_butie', periodKey: '2025', amountFen: 180000 },
    ]);
  });

  it('refuses a malformed period', () => {
    expect(() => computeEntitlement(childcareSubsidyProgramme, baby('2025-06-20'), '2025-1')).toThrow(
      RangeError,
    );
  });
});

describe('特扶 entitlement, monthly', () => {
  const died = [mother, father, child('C1', { deathDate: '2010-05-01' })];

  it('uses ¥450 before and ¥590 from July 2022, flagging the unconfirmed old figure', () => {
    const year = computeEntitlement(specialAssistanceProgramme, familyRecordsOf(mother, died), '2022');
    expect(year.months.map((m) => m.amountFen)).toEqual([...Array(6).fill(45000), ...Array(6).fill(59000)]);
    expect(year.totalFen).toBe(6 * 45000 + 6 * 59000);
    expect(year.usesUnverifiedAmount).toBe(true);
    const month = computeEntitlement(specialAssistanceProgramme, familyRecordsOf(father, died), '2025-03');
    expect(month).toMatchObject({ totalFen: 59000, usesUnverifiedAmount: false, period: '2025-03' });
    expect(month.months[0]?.categoryCode).toBe('child_died');
  });

  it('pays ¥460 a month for a disabled only child', () => {
    const family = [mother, child('C1', { disabilityGrade: 1 })];
    expect(
      computeEntitlement(specialAssistanceProgramme, familyRecordsOf(mother, family), '2025-01').totalFen,
    ).toBe(46000);
  });

  it('stops the month after the parent dies', () => {
    const deceased = { ...mother, deathDate: '2025-04-01' };
    const year = computeEntitlement(specialAssistanceProgramme, familyRecordsOf(deceased, died), '2025');
    expect(year.totalFen).toBe(4 * 59000);
    expect(paymentLinesOf(specialAssistanceProgramme, year).map((line) => line.periodKey)).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
    ]);
  });
});

describe('奖扶 entitlement, yearly', () => {
  const family = familyRecordsOf(father, [mother, child('C1')], { qualifyingHistory1973To2001: true });

  it('counts from the month after the 60th birthday, a twelfth of the yearly amount per month', () => {
    // Born 1960-02-20: 60 on 2020-02-20, so March–December 2020 at ¥960 a year = ¥800.
    const year = computeEntitlement(rewardAssistanceProgramme, family, '2020');
    expect(year.totalFen).toBe(80000);
    expect(year.usesUnverifiedAmount).toBe(true);
  });

  it('a county raise is a new schedule from a date, used from that date on', () => {
    const raised = withNewSchedule(rewardAssistanceProgramme, 'standard', {
      effectiveFrom: '2025-07-01',
      amountFen: 120000,
      basis: 'per_year',
      source: '县文件',
      verified: true,
    });
    expect(raised.ok).toBe(true);
    const programme = (raised as { value: ProgrammeDefinition }).value;
    const year = computeEntitlement(programme, family, '2025');
    expect(year.totalFen).toBe(6 * 8000 + 6 * 10000);
    // The original definition is unchanged.
    expect(computeEntitlement(rewardAssistanceProgramme, family, '2025').totalFen).toBe(96000);
  });
});
