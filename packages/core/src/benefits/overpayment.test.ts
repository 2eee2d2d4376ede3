import { describe, expect, it } from 'vitest';
import { computeEntitlement } from './entitlements';
import { familyRecordsOf } from './facts';
import { childcareSubsidyProgramme } from './national-programmes';
import { firstMonthAfterDeath, monthAmountsOf, overpaymentAfterDeath, overpaymentOf } from './overpayment';
import { person } from './test-fixtures';

describe('overpayment', () => {
  it('payments stop the month after the month of death', () => {
    expect(firstMonthAfterDeath('2025-03-31')).toBe('2025-04');
    expect(firstMonthAfterDeath('2025-12-01')).toBe('2026-01');
  });

  it('recovers months paid after a death', () => {
    const paid = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05'].map((month) => ({
      month,
      amountFen: 59000,
    }));
    expect(overpaymentAfterDeath('2025-03-15', paid)).toEqual({
      months: [
        { month: '2025-04', amountFen: 59000 },
        { month: '2025-05', amountFen: 59000 },
      ],
      totalFen: 118000,
    });
    expect(overpaymentAfterDeath('2025-06-01', paid).totalFen).toBe(0);
  });

  it('a yearly 育儿补贴 paid in advance: the months after the death are recovered', () => {
    const child = person({ personId: 'B1', birthDate: '2024-02-10' });
    const paidYear = monthAmountsOf(
      computeEntitlement(childcareSubsidyProgramme, familyRecordsOf(child, []), '2025'),
    );
    const dead = { ...child, deathDate: '2025-09-20' };
    const recomputed = monthAmountsOf(
      computeEntitlement(childcareSubsidyProgramme, familyRecordsOf(dead, []), '2025'),
    );
    const fromRecompute = overpaymentOf(paidYear, recomputed);
    expect(fromRecompute.totalFen).toBe(3 * 30000);
    expect(fromRecompute.months.map((m) => m.month)).toEqual(['2025-10', '2025-11', '2025-12']);
    expect(overpaymentAfterDeath('2025-09-20', paidYear)).toEqual(fromRecompute);
  });

  it('never reports a negative overpayment for an underpaid month', () => {
    expect(
      overpaymentOf([{ month: '2025-01', amountFen: 100 }], [{ month: '2025-01', amountFen: 300 }]).totalFen,
    ).toBe(0);
  });
});
