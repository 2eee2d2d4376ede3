import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benefitDomainError } from './errors';
import {
  approveBatch,
  buildBatch,
  checkBatch,
  checkYearlyBudget,
  duplicatePaymentKeys,
  releaseBatch,
  type PaymentLine,
} from './payment-batch';

const line = (beneficiaryId: string, amountFen: number, periodKey = '2025-03'): PaymentLine => ({
  beneficiaryId,
  programmeCode: 'tefu',
  periodKey,
  amountFen,
});
const lines = [line('P1', 59000), line('P2', 46000), line('P3', 59000)];

describe('payment batch checks', () => {
  it('the total is the sum of the lines, in fen', () => {
    expect(buildBatch('B1', 'builder', 1_000_000, lines).totalFen).toBe(164000);
    expect(checkBatch({ ...buildBatch('B1', 'builder', 1_000_000, lines), totalFen: 164001 })).toMatchObject({
      ok: false,
      error: { code: 'BENEFIT_BATCH_TOTAL_MISMATCH' },
    });
  });

  it('refuses the same person, programme and period twice', () => {
    const twice = [...lines, line('P1', 59000)];
    expect(duplicatePaymentKeys(twice)).toEqual(['P1|tefu|2025-03']);
    expect(duplicatePaymentKeys([...lines, line('P1', 59000, '2025-04')])).toEqual([]);
    expect(approveBatch(buildBatch('B1', 'builder', 1_000_000, twice), 'approver').ok).toBe(false);
  });

  it('refuses to approve over budget', () => {
    expect(approveBatch(buildBatch('B1', 'builder', 163999, lines), 'approver')).toMatchObject({
      ok: false,
      error: { code: 'BENEFIT_OVER_BUDGET' },
    });
    expect(approveBatch(buildBatch('B1', 'builder', 164000, lines), 'approver').ok).toBe(true);
  });

  it('who builds does not approve; who approves the funds does not pay', () => {
    const batch = buildBatch('B1', 'builder', 1_000_000, lines);
    expect(approveBatch(batch, 'builder')).toMatchObject({
      ok: false,
      error: { code: 'BENEFIT_BATCH_BUILDER_CANNOT_APPROVE' },
    });
    const approved = approveBatch(batch, 'approver');
    if (!approved.ok) throw new Error('approval refused');
    const refused = releaseBatch(approved.value, 'approver');
    expect(refused).toMatchObject({ ok: false, error: { code: 'BENEFIT_FUNDS_APPROVER_CANNOT_PAY' } });
    if (!refused.ok) expect(benefitDomainError(refused.error).code).toBe('FORBIDDEN');
    expect(releaseBatch(approved.value, 'cashier')).toMatchObject({
      ok: true,
      value: { status: 'released', releasedBy: 'cashier' },
    });
    expect(releaseBatch(batch, 'cashier')).toMatchObject({
      ok: false,
      error: { code: 'BENEFIT_ILLEGAL_TRANSITION' },
    });
  });
});

describe('yearly budget', () => {
  const budget = {
    programmeCode: 'tefu',
    year: 2026,
    scopeCode: '652926',
    amountFen: 1_000_000,
    committedFen: 941_000,
  };

  it('a batch that fits is committed; one fen more is refused with the figures in yuan', () => {
    expect(checkYearlyBudget(budget, 59_000)).toEqual({
      ok: true,
      value: { ...budget, committedFen: 1_000_000 },
    });
    const over = checkYearlyBudget(budget, 59_001);
    expect(over).toEqual({
      ok: false,
      error: {
        code: 'BENEFIT_OVER_BUDGET',
        message: '2026年预算（652926）余额 ¥590.00，本批次 ¥590.01，超出 ¥0.01',
      },
    });
  });

  it('the remainder never goes below zero by approval (property, fixed seed)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 1, max: 2_000_000 }), { maxLength: 30 }),
        (amountFen, batches) => {
          let current = { ...budget, amountFen, committedFen: 0 };
          for (const batchFen of batches) {
            const checked = checkYearlyBudget(current, batchFen);
            if (checked.ok) current = checked.value;
          }
          expect(current.committedFen).toBeLessThanOrEqual(amountFen);
          expect(Number.isSafeInteger(current.committedFen)).toBe(true);
        },
      ),
      { seed: 20260302, numRuns: 200 },
    );
  });
});
