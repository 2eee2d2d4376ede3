// HTTP API of the benefits overviews under /api/benefits: the programme dashboard (people covered and
// money paid by area and month) and a family's benefits for the register's person page.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../http/schemas';
import { requireActor } from '../auth';
import type { BenefitsServices } from './benefits.service';
import { jurisdictionSchema } from './benefits.schemas';

const tags = ['benefits'];

const dashboardSchema = z.object({
  programmeCode: z.string(),
  year: z.number(),
  jurisdiction: z.string(),
  areaLevel: z.enum(['township', 'village']),
  peopleCovered: z.number(),
  peoplePaid: z.number(),
  paidFen: z.number(),
  areas: z.array(
    z.object({
      code: z.string(),
      name: z.string().nullable(),
      peopleCovered: z.number(),
      peoplePaid: z.number(),
      paidFen: z.number(),
    }),
  ),
  months: z.array(z.object({ month: z.string(), paidFen: z.number() })),
});

const familyBenefitsSchema = z.object({
  personKey: z.string(),
  items: z.array(
    z.object({
      applicationId: z.string(),
      personKey: z.string(),
      name: z.string().nullable(),
      role: z.enum(['self', 'spouse', 'parent', 'child']),
      programmeCode: z.string(),
      programmeName: z.string(),
      status: z.string(),
      statusLabel: z.string(),
      enteredOn: z.string(),
      fromMonth: z.string().nullable(),
      suspendedFrom: z.string().nullable(),
      endsBefore: z.string().nullable(),
      paidFen: z.number(),
    }),
  ),
});

export const benefitsReportsRoutes: FastifyPluginAsyncZod<{ benefits: BenefitsServices }> = async (
  server,
  { benefits },
) => {
  server.get(
    '/api/benefits/dashboard',
    {
      schema: {
        tags,
        summary: '项目概况：覆盖人数、发放人数与金额（分），按乡镇（村）和月份',
        querystring: z.strictObject({
          programme: z.string().min(1).max(40),
          year: z.coerce.number().int().min(2000).max(2100),
          jurisdiction: jurisdictionSchema.optional(),
        }),
        response: { 200: dashboardSchema, ...errorResponses },
      },
    },
    async (request) =>
      benefits.dashboard.dashboard(requireActor(request), {
        programmeCode: request.query.programme,
        year: request.query.year,
        ...(request.query.jurisdiction ? { jurisdiction: request.query.jurisdiction } : {}),
      }),
  );

  server.get(
    '/api/benefits/persons/:key',
    {
      schema: {
        tags,
        summary: '家庭享受的利益导向：本人、配偶、父母、子女的申请与发放',
        params: z.strictObject({ key: z.string().min(1).max(64) }),
        response: { 200: familyBenefitsSchema, ...errorResponses },
      },
    },
    async (request) => benefits.familyBenefits.ofPerson(requireActor(request), request.params.key),
  );
};
