// /api/records/marriages: civil-affairs marriages and divorces the register lacks (婚姻登记未入库) in the
// user's scope, and dismissing one with a reason. Recording the event goes through the register's own
// form (POST /api/register/events), after which the item leaves the list by itself.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../http/schemas';
import { requireActor } from '../auth';
import { duplicateSideSchema, worklistQuery } from './records.schemas';
import type { RecordsService } from './records.service';

const tags = ['records'];

const partySchema = z.object({
  side: z.enum(['1', '2']),
  recordName: z.string(),
  person: duplicateSideSchema.extend({
    maritalStatus: z.string().nullable(),
    spouse: z.object({ personKey: z.string(), name: z.string() }).nullable(),
  }),
});

const marriageSchema = z.object({
  recordId: z.string(),
  event: z.enum(['marriage', 'divorce']),
  date: z.string(),
  parties: z.tuple([partySchema, partySchema]),
  prefill: z.object({
    form: z.enum(['marriage', 'divorce']),
    query: z.object({ person: z.string() }),
    values: z.record(z.string(), z.string()),
  }),
});

export const marriageRoutes: FastifyPluginAsyncZod<{ records: RecordsService }> = async (
  server,
  { records },
) => {
  server.get(
    '/api/records/marriages',
    {
      schema: {
        tags,
        summary: '婚姻登记未入库：民政已登记结婚或离婚、双方都在登记库、登记库却没有这次登记（本人管辖范围）',
        querystring: worklistQuery,
        response: {
          200: z.object({ items: z.array(marriageSchema), total: z.number() }),
          ...errorResponses,
        },
      },
    },
    async (request) => records.marriages.list(requireActor(request), request.query),
  );

  server.post(
    '/api/records/marriages/:recordId/dismiss',
    {
      schema: {
        tags,
        summary: '婚姻登记事项核实后不需登记：移出清单，须写明原因（补登请用登记库的结婚或离婚登记表）',
        params: z.strictObject({ recordId: z.string().min(1).max(100) }),
        body: z.strictObject({ reason: z.string().trim().min(2, '请填写处理原因（至少 2 个字）').max(500) }),
        response: { 200: z.object({ recordId: z.string() }), ...errorResponses },
      },
    },
    async (request) =>
      records.marriages.dismiss(requireActor(request), request.params.recordId, request.body.reason),
  );
};
