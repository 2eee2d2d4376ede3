// Payment batches: built for a programme, period and jurisdiction within a budget (refused over
// budget; the total is the sum of the lines, checked in the database before commit), approved by
// someone other than the builder, exported to the bank by someone other than the approver, and closed
// by the bank's result file (paid lines locked, failed lines retried in a follow-up batch). No person
// is paid twice for a programme and period: the database's unique key refuses it, across batches and
// townships, also when two batches are built at the same moment.
import {
  approveBatch,
  assertRecordInScope,
  authorize,
  benefitDomainError,
  BenefitErrorCode,
  computeEntitlement,
  DomainError,
  ErrorCode,
  normalizeJurisdictionCode,
  parsePeriod,
  paymentLinesOf,
  paymentPeriodKey,
  Permission,
  releaseBatch,
  sumFen,
  uuidv7,
  type Actor,
  type Entitlement,
  type PaymentBatch,
  type ProgrammeDefinition,
} from '@renkou/core';
import type {
  BenefitPaymentBatchesTable,
  BenefitPaymentLinesTable,
  Insertable,
  Selectable,
} from '@renkou/db';
import { bankAdapters, type BankFileAdapter } from './bank-file';
import {
  conflict,
  isUniqueViolation,
  notFound,
  openSensitive,
  type BenefitsContext,
} from './benefits-context';
import { familiesOf, personRecords } from './family.repository';
import {
  batchSums,
  enrolmentsForPayment,
  findBatch,
  insertLines,
  linesOf,
  listBatches,
  takenKeys,
  type LineRow,
} from './payment.repository';
import type { ProgrammesService } from './programmes.service';

type BatchRow = Selectable<BenefitPaymentBatchesTable>;

export interface BuildBatchInput {
  programmeCode: string;
  /** '2026-03' for a monthly programme, '2026' for a yearly one. */
  period: string;
  jurisdiction?: string;
  budgetFen: number;
}

const inWindow = (month: string, from: string, stop: string | null) =>
  month >= from && (stop === null || month < stop);

function earliest(...months: (string | null)[]): string | null {
  const present = months.filter((m): m is string => m !== null).sort();
  return present[0] ?? null;
}

/** Only the months an enrolment covers: from its first month, before a suspension or its end. */
function withinEnrolment(entitlement: Entitlement, from: string, stop: string | null): Entitlement {
  const months = entitlement.months.filter((line) => inWindow(line.month, from, stop));
  return {
    ...entitlement,
    months,
    totalFen: sumFen(months.map((line) => line.amountFen)),
    usesUnverifiedAmount: months.some((line) => line.amountFen > 0 && line.schedule?.verified === false),
  };
}

function coreBatch(batch: BatchRow, lines: readonly LineRow[]): PaymentBatch {
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

  private checkPeriod(programme: ProgrammeDefinition, period: string): void {
    const parsed = parsePeriod(period);
    const expected =
      programme.paymentPeriod === 'monthly'
        ? 'month'
        : programme.paymentPeriod === 'yearly'
          ? 'year'
          : undefined;
    if (!parsed || (expected !== undefined && parsed.kind !== expected)) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `${programme.shortName}按${expected === 'month' ? '月（YYYY-MM）' : '年（YYYY）'}发放，期间 ${period} 不符`,
        [{ field: 'period', reason: 'BENEFIT_PERIOD_MISMATCH' }],
      );
    }
  }

  /** Builds a draft batch of everything due and not yet in a pending or paid line. */
  async build(actor: Actor, input: BuildBatchInput) {
    const within = this.scopeOf(actor, input.jurisdiction);
    const programme = await this.programmes.get(input.programmeCode);
    this.checkPeriod(programme, input.period);
    const { db, audit, clock } = this.context;
    const enrolments = await enrolmentsForPayment(db, programme.code, within);
    const persons = await personRecords(
      db,
      enrolments.map((e) => e.person_key),
    );
    const families = await familiesOf(db, persons, openSensitive(this.context));
    const candidates: Omit<Insertable<BenefitPaymentLinesTable>, 'id' | 'batch_id' | 'line_no'>[] = [];
    const held: { personKey: string; reason: string }[] = [];
    for (const enrolment of enrolments) {
      const records = families.get(enrolment.person_key);
      if (!records) {
        held.push({ personKey: enrolment.person_key, reason: '登记库中无此人' });
        continue;
      }
      const entitlement = withinEnrolment(
        computeEntitlement(programme, records, input.period),
        enrolment.from_month,
        earliest(enrolment.suspended_from, enrolment.ends_before),
      );
      if (entitlement.usesUnverifiedAmount) {
        held.push({ personKey: enrolment.person_key, reason: '金额标准待县级确认（未核实），暂不发放' });
        continue;
      }
      for (const line of paymentLinesOf(programme, entitlement)) {
        const months = entitlement.months
          .filter((m) => m.amountFen > 0 && paymentPeriodKey(programme, m.month) === line.periodKey)
          .map((m) => ({ month: m.month, amountFen: m.amountFen }));
        candidates.push({
          enrolment_id: enrolment.id,
          person_key: enrolment.person_key,
          programme_code: programme.code,
          period_key: line.periodKey,
          hukou_code: enrolment.hukou_code,
          amount_fen: line.amountFen,
          months: JSON.stringify(months),
          account_sealed: enrolment.account_sealed,
          account_masked: enrolment.account_masked,
          account_name: enrolment.account_name,
          retry_of: null,
          status: 'pending',
          bank_reference: null,
          failure_reason: null,
          result_at: null,
        });
      }
    }
    const taken = await takenKeys(
      db,
      programme.code,
      candidates.map((c) => c.person_key),
      candidates.map((c) => c.period_key),
    );
    const lines = candidates.filter((c) => !taken.has(`${c.person_key}|${c.period_key}`));
    const alreadyInBatches = candidates.length - lines.length;
    if (lines.length === 0) {
      throw conflict(`${input.period} 无应发未发的${programme.shortName}`, 'BENEFIT_BATCH_EMPTY');
    }
    const totalFen = sumFen(lines.map((line) => line.amount_fen));
    if (totalFen > input.budgetFen) {
      throw benefitDomainError({
        code: BenefitErrorCode.OverBudget,
        message: `批次合计 ${totalFen} 分超出预算 ${input.budgetFen} 分`,
      });
    }
    const id = uuidv7(clock.now().getTime());
    try {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('benefit_payment_batches')
          .values({
            id,
            programme_code: programme.code,
            period: input.period,
            scope_code: within,
            follow_up_of: null,
            status: 'draft',
            budget_fen: input.budgetFen,
            total_fen: totalFen,
            line_count: lines.length,
            built_by: actor.userId,
            built_at: clock.now(),
            approved_by: null,
            approved_at: null,
            exported_by: null,
            exported_at: null,
          })
          .execute();
        await insertLines(
          trx,
          lines.map((line, index) => ({
            ...line,
            id: uuidv7(clock.now().getTime()),
            batch_id: id,
            line_no: index + 1,
          })),
        );
        await this.assertTotals(trx, id, totalFen, lines.length);
        await audit.record(
          trx,
          { actor },
          {
            action: 'benefit.batch.build',
            targetType: 'benefit_payment_batch',
            targetIds: [id],
            jurisdiction: within,
            details: {
              programmeCode: programme.code,
              period: input.period,
              totalFen,
              lines: lines.length,
              held: held.length,
            },
          },
        );
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict('同一人员同一项目同一期间已在其他批次中（不得重复发放）', 'BENEFIT_ALREADY_IN_BATCH');
      }
      throw error;
    }
    return { ...(await this.view(id)), held, alreadyInBatches };
  }

  /** The batch total equals the sum of its lines as stored; otherwise the transaction is rolled back. */
  async assertTotals(trx: Parameters<typeof batchSums>[0], id: string, totalFen: number, count: number) {
    const sums = await batchSums(trx, id);
    if (sums.total !== totalFen || sums.count !== count) {
      throw benefitDomainError({
        code: BenefitErrorCode.BatchTotalMismatch,
        message: '批次合计与明细之和不符',
      });
    }
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
    const { db, audit, clock } = this.context;
    await db.transaction().execute(async (trx) => {
      const lines = await linesOf(trx, id);
      const checked = approveBatch(coreBatch(batch, lines), actor.userId);
      if (!checked.ok) throw benefitDomainError(checked.error);
      await this.assertTotals(trx, id, batch.total_fen, batch.line_count);
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
    return this.view(id);
  }

  adapter(format = 'csv'): BankFileAdapter {
    const adapter = bankAdapters[format];
    if (!adapter) throw new DomainError(ErrorCode.ValidationFailed, `不支持的银行文件格式：${format}`);
    return adapter;
  }

  /** The bank file: releases an approved batch (never by its approver); a re-export gives the same file. */
  async exportBankFile(actor: Actor, id: string, format?: string) {
    authorize(actor, Permission.PaymentManage);
    const adapter = this.adapter(format);
    const batch = await this.batchInScope(actor, id);
    if (batch.status !== 'approved' && batch.status !== 'exported') {
      throw benefitDomainError({
        code: BenefitErrorCode.IllegalTransition,
        message: '只有已审批的批次可以导出银行文件',
      });
    }
    const { db, audit, clock, crypto } = this.context;
    return db.transaction().execute(async (trx) => {
      const lines = (await linesOf(trx, id)).filter((line) => line.status !== 'cancelled');
      const released = releaseBatch({ ...coreBatch(batch, lines), status: 'approved' }, actor.userId);
      if (!released.ok) throw benefitDomainError(released.error);
      const missing = lines.filter((line) => line.account_sealed === null);
      if (missing.length > 0) {
        throw new DomainError(
          ErrorCode.ValidationFailed,
          `${missing.length} 行缺少银行账户，不能导出`,
          missing
            .slice(0, 50)
            .map((line) => ({ row: line.line_no, field: 'account', reason: '缺少银行账户' })),
        );
      }
      const content = adapter.exportLines(
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
        content,
        lineCount: lines.length,
        totalFen: batch.total_fen,
      };
    });
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
    return { items: rows.map((row) => this.batchView(row)) };
  }

  private batchView(row: BatchRow) {
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

  async view(id: string) {
    const row = await findBatch(this.context.db, id);
    if (!row) throw notFound('批次');
    return this.batchView(row);
  }
}

export type BatchView = Awaited<ReturnType<PaymentsService['list']>>['items'][number];
