// HTTP API of the benefits worklists under /api/benefits: life events that end enrolments (a child
// turning 3, a hukou move out of the county, a death) and the 年审 (annual re-qualification), each
// listed for review and confirmed one enrolment at a time; moves within the county, which enrolments
// follow.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../http/schemas';
import { requireActor } from '../auth';
import type { BenefitsServices } from './benefits.service';
import { dateSchema, idParams, jurisdictionSchema, monthAmountsSchema } from './benefits.schemas';

const tags = ['benefits'];

const endOutcomeSchema = z.object({
  enrolmentId: z.string(),
  applicationId: z.string(),
  programmeCode: z.string(),
  personKey: z.string(),
  cause: z.string(),
  endsBefore: z.string(),
  overpayment: z.object({ months: monthAmountsSchema, totalFen: z.number() }).nullable(),
  pendingLines: z.array(
    z.object({ lineId: z.string(), batchId: z.string(), periodKey: z.string(), amountFen: z.number() }),
  ),
});

/** A live enrolment as a worklist shows it (EnrolmentListItem in core). */
const enrolmentItemSchema = z.object({
  enrolmentId: z.string(),
  applicationId: z.string(),
  programmeCode: z.string(),
  programmeName: z.string(),
  personKey: z.string(),
  name: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  hukouCode: z.string(),
  enrolmentStatus: z.string(),
  fromMonth: z.string(),
});

const moveItemSchema = enrolmentItemSchema.extend({
  kind: z.enum(['hukou', 'residence']),
  fromCode: z.string(),
  toCode: z.string(),
  eventDate: z.string().nullable(),
  reason: z.string(),
});

const lifeEventListSchema = z.object({
  date: z.string(),
  jurisdiction: z.string(),
  counts: z.object({ age_limit: z.number(), hukou_move: z.number(), death: z.number() }),
  items: z.array(
    enrolmentItemSchema.extend({
      currentHukouCode: z.string().nullable(),
      cause: z.enum(['age_limit', 'hukou_move', 'death']),
      causeLabel: z.string(),
      eventDate: z.string(),
      endsBefore: z.string(),
      reason: z.string(),
    }),
  ),
  /** Moves within the county that enrolments follow: for information, nothing ends. */
  moves: z.array(moveItemSchema),
});

const outcomeSchema = z.enum(['eligible', 'ineligible', 'needs_review']);

const annualReviewSchema = z.object({
  date: z.string(),
  jurisdiction: z.string(),
  programmeCode: z.string().nullable(),
  counts: z.object({ eligible: z.number(), ineligible: z.number(), needs_review: z.number() }),
  total: z.number(),
  items: z.array(
    enrolmentItemSchema.extend({
      categoryCode: z.string(),
      newCategoryCode: z.string().nullable(),
      outcome: outcomeSchema,
      failed: z.array(z.string()),
      endsBefore: z.string().nullable(),
      reason: z.string().nullable(),
      explanationText: z.string(),
    }),
  ),
});

export const benefitsReviewRoutes: FastifyPluginAsyncZod<{ benefits: BenefitsServices }> = async (
  server,
  { benefits },
) => {
  server.get(
    '/api/benefits/life-events/worklist',
    {
      schema: {
        tags,
        summary: '生命事件待办：满3周岁、户籍迁出本县、死亡，待乡镇确认终止',
        querystring: z.strictObject({
          jurisdiction: jurisdictionSchema.optional(),
          date: dateSchema.optional(),
        }),
        response: { 200: lifeEventListSchema, ...errorResponses },
      },
    },
    async (request) =>
      benefits.lifeEventWorklist.list(requireActor(request), {
        ...(request.query.jurisdiction ? { jurisdiction: request.query.jurisdiction } : {}),
        ...(request.query.date ? { date: request.query.date } : {}),
      }),
  );

  server.post(
    '/api/benefits/life-events/worklist/:id/confirm',
    {
      schema: {
        tags,
        summary: '确认终止（按登记库当前信息重新核对；计算多发金额）',
        params: idParams,
        response: { 200: endOutcomeSchema, ...errorResponses },
      },
    },
    async (request) => benefits.lifeEventWorklist.confirm(requireActor(request), request.params.id),
  );

  server.post(
    '/api/benefits/life-events/moves/follow',
    {
      schema: {
        tags,
        summary: '县内迁移：纳入随迁至新的村（乡镇），由新乡镇审核发放（生成发放批次时也会自动随迁）',
        body: z.strictObject({ jurisdiction: jurisdictionSchema.optional() }).optional(),
        response: { 200: z.object({ followed: z.array(moveItemSchema) }), ...errorResponses },
      },
    },
    async (request) =>
      benefits.lifeEventWorklist.followMoves(
        requireActor(request),
        request.body?.jurisdiction ? { jurisdiction: request.body.jurisdiction } : {},
      ),
  );

  server.get(
    '/api/benefits/annual-review',
    {
      schema: {
        tags,
        summary: '年审：按项目条件重新核对在册人员，列出仍符合、不再符合（附原因）、须核查',
        querystring: z.strictObject({
          jurisdiction: jurisdictionSchema.optional(),
          programme: z.string().max(40).optional(),
          date: dateSchema.optional(),
          outcome: outcomeSchema.optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: annualReviewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { jurisdiction, programme, date, outcome, page, pageSize } = request.query;
      return benefits.annualReview.run(requireActor(request), {
        page,
        pageSize,
        ...(jurisdiction ? { jurisdiction } : {}),
        ...(programme ? { programmeCode: programme } : {}),
        ...(date ? { date } : {}),
        ...(outcome ? { outcome } : {}),
      });
    },
  );

  server.post(
    '/api/benefits/annual-review/:id/confirm',
    {
      schema: {
        tags,
        summary: '年审确认终止（服务器重新核对；不再符合才终止，原因写入审核轨迹）',
        params: idParams,
        body: z.strictObject({ date: dateSchema.optional() }).optional(),
        response: { 200: endOutcomeSchema, ...errorResponses },
      },
    },
    async (request) =>
      benefits.annualReview.confirm(requireActor(request), request.params.id, request.body?.date),
  );
};
