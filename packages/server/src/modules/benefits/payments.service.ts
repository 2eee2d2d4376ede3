// Payment batches: built for a programme, period and jurisdiction within a budget (refused over
// budget; the total is the sum of the lines, checked in the database before commit), approved by
// someone other than the builder, exported to the bank by someone other than the approver, and closed
// by the bank's result file (paid lines locked, failed lines retried in a follow-up batch). No person
// is paid twice for a programme and period: the database's unique key refuses it, across batches and
// townships, also when two batches are built at the same moment.
//
// This service authorizes and reads; building is in payment-batch-build.ts, approval and export in
// payment-batch-release.ts, the bank's results in bank-results.service.ts.
import {
  assertRecordInScope,
  authorize,
  DomainError,
  ErrorCode,
  normalizeJurisdictionCode,
  Permission,
  type Actor,
} from '@renkou/core';
import { bankAdapters } from './bank-adapters';
import type { BankFileAdapter } from './bank-file';
import { notFound, SYSTEM_USER, type BenefitsContext } from './benefits-context';
import { followMoves, pendingMoves } from './enrolment-moves';
import { assertBatchTotals, batchView, type BatchRow } from './payment-batch';
import { buildBatch, checkPeriod, type BuildBatchInput } from './payment-batch-build';
import { approveBatchRow, exportBatchFile } from './payment-batch-release';
import { findBatch, listBatches } from './payment.repository';
import type { ProgrammesService } from './programmes.service';

export type { BuildBatchInput } from './payment-batch-build';

export class PaymentsService {
  constructor(
    private readonly context: BenefitsContext,
    private readonly programmes: ProgrammesService,
  ) {}

  private scopeOf(actor: Actor, jurisdiction?: string): string {
    authorize(actor, Permission.PaymentManage);
    const within = jurisdiction ? normalizeJurisdictionCode(jurisdiction) : actor.scope;
    authorize(actor, Permission.PaymentManage, within);
    return within;
  }

  /** Builds a draft batch of everything due and not yet in a pending or paid line. */
  async build(actor: Actor, input: BuildBatchInput) {
    const within = this.scopeOf(actor, input.jurisdiction);
    const programme = await this.programmes.get(input.programmeCode);
    checkPeriod(programme, input.period);
    // Moves within the county first, so that the batch pays at each person's place of today.
    const moves = await pendingMoves(this.context.db, [programme], within, { programmeCode: programme.code });
    await followMoves(this.context, { userId: SYSTEM_USER, username: SYSTEM_USER }, moves);
    const { id, held, alreadyInBatches } = await buildBatch(this.context, actor, programme, within, input);
    return { ...(await this.view(id)), held, alreadyInBatches };
  }

  /** The batch total equals the sum of its lines as stored; otherwise the transaction is rolled back. */
  async assertTotals(
    trx: Parameters<typeof assertBatchTotals>[0],
    id: string,
    totalFen: number,
    count: number,
  ) {
    await assertBatchTotals(trx, id, totalFen, count);
  }

  async batchInScope(actor: Actor, id: string): Promise<BatchRow> {
    const batch = await findBatch(this.context.db, id);
    if (!batch) throw notFound('批次');
    assertRecordInScope(actor, [batch.scope_code], '批次');
    return batch;
  }

  async approve(actor: Actor, id: string) {
    authorize(actor, Permission.PaymentManage);
    const batch = await this.batchInScope(actor, id);
    await approveBatchRow(this.context, actor, batch);
    return this.view(id);
  }

  adapter(format = 'csv'): BankFileAdapter {
    const adapter = bankAdapters[format];
    if (!adapter)
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `不支持的银行文件格式：${format}（可用：${Object.keys(bankAdapters).join('、')}）`,
        [{ field: 'format', reason: 'BENEFIT_BANK_FORMAT_UNKNOWN' }],
      );
    return adapter;
  }

  /** The bank file: releases an approved batch (never by its approver); a re-export gives the same file. */
  async exportBankFile(actor: Actor, id: string, format?: string) {
    authorize(actor, Permission.PaymentManage);
    const adapter = this.adapter(format);
    const batch = await this.batchInScope(actor, id);
    return exportBatchFile(this.context, actor, batch, adapter);
  }

  async get(actor: Actor, id: string) {
    authorize(actor, Permission.BenefitRead);
    await this.batchInScope(actor, id);
    const view = await this.view(id);
    const lines = await this.context.db
      .selectFrom('benefit_payment_lines as l')
      .leftJoin('persons as p', 'p.person_key', 'l.person_key')
      .select([
        'l.id',
        'l.line_no',
        'l.person_key',
        'p.name',
        'l.hukou_code',
        'l.period_key',
        'l.amount_fen',
        'l.account_masked',
        'l.status',
        'l.failure_reason',
        'l.retry_of',
      ])
      .where('l.batch_id', '=', id)
      .orderBy('l.line_no')
      .execute();
    await this.context.audit.record(
      this.context.db,
      { actor },
      {
        action: 'benefit.batch.read',
        targetType: 'benefit_payment_batch',
        targetIds: [id],
        jurisdiction: view.scopeCode,
      },
    );
    return {
      ...view,
      lines: lines.map((line) => ({
        id: line.id,
        lineNo: line.line_no,
        personKey: line.person_key,
        name: line.name,
        hukouCode: line.hukou_code,
        periodKey: line.period_key,
        amountFen: line.amount_fen,
        accountMasked: line.account_masked,
        status: line.status,
        failureReason: line.failure_reason,
        retryOf: line.retry_of,
      })),
    };
  }

  async list(actor: Actor, query: { jurisdiction?: string; programmeCode?: string }) {
    authorize(actor, Permission.BenefitRead);
    const within = query.jurisdiction ? normalizeJurisdictionCode(query.jurisdiction) : actor.scope;
    authorize(actor, Permission.BenefitRead, within);
    const rows = await listBatches(this.context.db, within, query.programmeCode);
    return { items: rows.map((row) => batchView(row)) };
  }

  async view(id: string) {
    const row = await findBatch(this.context.db, id);
    if (!row) throw notFound('批次');
    return batchView(row);
  }
}

export type BatchView = Awaited<ReturnType<PaymentsService['list']>>['items'][number];
