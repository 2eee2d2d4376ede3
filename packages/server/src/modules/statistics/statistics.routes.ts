// HTTP API of the statistics: GET /api/stats, the same object as `renkou stats --json`.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../http/schemas';
import { requireActor } from '../auth';
import type { StatisticsService } from './statistics.service';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const rate = z.number().nullable();
const ageMap = z.record(z.string(), rate);
const bySex = (values: z.ZodType) =>
  z.object({ male: z.record(z.string(), values), female: z.record(z.string(), values) });

const indicatorsSchema = z.object({
  population_start: z.number(),
  population_end: z.number(),
  person_years: z.number(),
  person_years_by_age: bySex(z.number()),
  births: z.number(),
  births_male: z.number(),
  births_female: z.number(),
  deaths: z.number(),
  moves_in: z.number(),
  moves_out: z.number(),
  cbr: rate,
  cdr: rate,
  natural_growth_rate: rate,
  srb: rate,
  srb_ci95: z.tuple([z.number(), z.number()]).readonly().nullable(),
  srb_status: z.enum(['high', 'low', 'normal', 'uncertain']).nullable(),
  asfr: ageMap,
  asfr5: ageMap,
  tfr: rate,
  mean_age_childbearing: rate,
  birth_order_share: ageMap,
  age_structure: bySex(z.number()),
  dependency_child: rate,
  dependency_old: rate,
  dependency_total: rate,
  ageing_index: rate,
  share_60_plus: rate,
  share_65_plus: rate,
  migrant_share: rate,
});

export const statsResultSchema = z.object({
  jurisdiction: z.string(),
  from: z.string(),
  to: z.string(),
  basis: z.enum(['residence', 'hukou']),
  indicators: indicatorsSchema,
  children: z
    .array(z.object({ jurisdiction: z.string(), name: z.string(), indicators: indicatorsSchema }))
    .optional(),
});

export const statisticsRoutes: FastifyPluginAsyncZod<{ statistics: StatisticsService }> = async (
  server,
  { statistics },
) => {
  server.get(
    '/api/stats',
    {
      schema: {
        tags: ['statistics'],
        summary: '人口统计指标（口径见 indicators.md），含下一级区划',
        querystring: z.object({
          jurisdiction: z.string().regex(/^\d{2,12}$/, '应为区划代码'),
          from: date,
          to: date,
          basis: z.enum(['residence', 'hukou']).default('residence'),
          children: z.enum(['true', 'false']).default('true'),
        }),
        response: { 200: statsResultSchema, ...errorResponses },
      },
    },
    async (request) =>
      statistics.indicators(requireActor(request), {
        ...request.query,
        children: request.query.children === 'true',
      }),
  );

  const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
  server.get(
    '/api/stats/trend',
    {
      schema: {
        tags: ['statistics'],
        summary: '按月或按年的出生、死亡、迁移、人口和粗率（来自统计汇总表）',
        querystring: z.object({
          jurisdiction: z.string().regex(/^\d{2,12}$/, '应为区划代码'),
          from: month,
          to: month,
          granularity: z.enum(['month', 'year']).default('month'),
          basis: z.enum(['residence', 'hukou']).default('residence'),
        }),
        response: {
          200: z.object({
            jurisdiction: z.string(),
            basis: z.enum(['residence', 'hukou']),
            granularity: z.enum(['month', 'year']),
            points: z.array(
              z.object({
                period: z.string(),
                from: z.string(),
                to: z.string(),
                population_start: z.number(),
                population_end: z.number(),
                person_years: z.number(),
                births: z.number(),
                births_male: z.number(),
                births_female: z.number(),
                deaths: z.number(),
                moves_in: z.number(),
                moves_out: z.number(),
                cbr: rate,
                cdr: rate,
                natural_growth_rate: rate,
                srb: rate,
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => statistics.trend(requireActor(request), request.query),
  );

  const yearSchema = z.object({
    year: z.number(),
    female: z.array(z.number()),
    male: z.array(z.number()),
    total: z.number(),
    birthsPerYear: z.number().nullable(),
    age3to5: z.number(),
    age6to11: z.number(),
    age12to14: z.number(),
    age65plus: z.number(),
    age80plus: z.number(),
  });
  server.get(
    '/api/stats/projection',
    {
      schema: {
        tags: ['statistics'],
        summary: '人口预测（队列要素法）：低、中、高生育方案',
        querystring: z.object({
          jurisdiction: z.string().regex(/^\d{2,12}$/, '应为区划代码'),
          base: date,
          years: z.coerce.number().int().min(5).max(50).default(20),
          tfr: z.coerce.number().min(0).max(8).optional(),
          migration: z.enum(['true', 'false']).default('true'),
        }),
        response: {
          200: z.object({
            jurisdiction: z.string(),
            base: z.string(),
            window: z.object({ from: z.string(), to: z.string() }),
            observed: z.object({
              tfr: z.number(),
              srb: z.number(),
              e0Male: z.number(),
              e0Female: z.number(),
            }),
            groups: z.array(z.string()).readonly(),
            scenarios: z.array(
              z.object({
                name: z.enum(['low', 'medium', 'high']),
                tfr: z.number(),
                years: z.array(yearSchema),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { tfr, migration, ...rest } = request.query;
      return statistics.projection(requireActor(request), {
        ...rest,
        ...(tfr !== undefined ? { tfr } : {}),
        migration: migration === 'true',
      });
    },
  );
};
