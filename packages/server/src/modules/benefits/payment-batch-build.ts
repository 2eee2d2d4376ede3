// Building a draft payment batch for a programme, period and jurisdiction: every enrolment's
// entitlement within its window, held back when the person is missing or an amount is unverified,
// minus what is already pending or paid; refused when empty or over budget. The database's unique key
// refuses a second payment of the same person and period, also when two batches are built at once.
import {
  benefitDomainError,
  BenefitErrorCode,
  computeEntitlement,
  DomainError,
  ErrorCode,
  parsePeriod,
  paymentLinesOf,
  paymentPeriodKey,
  sumFen,
  uuidv7,
  type Actor,
  type DeclaredFacts,
  type Entitlement,
  type ProgrammeDefinition,
} from '@renkou/core';
import type { BenefitPaymentLinesTable, Insertable } from '@renkou/db';
import { conflict, isUniqueViolation, openSensitive, type BenefitsContext } from './benefits-context';
import { familiesOf, personRecords } from './family.repository';
import { assertBatchTotals } from './payment-batch';
import { enrolmentsForPayment, insertLines, takenKeys } from './payment.repository';

export interface BuildBatchInput {
  programmeCode: string;
  /** '2026-03' for a monthly programme, '2026' for a yearly one. */
  period: string;
  jurisdiction?: string;
  budgetFen: number;
}

type CandidateLine = Omit<Insertable<BenefitPaymentLinesTable>, 'id' | 'batch_id' | 'line_no'>;
type HeldLine = { personKey: string; reason: string };

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

export function checkPeriod(programme: ProgrammeDefinition, period: string): void {
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

/** Every line due in the period for the enrolments within the jurisdiction, and those held back. */
async function dueLines(
  context: BenefitsContext,
  programme: ProgrammeDefinition,
  within: string,
  period: string,
): Promise<{ candidates: CandidateLine[]; held: HeldLine[] }> {
  const { db } = context;
  const enrolments = await enrolmentsForPayment(db, programme.code, within);
  const persons = await personRecords(
    db,
    enrolments.map((e) => e.person_key),
  );
  // Without the declared facts 奖扶's historical condition is unknown and nothing would be due.
  const declared = new Map(enrolments.map((e) => [e.person_key, e.declared as DeclaredFacts]));
  const families = await familiesOf(db, persons, openSensitive(context), declared);
  const candidates: CandidateLine[] = [];
  const held: HeldLine[] = [];
  for (const enrolment of enrolments) {
    const records = families.get(enrolment.person_key);
    if (!records) {
      held.push({ personKey: enrolment.person_key, reason: '登记库中无此人' });
      continue;
    }
    const entitlement = withinEnrolment(
      computeEntitlement(programme, records, period),
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
  return { candidates, held };
}

/**
 * Stores a draft batch of everything due and not yet in a pending or paid line; `within` is the
 * jurisdiction already authorized. Returns the new batch's id, the lines held back and how many due
 * lines were already in other batches.
 */
export async function buildBatch(
  context: BenefitsContext,
  actor: Actor,
  programme: ProgrammeDefinition,
  within: string,
  input: BuildBatchInput,
): Promise<{ id: string; held: HeldLine[]; alreadyInBatches: number }> {
  const { db, audit, clock } = context;
  const { candidates, held } = await dueLines(context, programme, within, input.period);
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
      await assertBatchTotals(trx, id, totalFen, lines.length);
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
  return { id, held, alreadyInBatches };
}
