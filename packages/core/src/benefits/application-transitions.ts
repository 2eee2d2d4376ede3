// The review state machine as pure functions: (application, command, who and when) → the new
// application or a typed refusal with a stable code. Nothing is thrown and nothing is stored here.
import {
  allowedCommands,
  applicationStatusLabels,
  DEFAULT_NOTICE_DAYS,
  MAX_NOTICE_DAYS,
  type ApplicationCommand,
  type ApplicationStatus,
  type BenefitApplication,
  type ReviewLevel,
} from './application';
import { addDays } from './calendar';
import { BenefitErrorCode, fail, ok, type BenefitResult } from './errors';

export interface TransitionContext {
  userId: string;
  /** The business date of the action (YYYY-MM-DD). */
  date: string;
}

const blank = (text: string | undefined) => text === undefined || text.trim() === '';

/** Where a return sends the case: one level down; the village returns it to the applicant. */
const returnTarget: Partial<Record<ApplicationStatus, ApplicationStatus>> = {
  village_review: 'returned_to_applicant',
  public_notice: 'village_review',
  township_review: 'village_review',
  county_review: 'township_review',
};

/** Approvals that a return voids: the levels that must look at the case again. */
const levelsVoidedByReturn: Partial<Record<ApplicationStatus, readonly ReviewLevel[]>> = {
  village_review: ['village', 'township', 'county'],
  public_notice: ['village', 'township', 'county'],
  township_review: ['village', 'township', 'county'],
  county_review: ['township', 'county'],
};

function approve(
  app: BenefitApplication,
  level: ReviewLevel,
  ctx: TransitionContext,
): BenefitResult<BenefitApplication> {
  // 四权分离: whoever entered the case does not approve it, and each level is a different person.
  if (app.enteredBy.userId === ctx.userId) {
    return fail(BenefitErrorCode.EntrantCannotApprove, '录入申请的人不能审核批准该申请');
  }
  const other = (Object.entries(app.approvals) as [ReviewLevel, { userId: string } | null][]).find(
    ([otherLevel, approval]) => otherLevel !== level && approval?.userId === ctx.userId,
  );
  if (other) return fail(BenefitErrorCode.ReviewerAlreadyApproved, '同一人不能在两级审核中都批准同一申请');
  return ok({ ...app, approvals: { ...app.approvals, [level]: { userId: ctx.userId, date: ctx.date } } });
}

function step(
  app: BenefitApplication,
  to: ApplicationStatus,
  command: ApplicationCommand,
  ctx: TransitionContext,
  reason?: string,
): BenefitApplication {
  const entry = { date: ctx.date, userId: ctx.userId, action: command.type, from: app.status, to };
  return { ...app, status: to, trail: [...app.trail, reason === undefined ? entry : { ...entry, reason }] };
}

function closeNotice(app: BenefitApplication, command: ApplicationCommand, ctx: TransitionContext) {
  const notice = app.notice!;
  if (ctx.date <= notice.lastDay) {
    return fail<BenefitApplication>(
      BenefitErrorCode.NoticePeriodNotOver,
      `公示期至 ${notice.lastDay}，尚未结束`,
    );
  }
  const current = app.objections.filter((objection) => objection.noticeRound === notice.round);
  if (current.some((objection) => objection.status === 'open')) {
    return fail<BenefitApplication>(
      BenefitErrorCode.ObjectionsOpen,
      '公示期内有未处理的异议，须调查处理后才能继续',
    );
  }
  if (current.some((objection) => objection.status === 'upheld')) {
    return fail<BenefitApplication>(BenefitErrorCode.ObjectionUpheld, '异议经核实成立：请退回或不予批准');
  }
  return ok(step({ ...app, notice: null }, 'township_review', command, ctx));
}

function handle(
  app: BenefitApplication,
  command: ApplicationCommand,
  ctx: TransitionContext,
): BenefitResult<BenefitApplication> {
  switch (command.type) {
    case 'villageApprove': {
      const days = command.noticeDays ?? DEFAULT_NOTICE_DAYS;
      if (!Number.isInteger(days) || days < 1 || days > MAX_NOTICE_DAYS) {
        return fail(BenefitErrorCode.NoticeDaysInvalid, `公示天数应为 1–${MAX_NOTICE_DAYS} 的整数`);
      }
      const approved = approve(app, 'village', ctx);
      if (!approved.ok) return approved;
      const round = app.noticeRounds + 1;
      const notice = { round, firstDay: ctx.date, lastDay: addDays(ctx.date, days - 1), days };
      return ok(step({ ...approved.value, notice, noticeRounds: round }, 'public_notice', command, ctx));
    }
    case 'raiseObjection': {
      if (blank(command.summary)) return fail(BenefitErrorCode.ReasonRequired, '请填写异议内容');
      const objection = {
        id: command.objectionId,
        noticeRound: app.notice!.round,
        raisedOn: ctx.date,
        recordedBy: ctx.userId,
        summary: command.summary,
        status: 'open' as const,
        finding: null,
        resolvedBy: null,
        resolvedOn: null,
      };
      return ok(step({ ...app, objections: [...app.objections, objection] }, app.status, command, ctx));
    }
    case 'resolveObjection': {
      const found = app.objections.find((objection) => objection.id === command.objectionId);
      if (!found) return fail(BenefitErrorCode.ObjectionNotFound, `无此异议：${command.objectionId}`);
      if (found.status !== 'open') return fail(BenefitErrorCode.ObjectionAlreadyResolved, '该异议已处理');
      if (blank(command.finding)) return fail(BenefitErrorCode.ReasonRequired, '请填写调查结论');
      const resolved = {
        ...found,
        status: command.upheld ? ('upheld' as const) : ('dismissed' as const),
        finding: command.finding,
        resolvedBy: ctx.userId,
        resolvedOn: ctx.date,
      };
      const objections = app.objections.map((objection) => (objection === found ? resolved : objection));
      return ok(step({ ...app, objections }, app.status, command, ctx, command.finding));
    }
    case 'closeNotice':
      return closeNotice(app, command, ctx);
    case 'townshipApprove': {
      const approved = approve(app, 'township', ctx);
      return approved.ok ? ok(step(approved.value, 'county_review', command, ctx)) : approved;
    }
    case 'countyApprove': {
      const approved = approve(app, 'county', ctx);
      if (!approved.ok) return approved;
      const enrolment = { fromMonth: command.enrolFrom, suspendedFrom: null, endsBefore: null };
      return ok(step({ ...approved.value, enrolment }, 'enrolled', command, ctx));
    }
    case 'return': {
      if (blank(command.reason)) return fail(BenefitErrorCode.ReasonRequired, '退回须说明理由');
      const approvals = { ...app.approvals };
      for (const level of levelsVoidedByReturn[app.status] ?? []) approvals[level] = null;
      const returned = { ...app, approvals, notice: null };
      return ok(step(returned, returnTarget[app.status]!, command, ctx, command.reason));
    }
    case 'resubmit':
      return ok(step(app, 'village_review', command, ctx, command.note));
    case 'reject':
    case 'withdraw': {
      if (blank(command.reason)) return fail(BenefitErrorCode.ReasonRequired, '须说明理由');
      const to = command.type === 'reject' ? 'rejected' : 'withdrawn';
      return ok(step({ ...app, notice: null }, to, command, ctx, command.reason));
    }
    case 'suspend':
    case 'resume':
    case 'terminate': {
      if (blank(command.reason)) return fail(BenefitErrorCode.ReasonRequired, '须说明理由');
      const enrolment = app.enrolment!;
      const changed =
        command.type === 'suspend'
          ? { ...enrolment, suspendedFrom: command.fromMonth }
          : command.type === 'resume'
            ? { ...enrolment, suspendedFrom: null }
            : { ...enrolment, endsBefore: command.fromMonth };
      const to =
        command.type === 'suspend' ? 'suspended' : command.type === 'resume' ? 'enrolled' : 'terminated';
      return ok(step({ ...app, enrolment: changed }, to, command, ctx, command.reason));
    }
  }
}

/** Applies one command; refuses anything the current status does not allow. */
export function transition(
  app: BenefitApplication,
  command: ApplicationCommand,
  ctx: TransitionContext,
): BenefitResult<BenefitApplication> {
  if (!allowedCommands[app.status].includes(command.type)) {
    return fail(
      BenefitErrorCode.IllegalTransition,
      `“${applicationStatusLabels[app.status]}”状态下不能执行 ${command.type}`,
    );
  }
  const last = app.trail[app.trail.length - 1];
  if (last && ctx.date < last.date) {
    return fail(BenefitErrorCode.DateBeforeLastStep, `日期 ${ctx.date} 早于上一步 ${last.date}`);
  }
  return handle(app, command, ctx);
}

/** A bulk action over a township's list: each case changes or is refused on its own. */
export function transitionMany(
  apps: readonly BenefitApplication[],
  command: ApplicationCommand,
  ctx: TransitionContext,
): { changed: BenefitApplication[]; refused: { id: string; code: string; message: string }[] } {
  const changed: BenefitApplication[] = [];
  const refused: { id: string; code: string; message: string }[] = [];
  for (const app of apps) {
    const result = transition(app, command, ctx);
    if (result.ok) changed.push(result.value);
    else refused.push({ id: app.id, ...result.error });
  }
  return { changed, refused };
}
