// The life-events worklist of township staff: live enrolments that a life event in the register ends
// — a child turning 3 (育儿补贴), a hukou move out of the county (programmes tied to the hukou place),
// a death (usually already suspended by the register's death handling). Listed from the register as
// it is now, so a corrected register entry drops off by itself; confirming ends the enrolment with
// the reason, recomputed on the server at that moment. Beside them, for information, the moves within
// the county that enrolments follow (enrolment-moves.ts), shown to the old and the new township.
import {
  authorize,
  assertRecordInScope,
  enrolmentEndCauseLabels,
  enrolmentEndOf,
  normalizeJurisdictionCode,
  Permission,
  type Actor,
  type EnrolmentEndCause,
  type EnrolmentEndFinding,
  type LifeEventItem,
  type ProgrammeDefinition,
} from '@renkou/core';
import { actingAs, authorizeAction } from './application-commands';
import type { ApplicationsService } from './applications.service';
import { conflict, notFound, today, type BenefitsContext } from './benefits-context';
import { endEnrolment } from './enrolment-ending';
import { followMoves, pendingMoves } from './enrolment-moves';
import { enrolmentListItem } from './enrolment-list-item';
import { findEnrolment, liveEnrolments, type LiveEnrolment } from './enrolment.repository';
import type { ProgrammesService } from './programmes.service';

function findingOf(
  programme: ProgrammeDefinition,
  row: LiveEnrolment,
  date: string,
): EnrolmentEndFinding | null {
  // A person missing from the register cannot be judged here: the payment batch holds them back.
  if (row.birth_date === null || row.current_hukou_code === null) return null;
  return enrolmentEndOf(
    programme,
    row.hukou_code,
    {
      birthDate: row.birth_date,
      deathDate: row.death_date,
      hukouCode: row.current_hukou_code,
      hukouSince: row.hukou_since,
    },
    date,
  );
}

export class LifeEventWorklistService {
  constructor(
    private readonly context: BenefitsContext,
    private readonly programmes: ProgrammesService,
    private readonly applications: ApplicationsService,
  ) {}

  private async findings(within: string, date: string, enrolmentId?: string) {
    const programmes = new Map((await this.programmes.all()).map((p) => [p.code, p]));
    const rows = await liveEnrolments(this.context.db, within, enrolmentId ? { enrolmentId } : {});
    const items: LifeEventItem[] = [];
    for (const row of rows) {
      const programme = programmes.get(row.programme_code);
      const finding = programme ? findingOf(programme, row, date) : null;
      if (!programme || !finding) continue;
      items.push({
        ...enrolmentListItem(row, programme),
        currentHukouCode: row.current_hukou_code,
        cause: finding.cause,
        causeLabel: enrolmentEndCauseLabels[finding.cause],
        eventDate: finding.eventDate,
        endsBefore: finding.endsBefore,
        reason: finding.reason,
      });
    }
    return items;
  }

  /** The worklist within a jurisdiction of the actor's scope, as of `date` (default today). */
  async list(actor: Actor, query: { jurisdiction?: string; date?: string } = {}) {
    authorize(actor, Permission.BenefitRead);
    const within = query.jurisdiction ? normalizeJurisdictionCode(query.jurisdiction) : actor.scope;
    authorize(actor, Permission.BenefitRead, within);
    const date = query.date ?? today(this.context.clock);
    const items = await this.findings(within, date);
    const moves = await pendingMoves(this.context.db, await this.programmes.all(), within);
    const counts: Record<EnrolmentEndCause, number> = { age_limit: 0, hukou_move: 0, death: 0 };
    for (const item of items) counts[item.cause] += 1;
    await this.context.audit.record(
      this.context.db,
      { actor },
      {
        action: 'benefit.life_event.list',
        targetType: 'person',
        targetIds: [...items, ...moves].map((item) => item.personKey),
        jurisdiction: within,
        details: { date, counts, moves: moves.length },
      },
    );
    return { date, jurisdiction: within, counts, items, moves };
  }

  /**
   * Follows now the moves within the county listed for a jurisdiction (the next payment batch would
   * follow them anyway): township staff of the old or the new place, or the county.
   */
  async followMoves(actor: Actor, query: { jurisdiction?: string } = {}) {
    const within = query.jurisdiction ? normalizeJurisdictionCode(query.jurisdiction) : actor.scope;
    authorize(actor, Permission.BenefitReview, within);
    const moves = await pendingMoves(this.context.db, await this.programmes.all(), within);
    return { followed: await followMoves(this.context, actingAs(actor), moves) };
  }

  /** Confirms one item: the enrolment ends as the register says today; refused when nothing ends it. */
  async confirm(actor: Actor, enrolmentId: string) {
    const enrolment = await findEnrolment(this.context.db, enrolmentId);
    if (!enrolment) throw notFound('纳入记录');
    assertRecordInScope(actor, [enrolment.hukou_code], '纳入记录');
    authorizeAction(actor, 'terminate', enrolment.hukou_code);
    const [item] = await this.findings(enrolment.hukou_code, today(this.context.clock), enrolmentId);
    if (!item) {
      throw conflict('登记库中没有终止该纳入的事件（可能已更正或已处理）', 'BENEFIT_NOTHING_TO_END');
    }
    return endEnrolment(this.context, this.applications, actingAs(actor), enrolment, {
      cause: item.cause,
      eventDate: item.eventDate,
      endsBefore: item.endsBefore,
      reason: item.reason,
    });
  }
}
