// SQL of yearly budgets and what payment batches commit of them. Committed = the pending or paid lines
// of approved, exported or reconciled batches of the programme in the year, within the budget's
// jurisdiction (by the line's hukou place, so a county-wide batch counts against a township's budget
// only for that township's lines). Failed and cancelled lines free their money.
import { sql, type BenefitBudgetsTable, type Selectable } from '@renkou/db';
import type { Executor } from '../audit';

export type BudgetRow = Selectable<BenefitBudgetsTable>;

const COMMITTING_BATCHES = ['approved', 'exported', 'reconciled'] as const;

export async function upsertBudget(
  db: Executor,
  row: Omit<BudgetRow, 'set_at'> & { set_at: Date },
): Promise<void> {
  await db
    .insertInto('benefit_budgets')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['programme_code', 'year', 'scope_code']).doUpdateSet({
        amount_fen: row.amount_fen,
        document: row.document,
        set_by: row.set_by,
        set_at: row.set_at,
      }),
    )
    .execute();
}

export async function findBudget(db: Executor, programmeCode: string, year: number, scopeCode: string) {
  return db
    .selectFrom('benefit_budgets')
    .selectAll()
    .where('programme_code', '=', programmeCode)
    .where('year', '=', year)
    .where('scope_code', '=', scopeCode)
    .executeTakeFirst();
}

/** Budgets within (or around) a jurisdiction, optionally of one year or programme. */
export async function listBudgets(
  db: Executor,
  within: string,
  filter: { year?: number; programmeCode?: string },
): Promise<BudgetRow[]> {
  let query = db.selectFrom('benefit_budgets').selectAll();
  // The budgets inside the jurisdiction and those that contain it (a township sees its county's).
  if (within !== '')
    query = query.where((eb) =>
      eb.or([eb('scope_code', 'like', `${within}%`), sql<boolean>`${within} like scope_code || '%'`]),
    );
  if (filter.year !== undefined) query = query.where('year', '=', filter.year);
  if (filter.programmeCode) query = query.where('programme_code', '=', filter.programmeCode);
  return query.orderBy('year', 'desc').orderBy('programme_code').orderBy('scope_code').execute();
}

/** The budgets of a programme's year, locked until the transaction ends (approvals take turns). */
export async function lockBudgetsOfYear(
  db: Executor,
  programmeCode: string,
  year: number,
): Promise<BudgetRow[]> {
  return db
    .selectFrom('benefit_budgets')
    .selectAll()
    .where('programme_code', '=', programmeCode)
    .where('year', '=', year)
    .orderBy('scope_code')
    .forUpdate()
    .execute();
}

/** What approved batches commit of a programme's year within a jurisdiction, in fen. */
export async function committedFen(
  db: Executor,
  programmeCode: string,
  year: number,
  scopeCode: string,
): Promise<number> {
  let query = db
    .selectFrom('benefit_payment_lines as l')
    .innerJoin('benefit_payment_batches as b', 'b.id', 'l.batch_id')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('l.amount_fen'), eb.lit(0)).as('total'))
    .where('b.programme_code', '=', programmeCode)
    .where('b.period', 'like', `${year}%`)
    .where('b.status', 'in', [...COMMITTING_BATCHES])
    .where('l.status', 'in', ['pending', 'paid']);
  if (scopeCode !== '') query = query.where('l.hukou_code', 'like', `${scopeCode}%`);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.total);
}

/** A batch's live lines within a jurisdiction, in fen. */
export async function batchFenWithin(db: Executor, batchId: string, scopeCode: string): Promise<number> {
  let query = db
    .selectFrom('benefit_payment_lines')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.lit(0)).as('total'))
    .where('batch_id', '=', batchId)
    .where('status', '<>', 'cancelled');
  if (scopeCode !== '') query = query.where('hukou_code', 'like', `${scopeCode}%`);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.total);
}
