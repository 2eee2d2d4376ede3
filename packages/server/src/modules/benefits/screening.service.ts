// Screening: a programme's rules run over the living persons whose hukou lies in a jurisdiction of the
// actor's scope. Every decision, eligible or not, comes with its explanation (which condition passed or
// failed on which fact value). The scan goes page by page, so a whole county never sits in memory.
import {
  authorize,
  decisionText,
  normalizeJurisdictionCode,
  Permission,
  scheduleOn,
  screenFamily,
  type Actor,
  type EligibilityOutcome,
  type ExplanationNode,
} from '@renkou/core';
import { openSensitive, today, type BenefitsContext } from './benefits-context';
import { familiesOf, livingPersonsPage } from './family.repository';
import type { ProgrammesService } from './programmes.service';

export interface ScreeningQuery {
  programmeCode: string;
  jurisdiction?: string;
  date?: string;
  outcome?: EligibilityOutcome;
  page: number;
  pageSize: number;
}

export interface ScreeningItem {
  personKey: string;
  name: string;
  sex: number;
  birthDate: string;
  hukouCode: string;
  idNumberMasked: string | null;
  outcome: EligibilityOutcome;
  categoryCode: string | null;
  categoryName: string | null;
  /** The amount in force on the screening date for the category, in fen (per its basis). */
  amountFen: number | null;
  amountBasis: string | null;
  explanation: ExplanationNode;
  explanationText: string;
}

export interface ScreeningResult {
  programmeCode: string;
  date: string;
  jurisdiction: string;
  counts: Record<EligibilityOutcome, number>;
  /** Decisions that match the outcome filter. */
  total: number;
  items: ScreeningItem[];
}

const SCAN_PAGE = 1000;

export class ScreeningService {
  constructor(
    private readonly context: BenefitsContext,
    private readonly programmes: ProgrammesService,
  ) {}

  async screen(actor: Actor, query: ScreeningQuery): Promise<ScreeningResult> {
    authorize(actor, Permission.BenefitRead);
    const within = query.jurisdiction ? normalizeJurisdictionCode(query.jurisdiction) : actor.scope;
    authorize(actor, Permission.BenefitRead, within);
    const programme = await this.programmes.get(query.programmeCode);
    const date = query.date ?? today(this.context.clock);
    const { db } = this.context;
    const open = openSensitive(this.context);
    const counts: Record<EligibilityOutcome, number> = { eligible: 0, ineligible: 0, needs_review: 0 };
    const first = (query.page - 1) * query.pageSize;
    const items: ScreeningItem[] = [];
    let total = 0;
    let after: string | null = null;
    for (;;) {
      const page = await livingPersonsPage(db, within, after, SCAN_PAGE);
      if (page.length === 0) break;
      after = page[page.length - 1]!.person_key;
      // The programme's region first: persons outside it are not screened at all.
      const subjects = page.filter((row) => row.hukou_code.startsWith(programme.regionPrefix));
      const families = await familiesOf(db, subjects, open);
      for (const row of subjects) {
        const decision = screenFamily(programme, families.get(row.person_key)!, date);
        counts[decision.outcome] += 1;
        if (query.outcome !== undefined && decision.outcome !== query.outcome) continue;
        total += 1;
        if (total <= first || items.length >= query.pageSize) continue;
        const schedule = decision.category ? scheduleOn(decision.category, date, row.hukou_code) : undefined;
        items.push({
          personKey: row.person_key,
          name: row.name,
          sex: row.sex,
          birthDate: row.birth_date,
          hukouCode: row.hukou_code,
          idNumberMasked: row.id_number_masked,
          outcome: decision.outcome,
          categoryCode: decision.category?.code ?? null,
          categoryName: decision.category?.name ?? null,
          amountFen: schedule?.amountFen ?? null,
          amountBasis: schedule?.basis ?? null,
          explanation: decision.explanation,
          explanationText: decisionText(decision),
        });
      }
      if (page.length < SCAN_PAGE) break;
    }
    await this.context.audit.record(
      db,
      { actor },
      {
        action: 'benefit.screen',
        targetType: 'person',
        targetIds: items.map((item) => item.personKey),
        jurisdiction: within,
        details: { programmeCode: programme.code, date, counts },
      },
    );
    return { programmeCode: programme.code, date, jurisdiction: within, counts, total, items };
  }
}
