// What a client may ask of an application, and how it becomes a core command: the server adds ids and
// dates, checks the permission and review level of each action, and picks the category that sets
// the amount.
import {
  authorize,
  DomainError,
  ErrorCode,
  monthOfDate,
  Permission,
  uuidv7,
  type Actor,
  type ApplicationCommand,
  type BenefitCategory,
  type DeclaredFacts,
  type EligibilityDecision,
  type ProgrammeDefinition,
} from '@renkou/core';
import { authorizeEntry } from './benefits-context';

export interface NewApplicationInput {
  programmeCode: string;
  personKey: string;
  channel: 'family' | 'worker';
  declared?: DeclaredFacts;
  bankAccount?: string;
  accountName?: string;
}

/** What a client asks for; the server adds ids and dates and turns it into a core command. */
export type ApplicationAction =
  | { action: 'villageApprove'; noticeDays?: number }
  | { action: 'raiseObjection'; summary: string }
  | { action: 'resolveObjection'; objectionId: string; upheld: boolean; finding: string }
  | { action: 'closeNotice' }
  | { action: 'townshipApprove' }
  | { action: 'countyApprove'; enrolFrom?: string }
  | { action: 'return'; reason: string }
  | { action: 'resubmit'; note?: string }
  | { action: 'reject'; reason: string }
  | { action: 'withdraw'; reason: string }
  | { action: 'suspend' | 'resume' | 'terminate'; reason: string; fromMonth?: string };

export interface ApplicationQuery {
  jurisdiction?: string;
  status?: string;
  programmeCode?: string;
  page: number;
  pageSize: number;
}

/** Who acts: a signed-in user, or the system reacting to a life event. */
export interface ActingAs {
  actor?: Actor;
  userId: string;
  username: string;
}

export const actingAs = (actor: Actor): ActingAs => ({
  actor,
  userId: actor.userId,
  username: actor.username,
});

export function commandOf(action: ApplicationAction, date: string): ApplicationCommand {
  switch (action.action) {
    case 'villageApprove':
      return action.noticeDays === undefined
        ? { type: 'villageApprove' }
        : { type: 'villageApprove', noticeDays: action.noticeDays };
    case 'raiseObjection':
      return { type: 'raiseObjection', objectionId: uuidv7(), summary: action.summary };
    case 'resolveObjection':
      return {
        type: 'resolveObjection',
        objectionId: action.objectionId,
        upheld: action.upheld,
        finding: action.finding,
      };
    case 'closeNotice':
      return { type: 'closeNotice' };
    case 'townshipApprove':
      return { type: 'townshipApprove' };
    case 'countyApprove':
      return { type: 'countyApprove', enrolFrom: action.enrolFrom ?? monthOfDate(date) };
    case 'return':
    case 'reject':
    case 'withdraw':
      return { type: action.action, reason: action.reason };
    case 'resubmit':
      return action.note === undefined ? { type: 'resubmit' } : { type: 'resubmit', note: action.note };
    case 'suspend':
    case 'resume':
    case 'terminate':
      return { type: action.action, reason: action.reason, fromMonth: action.fromMonth ?? monthOfDate(date) };
  }
}

/** Permission and level for each action (the core decides the rest). */
export function authorizeAction(actor: Actor, action: ApplicationAction['action'], hukouCode: string): void {
  if (action === 'withdraw' || action === 'resubmit') {
    authorizeEntry(actor, hukouCode);
    return;
  }
  authorize(actor, Permission.BenefitReview, hukouCode);
  if (action === 'townshipApprove' && actor.scope.length > 9) {
    throw new DomainError(ErrorCode.Forbidden, '乡镇审核须由乡镇或县级人员办理');
  }
  if (action === 'countyApprove' && actor.scope.length > 6) {
    throw new DomainError(ErrorCode.Forbidden, '县级审批须由县级人员办理');
  }
}

/** The category that sets the amount: the decided one, or the only one a programme has. */
export function categoryFor(
  programme: ProgrammeDefinition,
  decision: EligibilityDecision,
): BenefitCategory | null {
  if (decision.category) return decision.category;
  return programme.categories.length === 1 ? programme.categories[0]! : null;
}
