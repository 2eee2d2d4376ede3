// Zod schemas of the reconciliation API under /api/records (requests and responses; OpenAPI from them).
import { CONFLICT_FIELDS, DUPLICATE_ACTIONS, LINK_RUN_SOURCES, WORKLIST_ITEMS } from '@renkou/core';
import { z } from 'zod';

export const idParams = z.strictObject({ id: z.uuid() });
/** A department's source, or 'register' for the register's own duplicates run. */
export const linkableSource = z.enum(LINK_RUN_SOURCES);
export const itemSchema = z.enum(WORKLIST_ITEMS);
export const actionSchema = z.enum(['match', 'non_match', 'register', 'correct', 'keep', 'dismiss', 'split']);

const progressSchema = z.object({ stage: z.string(), done: z.number(), total: z.number() });

export const linkRunSchema = z.object({
  id: z.string(),
  source: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  startedBy: z.string(),
  progress: progressSchema,
  counts: z.record(z.string(), z.number()),
  failure: z.string().nullable(),
});

export const sourceSchema = z.object({
  name: z.string(),
  label: z.string(),
  records: z.number(),
  linkable: z.boolean(),
  lastRun: linkRunSchema.nullable(),
});

const conflictSchema = z.object({
  field: z.enum(CONFLICT_FIELDS),
  label: z.string(),
  record: z.string(),
  register: z.string(),
});

const personBriefSchema = z.object({
  personKey: z.string(),
  name: z.string(),
  sex: z.string(),
  birthDate: z.string(),
  hukouCode: z.string(),
  residenceCode: z.string(),
  status: z.string(),
});

export const entrySchema = z.object({
  id: z.string(),
  item: itemSchema,
  source: z.string(),
  recordId: z.string(),
  probability: z.number(),
  matchWeight: z.number().nullable(),
  record: z.object({
    name: z.string(),
    sex: z.string(),
    birthDate: z.string(),
    date: z.string().nullable(),
    place: z.string().nullable(),
    motherName: z.string(),
    hospital: z.string(),
    event: z.string().describe('公安户籍记录的事项：birth、move_in、move_out、death；其他来源为空'),
  }),
  person: personBriefSchema.nullable(),
  conflicts: z.array(conflictSchema),
  benefits: z.array(z.string()),
  sameBirth: z
    .object({
      decisionId: z.string(),
      recordId: z.string(),
      name: z.string(),
      sex: z.string(),
      birthDate: z.string(),
      place: z.string(),
      date: z.string().nullable(),
    })
    .nullable()
    .describe('户籍也有此出生：同一婴儿的公安户籍出生记录，随本条一并处理'),
});

const resolutionSchema = z.object({ action: z.string(), reason: z.string(), by: z.string(), at: z.string() });

export const pairSchema = entrySchema.extend({
  class: z.enum(['auto_match', 'review', 'non_match']),
  verdict: z.enum(['match', 'non_match']).nullable(),
  comparisons: z.array(z.object({ name: z.string(), level: z.string(), weight: z.number() })),
  resolution: resolutionSchema.nullable(),
  resolutions: z.array(resolutionSchema.extend({ item: z.string() })),
});

export const worklistQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const resolveBody = z.strictObject({
  item: itemSchema,
  action: actionSchema,
  reason: z.string().trim().min(2, '请填写处理原因（至少 2 个字）').max(500),
  /** For `split`: the hukou row the clerk saw paired with this missing birth. */
  sameBirthRecordId: z.string().min(1).max(100).optional(),
});

export const resolveSchema = z.object({
  id: z.string(),
  item: itemSchema,
  action: actionSchema,
  prefill: z
    .object({
      form: z.enum(['birth', 'death', 'correction', 'hukou']),
      query: z.record(z.string(), z.string()),
      values: z.record(z.string(), z.string()),
    })
    .nullable(),
});

const countsSchema = z.object({
  records: z.number(),
  found: z.number(),
  notFound: z.number(),
  pending: z.number(),
  unlinked: z.number(),
  completeness: z.number().nullable(),
});
const townshipCounts = countsSchema.extend({ township: z.string(), townshipName: z.string() });

export const completenessQuery = z.strictObject({
  source: linkableSource,
  jurisdiction: z
    .string()
    .regex(/^\d{2,12}$/, '区划代码应为数字')
    .optional(),
  year: z
    .string()
    .regex(/^\d{4}$/, '年份应为 4 位数字')
    .optional(),
});

export const completenessSchema = z.object({
  source: z.string(),
  jurisdiction: z.string(),
  year: z.string().nullable(),
  years: z.array(z.string()),
  lastLinkedAt: z.string().nullable(),
  months: z.array(townshipCounts.extend({ month: z.string() })),
  townships: z.array(townshipCounts),
  total: countsSchema,
});

export const importResultSchema = z.object({
  importId: z.string(),
  source: z.string(),
  status: z.enum(['done', 'rejected']),
  rows: z.number(),
  added: z.number(),
  unchanged: z.number(),
  problems: z.array(z.object({ row: z.number(), field: z.string(), code: z.string(), message: z.string() })),
});

export const duplicateSideSchema = personBriefSchema.extend({
  deathDate: z.string().nullable(),
  idNumber: z.string(),
});

export const duplicateSchema = z.object({
  id: z.string(),
  probability: z.number(),
  matchWeight: z.number(),
  comparisons: z.array(z.object({ name: z.string(), level: z.string(), weight: z.number() })),
  a: duplicateSideSchema,
  b: duplicateSideSchema,
});

export const duplicateResolveBody = z.strictObject({
  action: z.enum(DUPLICATE_ACTIONS),
  /** merge: the person key of the record that stays. */
  keep: z.string().min(1).optional(),
  reason: z.string().trim().min(2, '请填写处理原因（至少 2 个字）').max(500),
});
