// What the payment use cases share about one batch: its row, the view the pages and routes show, the
// core model the separation-of-duties rules check, and the database check that its total is the sum of
// its lines.
import { benefitDomainError, BenefitErrorCode, type PaymentBatch } from '@renkou/core';
import type { BenefitPaymentBatchesTable, Selectable } from '@renkou/db';
import { batchSums, type LineRow } from './payment.repository';

export type BatchRow = Selectable<BenefitPaymentBatchesTable>;

export function coreBatch(batch: BatchRow, lines: readonly LineRow[]): PaymentBatch {
  return {
    id: batch.id,
    status: batch.status === 'draft' ? 'draft' : batch.status === 'approved' ? 'approved' : 'released',
    builtBy: batch.built_by,
    budgetFen: batch.budget_fen,
    totalFen: batch.total_fen,
    lines: lines
      .filter((line) => line.status !== 'cancelled')
      .map((line) => ({
        beneficiaryId: line.person_key,
        programmeCode: line.programme_code,
        periodKey: line.period_key,
        amountFen: line.amount_fen,
      })),
    approvedBy: batch.approved_by,
    releasedBy: batch.exported_by,
  };
}

/** The batch total equals the sum of its lines as stored; otherwise the transaction is rolled back. */
export async function assertBatchTotals(
  trx: Parameters<typeof batchSums>[0],
  id: string,
  totalFen: number,
  count: number,
): Promise<void> {
  const sums = await batchSums(trx, id);
  if (sums.total !== totalFen || sums.count !== count) {
    throw benefitDomainError({
      code: BenefitErrorCode.BatchTotalMismatch,
      message: '批次合计与明细之和不符',
    });
  }
}

export function batchView(row: BatchRow) {
  return {
    id: row.id,
    programmeCode: row.programme_code,
    period: row.period,
    scopeCode: row.scope_code,
    followUpOf: row.follow_up_of,
    status: row.status,
    budgetFen: row.budget_fen,
    totalFen: row.total_fen,
    lineCount: row.line_count,
    builtBy: row.built_by,
    approvedBy: row.approved_by,
    exportedBy: row.exported_by,
  };
}
