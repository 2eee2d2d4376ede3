// HTTP API of yearly budgets under /api/benefits/budgets: set by finance per programme, year and
// jurisdiction, listed with what approved batches commit of them and what remains (all in fen).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../http/schemas';
import { requireActor } from '../auth';
import type { BenefitsServices } from './benefits.service';
import { fenSchema, jurisdictionSchema } from './benefits.schemas';

const tags = ['benefits'];
const yearSchema = z.coerce.number().int().min(2000).max(2100);

const budgetSchema = z.object({
  programmeCode: z.string(),
  year: z.number(),
  scopeCode: z.string(),
  amountFen: z.number(),
  committedFen: z.number(),
  remainingFen: z.number(),
  document: z.string().nullable(),
  setBy: z.string(),
  setAt: z.string(),
});

export const benefitsBudgetsRoutes: FastifyPluginAsyncZod<{ benefits: BenefitsServices }> = async (
  server,
  { benefits },
) => {
  server.get(
    '/api/benefits/budgets',
    {
      schema: {
        tags,
        summary: '年度预算（分）：已审批批次占用与余额',
        querystring: z.strictObject({
          jurisdiction: jurisdictionSchema.optional(),
          year: yearSchema.optional(),
          programme: z.string().max(40).optional(),
        }),
        response: { 200: z.object({ items: z.array(budgetSchema) }), ...errorResponses },
      },
    },
    async (request) =>
      benefits.budgets.list(requireActor(request), {
        ...(request.query.jurisdiction ? { jurisdiction: request.query.jurisdiction } : {}),
        ...(request.query.year !== undefined ? { year: request.query.year } : {}),
        ...(request.query.programme ? { programmeCode: request.query.programme } : {}),
      }),
  );

  server.post(
    '/api/benefits/budgets',
    {
      schema: {
        tags,
        summary: '设定或调整年度预算（不得低于已审批批次占用）',
        body: z.strictObject({
          programmeCode: z.string().min(1).max(40),
          year: z.number().int().min(2000).max(2100),
          jurisdiction: jurisdictionSchema,
          amountFen: fenSchema,
          document: z.string().trim().min(1).max(200).optional(),
        }),
        response: { 200: budgetSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { document, ...rest } = request.body;
      return benefits.budgets.set(requireActor(request), { ...rest, ...(document ? { document } : {}) });
    },
  );
};
