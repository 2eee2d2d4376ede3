// 年审 (annual re-qualification): every live enrolment of a jurisdiction re-screened against its
// programme's rules as of a date, with the facts the family declared at application. The run lists
// who still qualifies, who no longer does (the failed conditions and the first month no longer due)
// and who needs a worker's check; it changes nothing. Confirming one re-screens it on the server and
// ends the enrolment with the reason.
import {
  assertRecordInScope,
  authorize,
  decisionText,
  DomainError,
  ErrorCode,
  normalizeJurisdictionCode,
  Permission,
  requalify,
  type Actor,
  type AnnualReviewItem,
  type EligibilityOutcome,
  type ProgrammeDefinition,
  type RequalificationFinding,
} from '@renkou/core';
import { actingAs, authorizeAction } from './application-commands';
import type { ApplicationsService } from './applications.service';
import { conflict, notFound, openSensitive, today, type BenefitsContext } from './benefits-context';
import { endEnrolment } from './enrolment-ending';
import { enrolmentListItem } from './enrolment-list-item';
import { declaredByPerson, findEnrolment, liveEnrolments, type LiveEnrolment } from './enrolment.repository';
import { familiesOf, personRecords } from './family.repository';
import type { ProgrammesService } from './programmes.service';

export interface AnnualReviewQuery {
  jurisdiction?: string;
  programmeCode?: string;
  date?: string;
  outcome?: EligibilityOutcome;
  page: number;
  pageSize: number;
}

type Reviewed = {
  row: LiveEnrolment;
  programme: ProgrammeDefinition;
  finding: RequalificationFinding | null;
};

export class AnnualReviewService {
  constructor(
    private readonly context: BenefitsContext,
    private readonly programmes: ProgrammesService,
    private readonly applications: ApplicationsService,
  ) {}

  /** Re-screens the live enrolments, programme by programme (families loaded in a few queries each). */
  private async review(
    within: string,
    date: string,
    only: { programmeCode?: string; enrolmentId?: string },
  ): Promise<Reviewed[]> {
    const { db } = this.context;
    const programmes = new Map((await this.programmes.all()).map((p) => [p.code, p]));
    const rows = await liveEnrolments(db, within, only);
    const reviewed: Reviewed[] = [];
    for (const [code, programme] of programmes) {
      const group = rows.filter((row) => row.programme_code === code);
      if (group.length === 0) continue;
      const persons = await personRecords(
        db,
        group.map((row) => row.person_key),
      );
      const families = await familiesOf(db, persons, openSensitive(this.context), declaredByPerson(group));
      for (const row of group) {
        const records = families.get(row.person_key);
        reviewed.push({
          row,
          programme,
          finding: records ? requalify(programme, records, date, row.from_month) : null,
        });
      }
    }
    return reviewed;
  }

  private item({ row, programme, finding }: Reviewed): AnnualReviewItem {
    const category = finding?.decision.category?.code ?? null;
    return {
      ...enrolmentListItem(row, programme),
      categoryCode: row.category_code,
      newCategoryCode: category !== null && category !== row.category_code ? category : null,
      outcome: finding?.outcome ?? 'needs_review',
      failed: finding ? finding.failed : ['登记库中无此人'],
      endsBefore: finding?.endsBefore ?? null,
      reason: finding?.reason ?? null,
      explanationText: finding ? decisionText(finding.decision) : '? 登记库中无此人，须人工核查',
    };
  }

  /** The 年审 list of a jurisdiction as of `date` (default today), filtered by outcome and paged. */
  async run(actor: Actor, query: AnnualReviewQuery) {
    authorize(actor, Permission.BenefitRead);
    const within = query.jurisdiction ? normalizeJurisdictionCode(query.jurisdiction) : actor.scope;
    authorize(actor, Permission.BenefitRead, within);
    const date = query.date ?? today(this.context.clock);
    const reviewed = await this.review(
      within,
      date,
      query.programmeCode ? { programmeCode: query.programmeCode } : {},
    );
    const counts: Record<EligibilityOutcome, number> = { eligible: 0, ineligible: 0, needs_review: 0 };
    const matching: AnnualReviewItem[] = [];
    for (const entry of reviewed) {
      const item = this.item(entry);
      counts[item.outcome] += 1;
      if (query.outcome === undefined || item.outcome === query.outcome) matching.push(item);
    }
    // Those who need a decision first: no longer eligible, then to be checked, then the rest.
    const order: Record<EligibilityOutcome, number> = { ineligible: 0, needs_review: 1, eligible: 2 };
    matching.sort((a, b) => order[a.outcome] - order[b.outcome]);
    const first = (query.page - 1) * query.pageSize;
    const items = matching.slice(first, first + query.pageSize);
    await this.context.audit.record(
      this.context.db,
      { actor },
      {
        action: 'benefit.annual_review.run',
        targetType: 'person',
        targetIds: items.map((item) => item.personKey),
        jurisdiction: within,
        details: { date, programmeCode: query.programmeCode ?? null, counts },
      },
    );
    return {
      date,
      jurisdiction: within,
      programmeCode: query.programmeCode ?? null,
      counts,
      total: matching.length,
      items,
    };
  }

  /** Ends one enrolment the 年审 found no longer eligible, as of `date` (default today, never later). */
  async confirm(actor: Actor, enrolmentId: string, date?: string) {
    const enrolment = await findEnrolment(this.context.db, enrolmentId);
    if (!enrolment) throw notFound('纳入记录');
    assertRecordInScope(actor, [enrolment.hukou_code], '纳入记录');
    authorizeAction(actor, 'terminate', enrolment.hukou_code);
    const on = date ?? today(this.context.clock);
    if (on > today(this.context.clock)) {
      throw new DomainError(ErrorCode.ValidationFailed, `年审日期 ${on} 晚于今天，不能据此终止`, [
        { field: 'date', reason: 'BENEFIT_REVIEW_DATE_IN_FUTURE' },
      ]);
    }
    if (enrolment.status === 'terminated') throw conflict('该纳入已终止', 'BENEFIT_ALREADY_ENDED');
    const [reviewed] = await this.review(enrolment.hukou_code, on, { enrolmentId });
    const finding = reviewed?.finding;
    if (!finding || finding.outcome !== 'ineligible' || finding.endsBefore === null || !finding.reason) {
      throw finding?.outcome === 'eligible'
        ? conflict('按登记库现有信息仍符合条件，不能以年审终止', 'BENEFIT_STILL_ELIGIBLE')
        : conflict('缺少信息，无法判断是否符合条件：请先核实登记信息', 'BENEFIT_NEEDS_REVIEW');
    }
    return endEnrolment(this.context, this.applications, actingAs(actor), enrolment, {
      cause: 'other',
      eventDate: on,
      endsBefore: finding.endsBefore,
      reason: finding.reason,
    });
  }
}
