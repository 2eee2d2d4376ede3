// Zod schemas of the benefits API (request and response); the OpenAPI description comes from them.
import type { ExplanationNode } from '@renkou/core';
import { z } from 'zod';

export const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
export const periodSchema = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, '期间应为 YYYY 或 YYYY-MM');
export const jurisdictionSchema = z.string().regex(/^\d{2,12}$/, '区划代码应为数字');
export const fenSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const idParams = z.strictObject({ id: z.uuid() });
export const codeParams = z.strictObject({ code: z.string().regex(/^[a-z0-9_]{1,40}$/) });
const reason = z.string().trim().min(1).max(500);

export const explanationSchema: z.ZodType<ExplanationNode> = z.lazy(() =>
  z.object({
    outcome: z.enum(['pass', 'fail', 'unknown']),
    text: z.string(),
    children: z.array(explanationSchema).optional(),
  }),
);

const scheduleSchema = z.object({
  effectiveFrom: dateSchema,
  amountFen: fenSchema,
  basis: z.enum(['per_month', 'per_year', 'once']),
  source: z.string().min(1).max(500),
  verified: z.boolean(),
  note: z.string().max(500).optional(),
  region: z
    .string()
    .regex(/^(\d{2}|\d{4}|\d{6})$/, 'region 应为省、市或县的区划代码（2、4 或 6 位）')
    .optional(),
});

export const programmeSchema = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  documentNumber: z.string(),
  regionPrefix: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  beneficiary: z.enum(['person', 'household']),
  paymentPeriod: z.enum(['monthly', 'yearly', 'one_time']),
  eligibility: z.unknown(),
  categories: z
    .array(
      z.object({
        code: z.string(),
        name: z.string(),
        eligibility: z.unknown().optional(),
        schedules: z.array(scheduleSchema).readonly(),
      }),
    )
    .readonly(),
  endsWhen: z.string(),
  ageLimit: z.number().int().optional(),
  tiedToHukou: z.boolean().optional(),
});

export const newScheduleBody = z.strictObject({
  categoryCode: z.string().min(1).max(40),
  schedule: scheduleSchema.strict(),
});

export const screeningQuery = z.strictObject({
  jurisdiction: jurisdictionSchema.optional(),
  date: dateSchema.optional(),
  outcome: z.enum(['eligible', 'ineligible', 'needs_review']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const screeningSchema = z.object({
  programmeCode: z.string(),
  date: z.string(),
  jurisdiction: z.string(),
  counts: z.object({ eligible: z.number(), ineligible: z.number(), needs_review: z.number() }),
  total: z.number(),
  items: z.array(
    z.object({
      personKey: z.string(),
      name: z.string(),
      sex: z.number(),
      birthDate: z.string(),
      hukouCode: z.string(),
      idNumberMasked: z.string().nullable(),
      outcome: z.enum(['eligible', 'ineligible', 'needs_review']),
      categoryCode: z.string().nullable(),
      categoryName: z.string().nullable(),
      amountFen: z.number().nullable(),
      amountBasis: z.string().nullable(),
      explanation: explanationSchema,
      explanationText: z.string(),
    }),
  ),
});

export const newApplicationBody = z.strictObject({
  programmeCode: z.string().min(1).max(40),
  personKey: z.string().min(1).max(64),
  channel: z.enum(['family', 'worker']).default('worker'),
  declared: z
    .strictObject({
      qualifyingHistory1973To2001: z.boolean().optional(),
      childDisabilityGrade: z
        .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
          error: 'childDisabilityGrade 应为残疾人证上的等级 1–4',
        })
        .optional(),
    })
    .optional(),
  bankAccount: z
    .string()
    .regex(/^\d{8,30}$/, '银行账号应为 8–30 位数字')
    .optional(),
  accountName: z.string().min(1).max(60).optional(),
});

export const actionBody = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('villageApprove'),
    noticeDays: z.number().int().min(1).max(60).optional(),
  }),
  z.strictObject({ action: z.literal('raiseObjection'), summary: reason }),
  z.strictObject({
    action: z.literal('resolveObjection'),
    objectionId: z.uuid(),
    upheld: z.boolean(),
    finding: reason,
  }),
  z.strictObject({ action: z.literal('closeNotice') }),
  z.strictObject({ action: z.literal('townshipApprove') }),
  z.strictObject({ action: z.literal('countyApprove'), enrolFrom: monthSchema.optional() }),
  z.strictObject({ action: z.literal('return'), reason }),
  z.strictObject({ action: z.literal('resubmit'), note: z.string().max(500).optional() }),
  z.strictObject({ action: z.literal('reject'), reason }),
  z.strictObject({ action: z.literal('withdraw'), reason }),
  z.strictObject({
    action: z.enum(['suspend', 'resume', 'terminate']),
    reason,
    fromMonth: monthSchema.optional(),
  }),
]);

export const bulkActionBody = z.strictObject({
  ids: z.array(z.uuid()).min(1).max(500),
  command: actionBody,
});

const approvalSchema = z.object({ userId: z.string(), date: z.string() }).nullable();

export const applicationSchema = z.object({
  id: z.string(),
  programmeCode: z.string(),
  personKey: z.string(),
  name: z.string(),
  idNumberMasked: z.string().nullable(),
  hukouCode: z.string(),
  channel: z.string(),
  enteredBy: z.string(),
  enteredOn: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  accountMasked: z.string().nullable(),
  accountName: z.string().nullable(),
  screening: z.object({ outcome: z.string(), explanationText: z.string() }),
  notice: z
    .object({ round: z.number(), firstDay: z.string(), lastDay: z.string(), days: z.number() })
    .nullable(),
  objections: z.array(
    z.object({
      id: z.string(),
      noticeRound: z.number(),
      raisedOn: z.string(),
      recordedBy: z.string(),
      summary: z.string(),
      status: z.string(),
      finding: z.string().nullable(),
      resolvedBy: z.string().nullable(),
      resolvedOn: z.string().nullable(),
    }),
  ),
  approvals: z.object({ village: approvalSchema, township: approvalSchema, county: approvalSchema }),
  enrolment: z
    .object({
      id: z.string(),
      categoryCode: z.string(),
      fromMonth: z.string(),
      suspendedFrom: z.string().nullable(),
      endsBefore: z.string().nullable(),
      status: z.string(),
    })
    .nullable(),
  notices: z.array(
    z.object({
      round: z.number(),
      firstDay: z.string(),
      lastDay: z.string(),
      amountFen: z.number(),
      takenDownOn: z.string().nullable(),
    }),
  ),
  trail: z.array(
    z.object({
      stepNo: z.number(),
      action: z.string(),
      from: z.string().nullable(),
      to: z.string(),
      date: z.string(),
      userId: z.string(),
      username: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
});

export const applicationListQuery = z.strictObject({
  jurisdiction: jurisdictionSchema.optional(),
  status: z.string().max(40).optional(),
  programme: z.string().max(40).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const applicationListSchema = z.object({
  total: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      programmeCode: z.string(),
      personKey: z.string(),
      name: z.string(),
      idNumberMasked: z.string().nullable(),
      hukouCode: z.string(),
      status: z.string(),
      statusLabel: z.string(),
      enteredOn: z.string(),
    }),
  ),
});

export const noticeListSchema = z.object({
  date: z.string(),
  items: z.array(
    z.object({
      name: z.string(),
      villageCode: z.string(),
      villageName: z.string().nullable(),
      programme: z.string(),
      amountFen: z.number(),
      amountBasis: z.string(),
      idNumberMasked: z.string().nullable(),
      firstDay: z.string(),
      lastDay: z.string(),
    }),
  ),
});

export const batchSchema = z.object({
  id: z.string(),
  programmeCode: z.string(),
  period: z.string(),
  scopeCode: z.string(),
  followUpOf: z.string().nullable(),
  status: z.string(),
  budgetFen: z.number(),
  totalFen: z.number(),
  lineCount: z.number(),
  builtBy: z.string(),
  approvedBy: z.string().nullable(),
  exportedBy: z.string().nullable(),
});

export const batchDetailSchema = batchSchema.extend({
  lines: z.array(
    z.object({
      id: z.string(),
      lineNo: z.number(),
      personKey: z.string(),
      name: z.string().nullable(),
      hukouCode: z.string(),
      periodKey: z.string(),
      amountFen: z.number(),
      accountMasked: z.string().nullable(),
      status: z.string(),
      failureReason: z.string().nullable(),
      retryOf: z.string().nullable(),
    }),
  ),
});

export const buildBatchBody = z.strictObject({
  programmeCode: z.string().min(1).max(40),
  period: periodSchema,
  jurisdiction: jurisdictionSchema.optional(),
  budgetFen: fenSchema,
});

export const bankResultsBody = z.strictObject({
  fileName: z.string().min(1).max(200),
  content: z.string().min(1).max(900_000),
  format: z.string().max(20).optional(),
});

export const monthAmountsSchema = z.array(z.object({ month: z.string(), amountFen: z.number() }));
