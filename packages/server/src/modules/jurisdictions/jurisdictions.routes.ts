import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../auth';
import { errorResponses } from '../../http/schemas';
import type { JurisdictionService } from './jurisdictions.service';

const jurisdictionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.number(),
  parentCode: z.string().nullable(),
  hasChildren: z.boolean(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  successorCode: z.string().nullable(),
  path: z.array(z.object({ code: z.string(), name: z.string() })).optional(),
});
const listSchema = z.object({ items: z.array(jurisdictionSchema) });
const codeParams = z.object({ code: z.string().max(12) });

export const jurisdictionsRoutes: FastifyPluginAsyncZod<{ jurisdictions: JurisdictionService }> = async (
  server,
  { jurisdictions },
) => {
  server.get(
    '/api/jurisdictions/root',
    {
      schema: {
        tags: ['jurisdictions'],
        summary: '本人管辖范围的顶层区划',
        response: { 200: jurisdictionSchema, ...errorResponses },
      },
    },
    async (request) => jurisdictions.root(requireActor(request)),
  );

  server.get(
    '/api/jurisdictions',
    {
      schema: {
        tags: ['jurisdictions'],
        summary: '按名称或代码查找区划（管辖范围内）',
        querystring: z.strictObject({
          q: z.string().min(1).max(64),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: listSchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: await jurisdictions.search(requireActor(request), request.query.q, request.query.limit),
    }),
  );

  server.get(
    '/api/jurisdictions/:code',
    {
      schema: {
        tags: ['jurisdictions'],
        summary: '区划详情',
        params: codeParams,
        response: { 200: jurisdictionSchema, ...errorResponses },
      },
    },
    async (request) => jurisdictions.get(requireActor(request), request.params.code),
  );

  server.get(
    '/api/jurisdictions/:code/children',
    {
      schema: {
        tags: ['jurisdictions'],
        summary: '下级区划（按需加载）',
        params: codeParams,
        response: { 200: listSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: await jurisdictions.children(requireActor(request), request.params.code) }),
  );
};
