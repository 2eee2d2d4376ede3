// HTTP API of benefits under /api/benefits: programmes and amounts, screening, applications and
// review (single and bulk), 公示 lists, payment batches with bank files, deaths and overpayments.
// Every handler goes through a service that checks permission and jurisdiction scope.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../http/schemas';
import { requireActor } from '../auth';
import { benefitsBudgetsRoutes } from './benefits-budgets.routes';
import { benefitsReportsRoutes } from './benefits-reports.routes';
import { benefitsReviewRoutes } from './benefits-review.routes';
import type { BenefitsServices } from './benefits.service';
import {
  actionBody,
  applicationListQuery,
  applicationListSchema,
  applicationSchema,
  bankResultsBody,
  batchDetailSchema,
  batchSchema,
  buildBatchBody,
  bulkActionBody,
  codeParams,
  dateSchema,
  fenSchema,
  idParams,
  jurisdictionSchema,
  monthAmountsSchema,
  newApplicationBody,
  newScheduleBody,
  noticeListSchema,
  programmeSchema,
  screeningQuery,
  screeningSchema,
} from './benefits.schemas';

const tags = ['benefits'];

export const benefitsRoutes: FastifyPluginAsyncZod<{ benefits: BenefitsServices }> = async (
  server,
  { benefits },
) => {
  server.get(
    '/api/benefits/programmes',
    {
      schema: {
        tags,
        summary: '利益导向项目：条件、金额标准（分）、适用地区、政策文号',
        response: { 200: z.object({ items: z.array(programmeSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await benefits.programmes.list(requireActor(request)) }),
  );

  server.post(
    '/api/benefits/programmes/:code/schedules',
    {
      schema: {
        tags,
        summary: '新增金额标准（自某日起生效；已有标准不可修改）',
        params: codeParams,
        body: newScheduleBody,
        response: { 200: programmeSchema, ...errorResponses },
      },
    },
    async (request) =>
      benefits.programmes.addSchedule(
        requireActor(request),
        request.params.code,
        request.body.categoryCode,
        request.body.schedule,
      ),
  );

  server.get(
    '/api/benefits/programmes/:code/screening',
    {
      schema: {
        tags,
        summary: '按项目条件筛查登记库（管辖范围内），每个判断附说明',
        params: codeParams,
        querystring: screeningQuery,
        response: { 200: screeningSchema, ...errorResponses },
      },
    },
    async (request) =>
      benefits.screening.screen(requireActor(request), {
        programmeCode: request.params.code,
        page: request.query.page,
        pageSize: request.query.pageSize,
        ...(request.query.jurisdiction ? { jurisdiction: request.query.jurisdiction } : {}),
        ...(request.query.date ? { date: request.query.date } : {}),
        ...(request.query.outcome ? { outcome: request.query.outcome } : {}),
      }),
  );

  server.post(
    '/api/benefits/applications',
    {
      schema: {
        tags,
        summary: '录入申请（家庭申请或工作人员代录）',
        body: newApplicationBody,
        response: { 200: applicationSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { declared, bankAccount, accountName, ...rest } = request.body;
      const { qualifyingHistory1973To2001: history, childDisabilityGrade: grade } = declared ?? {};
      const facts = {
        ...(history !== undefined ? { qualifyingHistory1973To2001: history } : {}),
        ...(grade !== undefined ? { childDisabilityGrade: grade } : {}),
      };
      return benefits.applications.create(requireActor(request), {
        ...rest,
        ...(Object.keys(facts).length > 0 ? { declared: facts } : {}),
        ...(bankAccount ? { bankAccount } : {}),
        ...(accountName ? { accountName } : {}),
      });
    },
  );

  server.get(
    '/api/benefits/applications',
    {
      schema: {
        tags,
        summary: '申请列表（管辖范围内，可按区划、状态、项目筛选）',
        querystring: applicationListQuery,
        response: { 200: applicationListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { jurisdiction, status, programme, page, pageSize } = request.query;
      return benefits.applications.list(requireActor(request), {
        page,
        pageSize,
        ...(jurisdiction ? { jurisdiction } : {}),
        ...(status ? { status } : {}),
        ...(programme ? { programmeCode: programme } : {}),
      });
    },
  );

  server.get(
    '/api/benefits/applications/:id',
    {
      schema: {
        tags,
        summary: '申请详情与审核轨迹',
        params: idParams,
        response: { 200: applicationSchema, ...errorResponses },
      },
    },
    async (request) => benefits.applications.get(requireActor(request), request.params.id),
  );

  server.post(
    '/api/benefits/applications/:id/actions',
    {
      schema: {
        tags,
        summary:
          '审核操作：村审核并公示、异议、结束公示、乡镇审核、县审批、退回、驳回、撤回、暂停、恢复、终止',
        params: idParams,
        body: actionBody,
        response: { 200: applicationSchema, ...errorResponses },
      },
    },
    async (request) =>
      benefits.applications.act(
        requireActor(request),
        request.params.id,
        request.body as Parameters<BenefitsServices['applications']['act']>[2],
      ),
  );

  server.post(
    '/api/benefits/applications/bulk-actions',
    {
      schema: {
        tags,
        summary: '批量审核：逐件执行，逐件报告结果',
        body: bulkActionBody,
        response: {
          200: z.object({
            changed: z.number(),
            refused: z.number(),
            results: z.array(
              z.object({
                id: z.string(),
                ok: z.boolean(),
                status: z.string().optional(),
                code: z.string().optional(),
                message: z.string().optional(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      benefits.applications.actMany(
        requireActor(request),
        request.body.ids,
        request.body.command as Parameters<BenefitsServices['applications']['act']>[2],
      ),
  );

  server.get(
    '/api/benefits/notices',
    {
      schema: {
        tags,
        summary: '公示名单（村）：仅姓名、村组、项目、金额，身份证号脱敏；期满撤下',
        querystring: z.strictObject({ village: jurisdictionSchema, date: dateSchema.optional() }),
        response: { 200: noticeListSchema, ...errorResponses },
      },
    },
    async (request) =>
      benefits.applications.notices(requireActor(request), request.query.village, request.query.date),
  );

  server.post(
    '/api/benefits/batches',
    {
      schema: {
        tags,
        summary: '生成发放批次（期间、区划、预算内；超预算拒绝）',
        body: buildBatchBody,
        response: {
          200: batchSchema.extend({
            held: z.array(z.object({ personKey: z.string(), reason: z.string() })),
            alreadyInBatches: z.number(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { jurisdiction, ...rest } = request.body;
      return benefits.payments.build(requireActor(request), {
        ...rest,
        ...(jurisdiction ? { jurisdiction } : {}),
      });
    },
  );

  server.get(
    '/api/benefits/batches',
    {
      schema: {
        tags,
        summary: '发放批次列表',
        querystring: z.strictObject({
          jurisdiction: jurisdictionSchema.optional(),
          programme: z.string().max(40).optional(),
        }),
        response: { 200: z.object({ items: z.array(batchSchema) }), ...errorResponses },
      },
    },
    async (request) =>
      benefits.payments.list(requireActor(request), {
        ...(request.query.jurisdiction ? { jurisdiction: request.query.jurisdiction } : {}),
        ...(request.query.programme ? { programmeCode: request.query.programme } : {}),
      }),
  );

  server.get(
    '/api/benefits/batches/:id',
    {
      schema: {
        tags,
        summary: '批次详情与明细（账号脱敏）',
        params: idParams,
        response: { 200: batchDetailSchema, ...errorResponses },
      },
    },
    async (request) => benefits.payments.get(requireActor(request), request.params.id),
  );

  server.post(
    '/api/benefits/batches/:id/approve',
    {
      schema: {
        tags,
        summary: '审批批次资金（生成人不能审批；超预算拒绝）',
        params: idParams,
        response: { 200: batchSchema, ...errorResponses },
      },
    },
    async (request) => benefits.payments.approve(requireActor(request), request.params.id),
  );

  server.post(
    '/api/benefits/batches/:id/bank-file',
    {
      schema: {
        tags,
        summary: '导出银行代发文件（csv 或 xlsx；xlsx 以 base64 传送；审批人不能办理发放）',
        params: idParams,
        body: z.strictObject({ format: z.enum(['csv', 'xlsx']).optional() }).optional(),
        response: {
          200: z.object({
            batchId: z.string(),
            fileName: z.string(),
            format: z.string(),
            mediaType: z.string(),
            encoding: z.enum(['utf8', 'base64']),
            content: z.string(),
            lineCount: z.number(),
            totalFen: fenSchema,
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      benefits.payments.exportBankFile(requireActor(request), request.params.id, request.body?.format),
  );

  server.post(
    '/api/benefits/batches/:id/bank-results',
    {
      schema: {
        tags,
        summary: '导入银行结果文件：成功行锁定，失败行转入补发批次；有误的文件整体拒绝并报告',
        params: idParams,
        body: bankResultsBody,
        response: {
          200: z.object({
            paid: z.number(),
            failed: z.number(),
            paidFen: z.number(),
            failedFen: z.number(),
            followUpBatchId: z.string().nullable(),
            batch: batchSchema,
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { format, ...rest } = request.body;
      return benefits.bankResults.importBankResults(requireActor(request), request.params.id, {
        ...rest,
        ...(format ? { format } : {}),
      });
    },
  );

  server.post(
    '/api/benefits/life-events/death',
    {
      schema: {
        tags,
        summary: '按登记库的死亡记录停发：次月起暂停，计算多发金额',
        body: z.strictObject({ personKey: z.string().min(1).max(64) }),
        response: {
          200: z.object({
            personKey: z.string(),
            deathDate: z.string(),
            stopFrom: z.string(),
            suspended: z.array(
              z.object({ enrolmentId: z.string(), programmeCode: z.string(), applicationId: z.string() }),
            ),
            overpayments: z.array(
              z.object({
                enrolmentId: z.string(),
                programmeCode: z.string(),
                months: monthAmountsSchema,
                totalFen: z.number(),
              }),
            ),
            pendingLines: z.array(
              z.object({
                lineId: z.string(),
                batchId: z.string(),
                periodKey: z.string(),
                amountFen: z.number(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => benefits.lifeEvents.applyRecordedDeath(requireActor(request), request.body.personKey),
  );

  server.get(
    '/api/benefits/overpayments',
    {
      schema: {
        tags,
        summary: '待追回的多发金额',
        querystring: z.strictObject({ jurisdiction: jurisdictionSchema.optional() }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                personKey: z.string(),
                name: z.string().nullable(),
                programmeCode: z.string(),
                hukouCode: z.string(),
                cause: z.string(),
                eventDate: z.string(),
                months: monthAmountsSchema,
                totalFen: z.number(),
                status: z.string(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => benefits.lifeEvents.overpayments(requireActor(request), request.query.jurisdiction),
  );

  await server.register(benefitsReviewRoutes, { benefits });
  await server.register(benefitsBudgetsRoutes, { benefits });
  await server.register(benefitsReportsRoutes, { benefits });
};
