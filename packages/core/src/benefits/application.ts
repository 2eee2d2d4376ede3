// An application for a benefit and its review: entered by the family or a worker → village review →
// 公示 (public notice; objections resolved before it can proceed) → township review → county approval
// → enrolled; then suspended, resumed or terminated. The record carries its whole trail, so a page
// can show who did what, when and why.
import type { YearMonth } from './calendar';

export const ApplicationStatus = {
  VillageReview: 'village_review',
  PublicNotice: 'public_notice',
  TownshipReview: 'township_review',
  CountyReview: 'county_review',
  Enrolled: 'enrolled',
  ReturnedToApplicant: 'returned_to_applicant',
  Rejected: 'rejected',
  Withdrawn: 'withdrawn',
  Suspended: 'suspended',
  Terminated: 'terminated',
} as const;
export type ApplicationStatus = (typeof ApplicationStatus)[keyof typeof ApplicationStatus];

export const applicationStatusLabels: Record<ApplicationStatus, string> = {
  village_review: '村级审核',
  public_notice: '公示中',
  township_review: '乡镇审核',
  county_review: '县级审批',
  enrolled: '已纳入',
  returned_to_applicant: '退回申请人',
  rejected: '不予批准',
  withdrawn: '已撤回',
  suspended: '暂停发放',
  terminated: '已终止',
};

export const DEFAULT_NOTICE_DAYS = 7;
export const MAX_NOTICE_DAYS = 60;

export type ReviewLevel = 'village' | 'township' | 'county';

export interface Approval {
  userId: string;
  date: string;
}

/** 公示: from firstDay through lastDay inclusive; `round` counts notices (a returned case is posted again). */
export interface PublicNotice {
  round: number;
  firstDay: string;
  lastDay: string;
  days: number;
}

export type ObjectionStatus = 'open' | 'upheld' | 'dismissed';

/** Who objected is not stored: the notice invites objections from anyone, names are not needed to check facts. */
export interface Objection {
  id: string;
  noticeRound: number;
  raisedOn: string;
  recordedBy: string;
  summary: string;
  status: ObjectionStatus;
  finding: string | null;
  resolvedBy: string | null;
  resolvedOn: string | null;
}

export interface Enrolment {
  fromMonth: YearMonth;
  suspendedFrom: YearMonth | null;
  endsBefore: YearMonth | null;
}

export type ApplicationCommand =
  | { type: 'villageApprove'; noticeDays?: number }
  | { type: 'raiseObjection'; objectionId: string; summary: string }
  | { type: 'resolveObjection'; objectionId: string; upheld: boolean; finding: string }
  | { type: 'closeNotice' }
  | { type: 'townshipApprove' }
  | { type: 'countyApprove'; enrolFrom: YearMonth }
  | { type: 'return'; reason: string }
  | { type: 'resubmit'; note?: string }
  | { type: 'reject'; reason: string }
  | { type: 'withdraw'; reason: string }
  | { type: 'suspend'; reason: string; fromMonth: YearMonth }
  | { type: 'resume'; reason: string; fromMonth: YearMonth }
  | { type: 'terminate'; reason: string; fromMonth: YearMonth };
export type ApplicationCommandType = ApplicationCommand['type'];

export interface TrailStep {
  date: string;
  userId: string;
  /** 'relocate': the enrolment followed a move within the county (no change of status). */
  action: ApplicationCommandType | 'submit' | 'relocate';
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  reason?: string;
}

export interface BenefitApplication {
  id: string;
  programmeCode: string;
  beneficiaryId: string;
  enteredBy: { channel: 'family' | 'worker'; userId: string };
  enteredOn: string;
  status: ApplicationStatus;
  notice: PublicNotice | null;
  noticeRounds: number;
  objections: readonly Objection[];
  approvals: Readonly<Record<ReviewLevel, Approval | null>>;
  enrolment: Enrolment | null;
  trail: readonly TrailStep[];
}

/** The commands each status accepts; everything else is an illegal transition. */
export const allowedCommands: Readonly<Record<ApplicationStatus, readonly ApplicationCommandType[]>> = {
  village_review: ['villageApprove', 'return', 'reject', 'withdraw'],
  public_notice: ['raiseObjection', 'resolveObjection', 'closeNotice', 'return', 'reject', 'withdraw'],
  township_review: ['townshipApprove', 'return', 'reject', 'withdraw'],
  county_review: ['countyApprove', 'return', 'reject', 'withdraw'],
  enrolled: ['suspend', 'terminate'],
  returned_to_applicant: ['resubmit', 'withdraw'],
  rejected: [],
  withdrawn: [],
  suspended: ['resume', 'terminate'],
  terminated: [],
};

export interface NewApplication {
  id: string;
  programmeCode: string;
  beneficiaryId: string;
  channel: 'family' | 'worker';
  enteredBy: string;
  date: string;
}

export function createApplication(input: NewApplication): BenefitApplication {
  return {
    id: input.id,
    programmeCode: input.programmeCode,
    beneficiaryId: input.beneficiaryId,
    enteredBy: { channel: input.channel, userId: input.enteredBy },
    enteredOn: input.date,
    status: 'village_review',
    notice: null,
    noticeRounds: 0,
    objections: [],
    approvals: { village: null, township: null, county: null },
    enrolment: null,
    trail: [
      { date: input.date, userId: input.enteredBy, action: 'submit', from: null, to: 'village_review' },
    ],
  };
}
