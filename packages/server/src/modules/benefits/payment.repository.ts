// SQL of payment batches, their lines and bank result imports. The no-double-payment key is held by
// the database (benefit_payment_lines_no_double_pay); the queries here only read it ahead of time.
import type { BenefitPaymentLinesTable, Insertable, Selectable } from '@renkou/db';
import type { Executor } from '../audit';

export type LineRow = Selectable<BenefitPaymentLinesTable>;

/** Live enrolments of a programme, with the facts declared at application (奖扶's history needs them). */
export async function enrolmentsForPayment(db: Executor, programmeCode: string, within: string) {
  let query = db
    .selectFrom('benefit_enrolments as e')
    .innerJoin('benefit_applications as a', 'a.id', 'e.application_id')
    .selectAll('e')
    .select('a.declared')
    .where('e.programme_code', '=', programmeCode)
    .where('e.status', 'in', ['active', 'suspended']);
  if (within !== '') query = query.where('e.hukou_code', 'like', `${within}%`);
  return query.orderBy('e.hukou_code').orderBy('e.person_key').execute();
}

/** Keys (person|period) already pending or paid for these persons and periods. */
export async function takenKeys(
  db: Executor,
  programmeCode: string,
  personKeys: readonly string[],
  periodKeys: readonly string[],
): Promise<Set<string>> {
  if (personKeys.length === 0 || periodKeys.length === 0) return new Set();
  const taken = new Set<string>();
  for (let i = 0; i < personKeys.length; i += 1000) {
    const rows = await db
      .selectFrom('benefit_payment_lines')
      .select(['person_key', 'period_key'])
      .where('programme_code', '=', programmeCode)
      .where('person_key', 'in', personKeys.slice(i, i + 1000))
      .where('period_key', 'in', [...new Set(periodKeys)])
      .where('status', 'in', ['pending', 'paid'])
      .execute();
    for (const row of rows) taken.add(`${row.person_key}|${row.period_key}`);
  }
  return taken;
}

export async function insertLines(db: Executor, lines: readonly Insertable<BenefitPaymentLinesTable>[]) {
  for (let i = 0; i < lines.length; i += 500) {
    await db
      .insertInto('benefit_payment_lines')
      .values(lines.slice(i, i + 500))
      .execute();
  }
}

export async function findBatch(db: Executor, id: string) {
  return db.selectFrom('benefit_payment_batches').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function linesOf(db: Executor, batchId: string): Promise<LineRow[]> {
  return db
    .selectFrom('benefit_payment_lines')
    .selectAll()
    .where('batch_id', '=', batchId)
    .orderBy('line_no')
    .execute();
}

/** The sum and count of a batch's live lines, as the database sees them. */
export async function batchSums(db: Executor, batchId: string): Promise<{ total: number; count: number }> {
  const row = await db
    .selectFrom('benefit_payment_lines')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.lit(0)).as('total'),
      eb.fn.countAll<number>().as('count'),
    ])
    .where('batch_id', '=', batchId)
    .where('status', '<>', 'cancelled')
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), count: Number(row.count) };
}

export async function listBatches(db: Executor, within: string, programmeCode?: string) {
  let query = db.selectFrom('benefit_payment_batches').selectAll();
  if (within !== '') query = query.where('scope_code', 'like', `${within}%`);
  if (programmeCode) query = query.where('programme_code', '=', programmeCode);
  return query.orderBy('built_at', 'desc').orderBy('id', 'desc').limit(500).execute();
}

export async function paidMonthsOf(db: Executor, enrolmentId: string) {
  return db
    .selectFrom('benefit_payment_lines')
    .select(['id', 'batch_id', 'status', 'months', 'period_key', 'amount_fen'])
    .where('enrolment_id', '=', enrolmentId)
    .where('status', 'in', ['paid', 'pending'])
    .execute();
}
