// The checks on a payment batch that need no database: the total equals the sum of its lines, no key
// (beneficiary, programme, period) appears twice, it fits the budget, and funds are approved and paid
// by different people (四权分离). The database still holds the unique key across batches.
import { BenefitErrorCode, fail, ok, type BenefitResult } from './errors';
import { formatFen, sumFen, type Fen } from './money';

export interface PaymentLine {
  beneficiaryId: string;
  programmeCode: string;
  /** '2025-03', '2025' or 'once': see paymentPeriodKey. */
  periodKey: string;
  amountFen: Fen;
}

export type BatchStatus = 'draft' | 'approved' | 'released';

export interface PaymentBatch {
  id: string;
  status: BatchStatus;
  builtBy: string;
  /** What is left of the budget for this batch, in fen. */
  budgetFen: Fen;
  totalFen: Fen;
  lines: readonly PaymentLine[];
  approvedBy: string | null;
  releasedBy: string | null;
}

export function paymentKey(line: Pick<PaymentLine, 'beneficiaryId' | 'programmeCode' | 'periodKey'>): string {
  return `${line.beneficiaryId}|${line.programmeCode}|${line.periodKey}`;
}

/** Keys that appear more than once: a person paid twice for the same programme and period. */
export function duplicatePaymentKeys(lines: readonly PaymentLine[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const line of lines) {
    const key = paymentKey(line);
    if (seen.has(key)) twice.add(key);
    seen.add(key);
  }
  return [...twice];
}

export function buildBatch(
  id: string,
  builtBy: string,
  budgetFen: Fen,
  lines: readonly PaymentLine[],
): PaymentBatch {
  return {
    id,
    status: 'draft',
    builtBy,
    budgetFen,
    totalFen: sumFen(lines.map((line) => line.amountFen)),
    lines,
    approvedBy: null,
    releasedBy: null,
  };
}

export function checkBatch(batch: PaymentBatch): BenefitResult<PaymentBatch> {
  if (batch.lines.some((line) => !Number.isSafeInteger(line.amountFen) || line.amountFen <= 0)) {
    return fail(BenefitErrorCode.InvalidAmount, '每行金额应为正整数（分）');
  }
  if (sumFen(batch.lines.map((line) => line.amountFen)) !== batch.totalFen) {
    return fail(BenefitErrorCode.BatchTotalMismatch, '批次合计与明细之和不符');
  }
  const duplicates = duplicatePaymentKeys(batch.lines);
  if (duplicates.length > 0)
    return fail(BenefitErrorCode.InvalidAmount, `重复发放：${duplicates.join('，')}`);
  return ok(batch);
}

/** Approving the funds: refused over budget, or by whoever built the batch. */
export function approveBatch(batch: PaymentBatch, userId: string): BenefitResult<PaymentBatch> {
  if (batch.status !== 'draft') return fail(BenefitErrorCode.IllegalTransition, '只有草稿批次可以审批');
  if (batch.builtBy === userId)
    return fail(BenefitErrorCode.BatchBuilderCannotApprove, '生成批次的人不能审批该批次');
  const checked = checkBatch(batch);
  if (!checked.ok) return checked;
  if (batch.totalFen > batch.budgetFen) {
    return fail(
      BenefitErrorCode.OverBudget,
      `批次合计 ${batch.totalFen} 分超出预算余额 ${batch.budgetFen} 分`,
    );
  }
  return ok({ ...batch, status: 'approved', approvedBy: userId });
}

/** Releasing for payment (the bank file): never by the person who approved the funds. */
export function releaseBatch(batch: PaymentBatch, userId: string): BenefitResult<PaymentBatch> {
  if (batch.status !== 'approved')
    return fail(BenefitErrorCode.IllegalTransition, '只有已审批的批次可以发放');
  if (batch.approvedBy === userId)
    return fail(BenefitErrorCode.FundsApproverCannotPay, '审批资金的人不能办理发放');
  return ok({ ...batch, status: 'released', releasedBy: userId });
}

/** A year's budget of a programme within a jurisdiction, and what approved batches already commit of it. */
export interface YearlyBudget {
  programmeCode: string;
  year: number;
  /** Division-code prefix the budget is for ('' = everywhere the installation pays). */
  scopeCode: string;
  amountFen: Fen;
  committedFen: Fen;
}

export function remainingOf(budget: YearlyBudget): Fen {
  return budget.amountFen - budget.committedFen;
}

/** Approving `batchFen` more within the budget's jurisdiction: refused when it exceeds what remains. */
export function checkYearlyBudget(budget: YearlyBudget, batchFen: Fen): BenefitResult<YearlyBudget> {
  const remaining = remainingOf(budget);
  if (batchFen > remaining) {
    const where = budget.scopeCode === '' ? '' : `（${budget.scopeCode}）`;
    return fail(
      BenefitErrorCode.OverBudget,
      `${budget.year}年预算${where}余额 ${formatFen(remaining)}，本批次 ${formatFen(batchFen)}，超出 ${formatFen(batchFen - remaining)}`,
    );
  }
  return ok({ ...budget, committedFen: budget.committedFen + batchFen });
}
