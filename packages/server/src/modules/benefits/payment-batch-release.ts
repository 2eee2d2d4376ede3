// Releasing a payment batch: approved by someone other than its builder (its total checked against
// its lines again, and against what remains of its programme's yearly budgets), then exported to the
// bank by someone other than its approver. A re-export of an exported batch gives the same file. The
// caller has authorized the actor and checked the batch's scope.
import {
  approveBatch,
  benefitDomainError,
  BenefitErrorCode,
  DomainError,
  ErrorCode,
  releaseBatch,
  type Actor,
} from '@renkou/core';
import type { BankFileAdapter } from './bank-file';
import { conflict, type BenefitsContext } from './benefits-context';
import { assertWithinYearlyBudgets } from './budgets.service';
import { assertBatchTotals, coreBatch, type BatchRow } from './payment-batch';
import { linesOf } from './payment.repository';

export async function approveBatchRow(
  context: BenefitsContext,
  actor: Actor,
  batch: BatchRow,
): Promise<void> {
  const { db, audit, clock } = context;
  const id = batch.id;
  await db.transaction().execute(async (trx) => {
    const lines = await linesOf(trx, id);
    const checked = approveBatch(coreBatch(batch, lines), actor.userId);
    if (!checked.ok) throw benefitDomainError(checked.error);
    await assertBatchTotals(trx, id, batch.total_fen, batch.line_count);
    await assertWithinYearlyBudgets(trx, batch);
    const updated = await trx
      .updateTable('benefit_payment_batches')
      .set({ status: 'approved', approved_by: actor.userId, approved_at: clock.now() })
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw conflict('批次已被他人处理', 'BENEFIT_STALE');
    await audit.record(
      trx,
      { actor },
      {
        action: 'benefit.batch.approve',
        targetType: 'benefit_payment_batch',
        targetIds: [id],
        jurisdiction: batch.scope_code,
        details: { totalFen: batch.total_fen, budgetFen: batch.budget_fen },
      },
    );
  });
}

/** The bank file of an approved (or already exported) batch; the first export releases the batch. */
export async function exportBatchFile(
  context: BenefitsContext,
  actor: Actor,
  batch: BatchRow,
  adapter: BankFileAdapter,
) {
  if (batch.status !== 'approved' && batch.status !== 'exported') {
    throw benefitDomainError({
      code: BenefitErrorCode.IllegalTransition,
      message: '只有已审批的批次可以导出银行文件',
    });
  }
  const { db, audit, clock, crypto } = context;
  const id = batch.id;
  return db.transaction().execute(async (trx) => {
    const lines = (await linesOf(trx, id)).filter((line) => line.status !== 'cancelled');
    const released = releaseBatch({ ...coreBatch(batch, lines), status: 'approved' }, actor.userId);
    if (!released.ok) throw benefitDomainError(released.error);
    const missing = lines.filter((line) => line.account_sealed === null);
    if (missing.length > 0) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `${missing.length} 行缺少银行账户，不能导出`,
        missing.slice(0, 50).map((line) => ({ row: line.line_no, field: 'account', reason: '缺少银行账户' })),
      );
    }
    const content = await adapter.exportLines(
      lines.map((line) => ({
        reference: line.id,
        account: crypto.decrypt(line.account_sealed!),
        name: line.account_name ?? '',
        amountFen: line.amount_fen,
      })),
    );
    if (batch.status === 'approved') {
      await trx
        .updateTable('benefit_payment_batches')
        .set({ status: 'exported', exported_by: actor.userId, exported_at: clock.now() })
        .where('id', '=', id)
        .where('status', '=', 'approved')
        .execute();
    }
    await audit.record(
      trx,
      { actor },
      {
        action: 'benefit.batch.export',
        targetType: 'benefit_payment_batch',
        targetIds: [id],
        jurisdiction: batch.scope_code,
        purpose: '银行代发',
        details: { format: adapter.format, lines: lines.length, totalFen: batch.total_fen },
      },
    );
    return {
      batchId: id,
      fileName: `${batch.programme_code}-${batch.period}-${id}.${adapter.extension}`,
      format: adapter.format,
      mediaType: adapter.mediaType,
      encoding: adapter.encoding,
      content,
      lineCount: lines.length,
      totalFen: batch.total_fen,
    };
  });
}
