// Enrolments follow their beneficiary's moves within the county (core's enrolmentMoveOf): the
// enrolment and its application take the new place, so that the new township lists, reviews and pays
// the case and the old one no longer does. Each move is a trail row ('relocate', status unchanged) and
// an audit row, in one transaction. The register tells benefits only of deaths, so moves are followed
// when a payment batch is built (as the system) or when staff follow them from the life-events
// worklist, which lists them, for information, to the old and the new township.
import {
  enrolmentMoveOf,
  type ApplicationStatus,
  type EnrolmentMove,
  type EnrolmentMoveItem,
  type ProgrammeDefinition,
} from '@renkou/core';
import type { Executor } from '../audit';
import type { ActingAs } from './application-commands';
import { findApplicationRow, insertSteps, trailOf } from './application.repository';
import { today, type BenefitsContext } from './benefits-context';
import { enrolmentListItem } from './enrolment-list-item';
import { liveEnrolments, type LiveEnrolment } from './enrolment.repository';

function moveOf(programme: ProgrammeDefinition, row: LiveEnrolment): EnrolmentMove | null {
  // A person missing from the register cannot be placed: the payment batch holds them back.
  if (row.current_hukou_code === null) return null;
  return enrolmentMoveOf(programme, row.hukou_code, {
    hukouCode: row.current_hukou_code,
    hukouSince: row.hukou_since,
    residenceCode: row.current_residence_code ?? '',
    residenceSince: row.residence_since,
  });
}

/** The moves to follow of enrolments leaving `within` or arriving in it. */
export async function pendingMoves(
  db: Executor,
  programmes: readonly ProgrammeDefinition[],
  within: string,
  only: { programmeCode?: string } = {},
): Promise<EnrolmentMoveItem[]> {
  const byCode = new Map(programmes.map((p) => [p.code, p]));
  const rows = await liveEnrolments(db, within, { ...only, arriving: true });
  const items: EnrolmentMoveItem[] = [];
  for (const row of rows) {
    const programme = byCode.get(row.programme_code);
    const move = programme ? moveOf(programme, row) : null;
    if (programme && move) items.push({ ...enrolmentListItem(row, programme), ...move });
  }
  return items;
}

/** Follows each move in its own transaction; returns those this call moved (not a concurrent one). */
export async function followMoves(
  context: BenefitsContext,
  who: ActingAs,
  moves: readonly EnrolmentMoveItem[],
): Promise<EnrolmentMoveItem[]> {
  const followed: EnrolmentMoveItem[] = [];
  for (const move of moves) {
    const moved = await context.db.transaction().execute((trx) => relocate(context, trx, who, move));
    if (moved) followed.push(move);
  }
  return followed;
}

async function relocate(
  context: BenefitsContext,
  trx: Executor,
  who: ActingAs,
  move: EnrolmentMoveItem,
): Promise<boolean> {
  const { clock, audit } = context;
  // Only from the place it was read at: otherwise someone has just moved it.
  const result = await trx
    .updateTable('benefit_enrolments')
    .set({ hukou_code: move.toCode, updated_at: clock.now() })
    .where('id', '=', move.enrolmentId)
    .where('hukou_code', '=', move.fromCode)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  // A new version: an action prepared on the old row is refused as stale.
  await trx
    .updateTable('benefit_applications')
    .set((eb) => ({ hukou_code: move.toCode, version: eb('version', '+', 1), updated_at: clock.now() }))
    .where('id', '=', move.applicationId)
    .execute();
  const status = (await findApplicationRow(trx, move.applicationId))!.status as ApplicationStatus;
  const steps = await trailOf(trx, move.applicationId);
  const step = { date: today(clock), userId: who.userId, action: 'relocate' as const, reason: move.reason };
  await insertSteps(
    trx,
    move.applicationId,
    steps.length + 1,
    [{ ...step, from: status, to: status }],
    who.username,
    clock.now(),
  );
  await audit.record(trx, who.actor ? { actor: who.actor } : { username: who.username }, {
    action: 'benefit.enrolment.relocate',
    targetType: 'benefit_enrolment',
    targetIds: [move.enrolmentId, move.personKey],
    jurisdiction: move.toCode,
    details: {
      applicationId: move.applicationId,
      kind: move.kind,
      fromCode: move.fromCode,
      toCode: move.toCode,
      eventDate: move.eventDate,
    },
  });
  return true;
}
