// HTTP API of the register: person search and pages, the audited reveal, households, form events.
import { EVENT_COLUMNS, type EventRow } from '@renkou/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, pagingQuery } from '../../http/schemas';
import { requireActor } from '../auth';
import type { PersonService } from './person.service';
import type { RegisterService } from './register.service';

const summarySchema = z.object({
  personKey: z.string(),
  name: z.string(),
  sex: z.number(),
  birthDate: z.string(),
  idNumberMasked: z.string().nullable(),
  residenceCode: z.string(),
  residenceName: z.string().nullable(),
  hukouCode: z.string(),
  status: z.string(),
  householdId: z.string().nullable(),
});

const personSchema = summarySchema.extend({
  hukouName: z.string().nullable(),
  ethnicity: z.string().nullable(),
  relation: z.string().nullable(),
  maritalStatus: z.string().nullable(),
  childrenEverBorn: z.number(),
  birthOrder: z.number().nullable(),
  hukouType: z.string().nullable(),
  adopted: z.boolean(),
  deathDate: z.string().nullable(),
  duplicateOf: z.string().nullable(),
  hasDisabilityGrade: z.boolean(),
  hasOnlyChildCertificate: z.boolean(),
  attributes: z.record(z.string(), z.string()),
});

const detailSchema = z.object({
  person: personSchema,
  relatives: z.array(
    z.object({
      personKey: z.string(),
      name: z.string(),
      sex: z.number(),
      birthDate: z.string(),
      kinship: z.enum(['mother', 'father', 'spouse', 'child', 'household']),
      status: z.string(),
    }),
  ),
  timeline: z.array(
    z.object({
      eventId: z.string(),
      type: z.string(),
      date: z.string(),
      recordedDate: z.string(),
      role: z.enum(['subject', 'mother', 'father', 'spouse']),
      summary: z.string(),
      voided: z.boolean(),
    }),
  ),
  places: z.array(
    z.object({
      kind: z.enum(['residence', 'hukou']),
      validFrom: z.string(),
      validTo: z.string().nullable(),
      code: z.string(),
      name: z.string().nullable(),
    }),
  ),
});

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const keyParams = z.strictObject({ key: z.string().min(1).max(64) });
const eventBody = z.strictObject(
  Object.fromEntries(EVENT_COLUMNS.map((c) => [c, z.string().max(200).optional()])) as Record<
    (typeof EVENT_COLUMNS)[number],
    z.ZodOptional<z.ZodString>
  >,
);

export const registerRoutes: FastifyPluginAsyncZod<{
  persons: PersonService;
  register: RegisterService;
}> = async (server, { persons, register }) => {
  server.get(
    '/api/persons',
    {
      schema: {
        tags: ['register'],
        summary: '人员查询：身份证号、姓名、拼音或首字母、出生日期、区划',
        querystring: z.strictObject({
          q: z.string().max(64).optional(),
          jurisdiction: z
            .string()
            .regex(/^\d{2,12}$/)
            .optional(),
          birthDate: date.optional(),
          sex: z.coerce.number().int().min(1).max(2).optional(),
          status: z.enum(['resident', 'left', 'dead', 'merged']).optional(),
          ...pagingQuery,
        }),
        response: {
          200: z.object({
            items: z.array(summarySchema),
            total: z.number(),
            /** More matches than the count limit: `total` is that limit (shown as "2000+"). */
            totalCapped: z.boolean(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => persons.search(requireActor(request), request.query),
  );

  server.get(
    '/api/persons/:key',
    {
      schema: {
        tags: ['register'],
        summary: '人员详情：家庭、事件时间线、居住与户籍历史（身份证号脱敏）',
        params: keyParams,
        response: { 200: detailSchema, ...errorResponses },
      },
    },
    async (request) => persons.get(requireActor(request), request.params.key),
  );

  server.post(
    '/api/persons/:key/reveal-id',
    {
      schema: {
        tags: ['register'],
        summary: '查看完整身份证号（须有权限、说明目的、5 分钟内重新验证密码；记入审计）',
        params: keyParams,
        body: z.strictObject({ purpose: z.string().max(200) }),
        response: { 200: z.object({ idNumber: z.string().nullable() }), ...errorResponses },
      },
    },
    async (request) =>
      persons.revealIdNumber(requireActor(request), request.params.key, request.body.purpose),
  );

  server.get(
    '/api/households/:id',
    {
      schema: {
        tags: ['register'],
        summary: '户成员',
        params: z.strictObject({ id: z.string().min(1).max(64) }),
        response: { 200: z.object({ members: z.array(summarySchema) }), ...errorResponses },
      },
    },
    async (request) => ({ members: await persons.household(requireActor(request), request.params.id) }),
  );

  server.post(
    '/api/register/events',
    {
      schema: {
        tags: ['register'],
        summary:
          '登记一个事件（出生、死亡、迁移、户籍、婚姻、更正、作废）；字段同 events.csv，event_id 使重试安全',
        body: eventBody,
        response: {
          200: z.object({
            personKey: z.string(),
            eventId: z.string(),
            status: z.enum(['accepted', 'unchanged']),
            warnings: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { outcome, personKey, eventId } = await persons.recordEvent(
        requireActor(request),
        request.body as EventRow,
      );
      return {
        personKey,
        eventId,
        status: outcome.status === 'accepted' ? ('accepted' as const) : ('unchanged' as const),
        warnings: outcome.status === 'accepted' ? outcome.warnings : [],
      };
    },
  );

  server.get(
    '/api/register/dataset',
    {
      schema: {
        tags: ['register'],
        summary: '登记库的覆盖范围与起止日期',
        response: {
          200: z.object({
            dataset: z.object({ coverage: z.string(), start: z.string(), end: z.string() }).nullable(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      requireActor(request);
      return { dataset: (await register.dataset()) ?? null };
    },
  );
};
