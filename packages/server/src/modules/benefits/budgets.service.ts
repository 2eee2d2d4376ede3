// Yearly budgets per programme and jurisdiction, set by finance (资金 in 四权分离), with what approved
// batches commit of them. Approving a batch checks every budget of its programme's year whose
// jurisdiction holds some of its lines (a township's and the county's alike), with those budget rows
// locked so that two approvals at once cannot both spend the last of a budget.
import {
  authorize,
  benefitDomainError,
  checkYearlyBudget,
  formatFen,
  normalizeJurisdictionCode,
  Permission,
  remainingOf,
  type Actor,
  type YearlyBudget,
} from '@renkou/core';
import type { Executor } from '../audit';
import { conflict, type BenefitsContext } from './benefits-context';
import {
  batchFenWithin,
  committedFen,
  findBudget,
  listBudgets,
  lockBudgetsOfYear,
  upsertBudget,
  type BudgetRow,
} from './budget.repository';
import type { BatchRow } from './payment-batch';
import type { ProgrammesService } from './programmes.service';

export interface SetBudgetInput {
  programmeCode: string;
  year: number;
  jurisdiction: string;
  amountFen: number;
  document?: string;
}

async function yearlyBudgetOf(db: Executor, row: BudgetRow): Promise<YearlyBudget> {
  return {
    programmeCode: row.programme_code,
    year: row.year,
    scopeCode: row.scope_code,
    amountFen: row.amount_fen,
    committedFen: await committedFen(db, row.programme_code, row.year, row.scope_code),
  };
}

function budgetView(row: BudgetRow, budget: YearlyBudget) {
  return {
    programmeCode: row.programme_code,
    year: row.year,
    scopeCode: row.scope_code,
    amountFen: row.amount_fen,
    committedFen: budget.committedFen,
    remainingFen: remainingOf(budget),
    document: row.document,
    setBy: row.set_by,
    setAt: row.set_at.toISOString(),
  };
}

/**
 * In the approval's transaction: refuses the batch when it exceeds what remains of a yearly budget
 * of its programme. Without any budget for the year, only the batch's own budget applies.
 */
export async function assertWithinYearlyBudgets(trx: Executor, batch: BatchRow): Promise<void> {
  const year = Number(batch.period.slice(0, 4));
  for (const row of await lockBudgetsOfYear(trx, batch.programme_code, year)) {
    const batchFen = await batchFenWithin(trx, batch.id, row.scope_code);
    if (batchFen === 0) continue;
    const checked = checkYearlyBudget(await yearlyBudgetOf(trx, row), batchFen);
    if (!checked.ok) throw benefitDomainError(checked.error);
  }
}

export class BudgetsService {
  constructor(
    private readonly context: BenefitsContext,
    private readonly programmes: ProgrammesService,
  ) {}

  /** Sets (or changes) a year's budget; never below what approved batches already commit. */
  async set(actor: Actor, input: SetBudgetInput) {
    const scopeCode = normalizeJurisdictionCode(input.jurisdiction);
    authorize(actor, Permission.PaymentManage, scopeCode);
    const programme = await this.programmes.get(input.programmeCode);
    const { db, audit, clock } = this.context;
    return db.transaction().execute(async (trx) => {
      const before = await findBudget(trx, programme.code, input.year, scopeCode);
      const committed = await committedFen(trx, programme.code, input.year, scopeCode);
      if (input.amountFen < committed) {
        throw conflict(
          `${input.year}年${programme.shortName}预算不能低于已审批批次占用的 ${formatFen(committed)}`,
          'BENEFIT_BUDGET_BELOW_COMMITTED',
        );
      }
      await upsertBudget(trx, {
        programme_code: programme.code,
        year: input.year,
        scope_code: scopeCode,
        amount_fen: input.amountFen,
        document: input.document ?? null,
        set_by: actor.userId,
        set_at: clock.now(),
      });
      await audit.record(
        trx,
        { actor },
        {
          action: 'benefit.budget.set',
          targetType: 'benefit_budget',
          targetIds: [`${programme.code}|${input.year}|${scopeCode}`],
          jurisdiction: scopeCode,
          details: {
            programmeCode: programme.code,
            year: input.year,
            fromFen: before?.amount_fen ?? null,
            toFen: input.amountFen,
            document: input.document ?? null,
          },
        },
      );
      const row = (await findBudget(trx, programme.code, input.year, scopeCode))!;
      return budgetView(row, await yearlyBudgetOf(trx, row));
    });
  }

  async list(actor: Actor, query: { jurisdiction?: string; year?: number; programmeCode?: string }) {
    authorize(actor, Permission.BenefitRead);
    const within = query.jurisdiction ? normalizeJurisdictionCode(query.jurisdiction) : actor.scope;
    authorize(actor, Permission.BenefitRead, within);
    const { db } = this.context;
    const rows = await listBudgets(db, within, {
      ...(query.year !== undefined ? { year: query.year } : {}),
      ...(query.programmeCode ? { programmeCode: query.programmeCode } : {}),
    });
    const items = [];
    for (const row of rows) items.push(budgetView(row, await yearlyBudgetOf(db, row)));
    return { items };
  }
}
