// The bank's result file for an exported batch: checked as a whole (unknown lines or accounts,
// wrong amounts or totals, duplicate lines, lines already settled) and refused with a report that
// changes nothing; otherwise paid lines are locked and failed lines go into a follow-up draft batch
// whose lines retry them (the failed line frees its no-double-payment key, the retry takes it).
import {
  authorize,
  benefitDomainError,
  BenefitErrorCode,
  DomainError,
  ErrorCode,
  Permission,
  sumFen,
  uuidv7,
  type Actor,
} from '@renkou/core';
import { conflict, isUniqueViolation, type BenefitsContext } from './benefits-context';
import { insertLines, linesOf } from './payment.repository';
import type { PaymentsService } from './payments.service';

export interface BankResultsInput {
  fileName: string;
  content: string;
  format?: string;
}

export class BankResultsService {
  constructor(
    private readonly context: BenefitsContext,
    private readonly payments: PaymentsService,
  ) {}

  /**
   * The bank's result file: checked as a whole first (unknown lines or accounts, wrong amounts or
   * totals, duplicates, lines already settled) and refused with a report, changing nothing; then paid
   * lines are locked and failed lines go into a follow-up draft batch.
   */
  async importBankResults(actor: Actor, id: string, input: BankResultsInput) {
    authorize(actor, Permission.PaymentManage);
    const adapter = this.payments.adapter(input.format);
    const batch = await this.payments.batchInScope(actor, id);
    if (batch.status !== 'exported') {
      throw benefitDomainError({
        code: BenefitErrorCode.IllegalTransition,
        message: '只有已导出的批次可以导入银行结果',
      });
    }
    const { db, audit, clock, crypto } = this.context;
    const parsed = await adapter.parseResults(input.content);
    const problems = [...parsed.problems];
    const lines = await linesOf(db, id);
    const byId = new Map(lines.map((line) => [line.id, line]));
    const seen = new Set<string>();
    for (const row of parsed.rows) {
      const line = byId.get(row.reference);
      if (seen.has(row.reference)) {
        problems.push({ row: row.row, field: 'reference', reason: `重复的流水号：${row.reference}` });
        continue;
      }
      seen.add(row.reference);
      if (!line || line.status === 'cancelled') {
        problems.push({ row: row.row, field: 'reference', reason: `本批次无此流水号：${row.reference}` });
        continue;
      }
      if (line.account_sealed === null || crypto.decrypt(line.account_sealed) !== row.account) {
        problems.push({ row: row.row, field: 'account', reason: '账号与本批次该行不符（未知账号）' });
      }
      if (row.amountFen !== line.amount_fen) {
        problems.push({
          row: row.row,
          field: 'amount',
          reason: `金额 ${row.amountFen} 分与本行 ${line.amount_fen} 分不符`,
        });
      }
      if (line.status !== 'pending') {
        problems.push({
          row: row.row,
          field: 'reference',
          reason: `该行已${line.status === 'paid' ? '发放' : '失败'}并锁定`,
        });
      }
    }
    const fileTotal = sumFen(parsed.rows.map((row) => row.amountFen));
    if (parsed.declaredTotalFen !== null && parsed.declaredTotalFen !== fileTotal) {
      problems.push({
        row: 0,
        field: 'total',
        reason: `合计 ${parsed.declaredTotalFen} 分与明细之和 ${fileTotal} 分不符`,
      });
    }
    if (problems.length > 0) {
      await audit.record(
        db,
        { actor },
        {
          action: 'benefit.batch.results',
          outcome: 'failed',
          targetType: 'benefit_payment_batch',
          targetIds: [id],
          jurisdiction: batch.scope_code,
          details: { fileName: input.fileName, problems: problems.length },
        },
      );
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `银行结果文件有 ${problems.length} 处问题，未做任何更改`,
        problems.map((p) => ({ row: p.row, field: p.field, reason: p.reason })),
      );
    }
    const paid = parsed.rows.filter((row) => row.paid);
    const failed = parsed.rows.filter((row) => !row.paid);
    const now = clock.now();
    let followUpBatchId: string | null = null;
    try {
      await db.transaction().execute(async (trx) => {
        for (const row of paid) {
          await trx
            .updateTable('benefit_payment_lines')
            .set({ status: 'paid', bank_reference: row.reference, result_at: now })
            .where('id', '=', row.reference)
            .where('status', '=', 'pending')
            .execute();
        }
        for (const row of failed) {
          await trx
            .updateTable('benefit_payment_lines')
            .set({
              status: 'failed',
              bank_reference: row.reference,
              failure_reason: row.reason ?? '银行退回',
              result_at: now,
            })
            .where('id', '=', row.reference)
            .where('status', '=', 'pending')
            .execute();
        }
        if (failed.length > 0) {
          followUpBatchId = uuidv7(now.getTime());
          const retries = failed.map((row) => byId.get(row.reference)!);
          const failedFen = sumFen(retries.map((line) => line.amount_fen));
          await trx
            .insertInto('benefit_payment_batches')
            .values({
              id: followUpBatchId,
              programme_code: batch.programme_code,
              period: batch.period,
              scope_code: batch.scope_code,
              follow_up_of: id,
              status: 'draft',
              budget_fen: failedFen,
              total_fen: failedFen,
              line_count: retries.length,
              built_by: actor.userId,
              built_at: now,
              approved_by: null,
              approved_at: null,
              exported_by: null,
              exported_at: null,
            })
            .execute();
          await insertLines(
            trx,
            retries.map((line, index) => ({
              id: uuidv7(now.getTime()),
              batch_id: followUpBatchId!,
              line_no: index + 1,
              enrolment_id: line.enrolment_id,
              person_key: line.person_key,
              programme_code: line.programme_code,
              period_key: line.period_key,
              hukou_code: line.hukou_code,
              amount_fen: line.amount_fen,
              months: JSON.stringify(line.months),
              account_sealed: line.account_sealed,
              account_masked: line.account_masked,
              account_name: line.account_name,
              retry_of: line.id,
              status: 'pending',
              bank_reference: null,
              failure_reason: null,
              result_at: null,
            })),
          );
          await this.payments.assertTotals(trx, followUpBatchId, failedFen, retries.length);
        }
        const open = await trx
          .selectFrom('benefit_payment_lines')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('batch_id', '=', id)
          .where('status', '=', 'pending')
          .executeTakeFirstOrThrow();
        if (Number(open.n) === 0) {
          await trx
            .updateTable('benefit_payment_batches')
            .set({ status: 'reconciled' })
            .where('id', '=', id)
            .execute();
        }
        await trx
          .insertInto('benefit_bank_imports')
          .values({
            id: uuidv7(now.getTime()),
            batch_id: id,
            format: adapter.format,
            file_name: input.fileName,
            content_hash: crypto.hmacSm3('content-hash', input.content),
            paid_count: paid.length,
            failed_count: failed.length,
            paid_fen: sumFen(paid.map((row) => row.amountFen)),
            failed_fen: sumFen(failed.map((row) => row.amountFen)),
            follow_up_batch_id: followUpBatchId,
            imported_by: actor.userId,
            imported_at: now,
          })
          .execute();
        await audit.record(
          trx,
          { actor },
          {
            action: 'benefit.batch.results',
            targetType: 'benefit_payment_batch',
            targetIds: followUpBatchId ? [id, followUpBatchId] : [id],
            jurisdiction: batch.scope_code,
            details: { fileName: input.fileName, paid: paid.length, failed: failed.length },
          },
        );
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict('该结果文件已导入或有行已在其他批次中', 'BENEFIT_RESULTS_CONFLICT');
      throw error;
    }
    return {
      paid: paid.length,
      failed: failed.length,
      paidFen: sumFen(paid.map((row) => row.amountFen)),
      failedFen: sumFen(failed.map((row) => row.amountFen)),
      followUpBatchId: followUpBatchId as string | null,
      batch: await this.payments.view(id),
    };
  }
}
