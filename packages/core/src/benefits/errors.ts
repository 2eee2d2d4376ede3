// Stable error codes of the benefits core. Transitions and checks return them instead of throwing, so
// that a caller (a service, a bulk action over a township's list) can report each refusal and go on.
import { DomainError, ErrorCode } from '../common/errors';

export const BenefitErrorCode = {
  IllegalTransition: 'BENEFIT_ILLEGAL_TRANSITION',
  ReasonRequired: 'BENEFIT_REASON_REQUIRED',
  EntrantCannotApprove: 'BENEFIT_ENTRANT_CANNOT_APPROVE',
  ReviewerAlreadyApproved: 'BENEFIT_REVIEWER_ALREADY_APPROVED',
  NoticePeriodNotOver: 'BENEFIT_NOTICE_PERIOD_NOT_OVER',
  NoticeDaysInvalid: 'BENEFIT_NOTICE_DAYS_INVALID',
  ObjectionsOpen: 'BENEFIT_OBJECTIONS_OPEN',
  ObjectionUpheld: 'BENEFIT_OBJECTION_UPHELD',
  ObjectionNotFound: 'BENEFIT_OBJECTION_NOT_FOUND',
  ObjectionAlreadyResolved: 'BENEFIT_OBJECTION_ALREADY_RESOLVED',
  DateBeforeLastStep: 'BENEFIT_DATE_BEFORE_LAST_STEP',
  FundsApproverCannotPay: 'BENEFIT_FUNDS_APPROVER_CANNOT_PAY',
  BatchBuilderCannotApprove: 'BENEFIT_BATCH_BUILDER_CANNOT_APPROVE',
  OverBudget: 'BENEFIT_OVER_BUDGET',
  BatchTotalMismatch: 'BENEFIT_BATCH_TOTAL_MISMATCH',
  ScheduleDateTaken: 'BENEFIT_SCHEDULE_DATE_TAKEN',
  UnknownCategory: 'BENEFIT_UNKNOWN_CATEGORY',
  InvalidAmount: 'BENEFIT_INVALID_AMOUNT',
} as const;
export type BenefitErrorCode = (typeof BenefitErrorCode)[keyof typeof BenefitErrorCode];

export interface BenefitError {
  code: BenefitErrorCode;
  /** Chinese, for the person at the screen. */
  message: string;
}

export type BenefitResult<T> = { ok: true; value: T } | { ok: false; error: BenefitError };

export const ok = <T>(value: T): BenefitResult<T> => ({ ok: true, value });
export const fail = <T = never>(code: BenefitErrorCode, message: string): BenefitResult<T> => ({
  ok: false,
  error: { code, message },
});

const forbiddenCodes: readonly BenefitErrorCode[] = [
  BenefitErrorCode.EntrantCannotApprove,
  BenefitErrorCode.ReviewerAlreadyApproved,
  BenefitErrorCode.FundsApproverCannotPay,
  BenefitErrorCode.BatchBuilderCannotApprove,
];

/** For services: separation-of-duties refusals are 403, bad input 400, the rest conflicts with the state. */
export function benefitDomainError(error: BenefitError): DomainError {
  const validation: readonly BenefitErrorCode[] = [
    BenefitErrorCode.ReasonRequired,
    BenefitErrorCode.NoticeDaysInvalid,
    BenefitErrorCode.InvalidAmount,
  ];
  const code = forbiddenCodes.includes(error.code)
    ? ErrorCode.Forbidden
    : validation.includes(error.code)
      ? ErrorCode.ValidationFailed
      : ErrorCode.Conflict;
  return new DomainError(code, error.message, [{ reason: error.code }]);
}
