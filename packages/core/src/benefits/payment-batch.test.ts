import { describe, expect, it } from 'vitest';
import { benefitDomainError } from './errors';
import {
  approveBatch,
  buildBatch,
  checkBatch,
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
