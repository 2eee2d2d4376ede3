// The benefits HTTP calls (/api/benefits/..., shapes from the server's benefits.schemas.ts): programmes
// and their amount schedules, screening, applications and review, payment batches and bank files.
// Every amount is integer fen; the pages format it as ¥ with two decimals.
import type { AnnualReviewItem, EnrolmentEndCause, EnrolmentMoveItem, LifeEventItem } from '@renkou/core';
import { api } from '../../lib/api';

export type Outcome = 'eligible' | 'ineligible' | 'needs_review';
export type RuleOutcome = 'pass' | 'fail' | 'unknown';

export interface ExplanationNode {
  outcome: RuleOutcome;
  text: string;
  children?: ExplanationNode[];
}

export interface Schedule {
  effectiveFrom: string;
  amountFen: number;
  basis: 'per_month' | 'per_year' | 'once';
  source: string;
  verified: boolean;
  note?: string;
  /** A regional amount (a county's top-up); absent for the programme's own. */
  region?: string;
}

export interface Programme {
  code: string;
  name: string;
  shortName: string;
  documentNumber: string;
  regionPrefix: string;
  validFrom: string;
  validTo: string | null;
  beneficiary: 'person' | 'household';
  paymentPeriod: 'monthly' | 'yearly' | 'one_time';
  categories: { code: string; name: string; schedules: Schedule[] }[];
  endsWhen: string;
  /** Paid through the month of this birthday (育儿补贴: 3). */
  ageLimit?: number;
  /** false: not ended by a hukou move out of the county (absent: ended). */
  tiedToHukou?: boolean;
}

export interface ScreeningItem {
  personKey: string;
  name: string;
  sex: number;
  birthDate: string;
  hukouCode: string;
  idNumberMasked: string | null;
  outcome: Outcome;
  categoryCode: string | null;
  categoryName: string | null;
  amountFen: number | null;
  amountBasis: string | null;
  explanation: ExplanationNode;
  explanationText: string;
}

export interface Screening {
  programmeCode: string;
  date: string;
  jurisdiction: string;
  counts: Record<Outcome, number>;
  total: number;
  items: ScreeningItem[];
}

export interface ScreeningQuery {
  jurisdiction?: string;
  date?: string;
  outcome?: Outcome;
  page: number;
  pageSize: number;
}

export interface ApplicationSummary {
  id: string;
  programmeCode: string;
  personKey: string;
  name: string;
  idNumberMasked: string | null;
  hukouCode: string;
  status: string;
  statusLabel: string;
  enteredOn: string;
}

type Approval = { userId: string; date: string } | null;

export interface Application extends ApplicationSummary {
  channel: string;
  enteredBy: string;
  accountMasked: string | null;
  accountName: string | null;
  screening: { outcome: string; explanationText: string };
  notice: { round: number; firstDay: string; lastDay: string; days: number } | null;
  objections: {
    id: string;
    noticeRound: number;
    raisedOn: string;
    recordedBy: string;
    summary: string;
    status: string;
    finding: string | null;
    resolvedBy: string | null;
    resolvedOn: string | null;
  }[];
  approvals: { village: Approval; township: Approval; county: Approval };
  enrolment: {
    id: string;
    categoryCode: string;
    fromMonth: string;
    suspendedFrom: string | null;
    endsBefore: string | null;
    status: string;
  } | null;
  notices: {
    round: number;
    firstDay: string;
    lastDay: string;
    amountFen: number;
    takenDownOn: string | null;
  }[];
  trail: {
    stepNo: number;
    action: string;
    from: string | null;
    to: string;
    date: string;
    userId: string;
    username: string | null;
    reason: string | null;
  }[];
}

export interface ApplicationQuery {
  jurisdiction?: string;
  status?: string;
  programme?: string;
  page: number;
  pageSize: number;
}

/** The review commands of POST /api/benefits/applications/:id/actions. */
export type ActionCommand =
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

export interface BulkResult {
  changed: number;
  refused: number;
  results: { id: string; ok: boolean; status?: string; code?: string; message?: string }[];
}

export interface Batch {
  id: string;
  programmeCode: string;
  period: string;
  scopeCode: string;
  followUpOf: string | null;
  status: string;
  budgetFen: number;
  totalFen: number;
  lineCount: number;
  builtBy: string;
  approvedBy: string | null;
  exportedBy: string | null;
}

export interface BuiltBatch extends Batch {
  held: { personKey: string; reason: string }[];
  alreadyInBatches: number;
}

export interface BatchLine {
  id: string;
  lineNo: number;
  personKey: string;
  name: string | null;
  hukouCode: string;
  periodKey: string;
  amountFen: number;
  accountMasked: string | null;
  status: string;
  failureReason: string | null;
  retryOf: string | null;
}

export interface BatchDetail extends Batch {
  lines: BatchLine[];
}

export interface BankFile {
  batchId: string;
  fileName: string;
  format: string;
  mediaType: string;
  /** 'base64' for a binary file (XLSX). */
  encoding: 'utf8' | 'base64';
  content: string;
  lineCount: number;
  totalFen: number;
}

export interface BankResults {
  paid: number;
  failed: number;
  paidFen: number;
  failedFen: number;
  followUpBatchId: string | null;
  batch: Batch;
}

const enc = encodeURIComponent;

export async function listProgrammes(signal?: AbortSignal): Promise<Programme[]> {
  const answer = await api.get<{ items: Programme[] }>('/api/benefits/programmes', undefined, signal);
  return answer.items;
}

export function screen(code: string, query: ScreeningQuery, signal?: AbortSignal): Promise<Screening> {
  return api.get(`/api/benefits/programmes/${enc(code)}/screening`, { ...query }, signal);
}

export function listApplications(
  query: ApplicationQuery,
  signal?: AbortSignal,
): Promise<{ total: number; items: ApplicationSummary[] }> {
  return api.get('/api/benefits/applications', { ...query }, signal);
}

export function getApplication(id: string, signal?: AbortSignal): Promise<Application> {
  return api.get(`/api/benefits/applications/${enc(id)}`, undefined, signal);
}

export function act(id: string, command: ActionCommand): Promise<Application> {
  return api.post(`/api/benefits/applications/${enc(id)}/actions`, command);
}

export function actMany(ids: string[], command: ActionCommand): Promise<BulkResult> {
  return api.post('/api/benefits/applications/bulk-actions', { ids, command });
}

export async function listBatches(
  query: { jurisdiction?: string; programme?: string },
  signal?: AbortSignal,
): Promise<Batch[]> {
  const answer = await api.get<{ items: Batch[] }>('/api/benefits/batches', query, signal);
  return answer.items;
}

export function getBatch(id: string, signal?: AbortSignal): Promise<BatchDetail> {
  return api.get(`/api/benefits/batches/${enc(id)}`, undefined, signal);
}

export function buildBatch(body: {
  programmeCode: string;
  period: string;
  jurisdiction?: string;
  budgetFen: number;
}): Promise<BuiltBatch> {
  return api.post('/api/benefits/batches', body);
}

export function approveBatch(id: string): Promise<Batch> {
  return api.post(`/api/benefits/batches/${enc(id)}/approve`);
}

export function exportBankFile(id: string, format?: string): Promise<BankFile> {
  return api.post(`/api/benefits/batches/${enc(id)}/bank-file`, format ? { format } : {});
}

export function importBankResults(
  id: string,
  body: { fileName: string; content: string; format?: string },
): Promise<BankResults> {
  return api.post(`/api/benefits/batches/${enc(id)}/bank-results`, body);
}

export type BankFormat = 'csv' | 'xlsx';

/** 公示: only name, village, programme, amount, the masked ID number and the period. */
export interface NoticeItem {
  name: string;
  villageCode: string;
  villageName: string | null;
  programme: string;
  amountFen: number;
  amountBasis: string;
  idNumberMasked: string | null;
  firstDay: string;
  lastDay: string;
}

export function listNotices(
  village: string,
  date: string | undefined,
  signal?: AbortSignal,
): Promise<{ date: string; items: NoticeItem[] }> {
  return api.get('/api/benefits/notices', { village, ...(date ? { date } : {}) }, signal);
}

export interface EndOutcome {
  enrolmentId: string;
  cause: string;
  endsBefore: string;
  overpayment: { months: { month: string; amountFen: number }[]; totalFen: number } | null;
  pendingLines: { lineId: string; batchId: string; periodKey: string; amountFen: number }[];
}

export function listLifeEvents(
  query: { jurisdiction?: string },
  signal?: AbortSignal,
): Promise<{
  date: string;
  counts: Record<EnrolmentEndCause, number>;
  items: LifeEventItem[];
  moves: EnrolmentMoveItem[];
}> {
  return api.get('/api/benefits/life-events/worklist', { ...query }, signal);
}

/** Moves within the county: the enrolments go with the person to the new township now. */
export function followMoves(jurisdiction?: string): Promise<{ followed: EnrolmentMoveItem[] }> {
  return api.post('/api/benefits/life-events/moves/follow', jurisdiction ? { jurisdiction } : {});
}

/** A new amount from a date; with `region`, a county's top-up beside the programme's own amounts. */
export function addSchedule(code: string, categoryCode: string, schedule: Schedule): Promise<Programme> {
  return api.post(`/api/benefits/programmes/${enc(code)}/schedules`, { categoryCode, schedule });
}

export function confirmLifeEvent(enrolmentId: string): Promise<EndOutcome> {
  return api.post(`/api/benefits/life-events/worklist/${enc(enrolmentId)}/confirm`);
}

export function annualReview(
  query: {
    jurisdiction?: string;
    programme?: string;
    date?: string;
    outcome?: Outcome;
    page: number;
    pageSize: number;
  },
  signal?: AbortSignal,
): Promise<{ date: string; counts: Record<Outcome, number>; total: number; items: AnnualReviewItem[] }> {
  return api.get('/api/benefits/annual-review', { ...query }, signal);
}

export function confirmReview(enrolmentId: string): Promise<EndOutcome> {
  return api.post(`/api/benefits/annual-review/${enc(enrolmentId)}/confirm`, {});
}

export interface Budget {
  programmeCode: string;
  year: number;
  scopeCode: string;
  amountFen: number;
  committedFen: number;
  remainingFen: number;
  document: string | null;
}

export async function listBudgets(
  query: { year?: number; programme?: string },
  signal?: AbortSignal,
): Promise<Budget[]> {
  const answer = await api.get<{ items: Budget[] }>('/api/benefits/budgets', { ...query }, signal);
  return answer.items;
}

export function setBudget(body: {
  programmeCode: string;
  year: number;
  jurisdiction: string;
  amountFen: number;
  document?: string;
}): Promise<Budget> {
  return api.post('/api/benefits/budgets', body);
}

export interface Dashboard {
  programmeCode: string;
  year: number;
  jurisdiction: string;
  areaLevel: 'township' | 'village';
  peopleCovered: number;
  peoplePaid: number;
  paidFen: number;
  areas: { code: string; name: string | null; peopleCovered: number; peoplePaid: number; paidFen: number }[];
  months: { month: string; paidFen: number }[];
}

export function dashboard(
  query: { programme: string; year: number; jurisdiction?: string },
  signal?: AbortSignal,
): Promise<Dashboard> {
  return api.get('/api/benefits/dashboard', { ...query }, signal);
}
