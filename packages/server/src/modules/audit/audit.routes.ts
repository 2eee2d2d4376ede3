import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../auth';
import { errorResponses, pagingQuery } from '../../http/schemas';
import type { AuditService } from './audit.service';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const entrySchema = z.object({
  id: z.string(),
  seq: z.number(),
  at: z.string(),
  username: z.string().nullable(),
  role: z.string().nullable(),
  scope: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetIds: z.array(z.string()),
  jurisdiction: z.string().nullable(),
  outcome: z.string(),
  purpose: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  sealed: z.boolean(),
});

export const auditRoutes: FastifyPluginAsyncZod<{ audit: AuditService }> = async (server, { audit }) => {
  server.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志',
        querystring: z.strictObject({
          from: date.optional(),
          to: date.optional(),
          username: z.string().max(64).optional(),
          action: z.string().max(64).optional(),
          outcome: z.enum(['success', 'denied', 'failed']).optional(),
          ...pagingQuery,
        }),
        response: { 200: z.object({ items: z.array(entrySchema), total: z.number() }), ...errorResponses },
      },
    },
    async (request) => audit.list(requireActor(request), request.query),
  );

  server.post(
    '/api/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: '校验审计日志链',
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number(),
            pending: z.number(),
            problems: z.array(z.string()),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => audit.verifyAs(requireActor(request)),
  );
};
