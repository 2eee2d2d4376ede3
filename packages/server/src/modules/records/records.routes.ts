// HTTP API of reconciliation under /api/records: department files uploaded, link runs with progress,
// the worklists of the user's scope, one pair for review, resolutions, and completeness (统计求实率).
// Every handler goes through a service that checks permission and jurisdiction scope.
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, ErrorCode } from '@renkou/core';
import { errorResponses } from '../../http/schemas';
import { requireActor } from '../auth';
import {
  completenessQuery,
  completenessSchema,
  duplicateResolveBody,
  duplicateSchema,
  entrySchema,
  idParams,
  importResultSchema,
  itemSchema,
  linkableSource,
  linkRunSchema,
  pairSchema,
  resolveBody,
  resolveSchema,
  sourceSchema,
  worklistQuery,
} from './records.schemas';
import type { RecordsService } from './records.service';

const tags = ['records'];
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export const recordsRoutes: FastifyPluginAsyncZod<{ records: RecordsService }> = async (
  server,
  { records },
) => {
  await server.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 3 } });

  server.get(
    '/api/records/sources',
    {
      schema: {
        tags,
        summary: '部门数据来源：已导入的记录数和最近一次比对',
        response: { 200: z.object({ items: z.array(sourceSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await records.sources(requireActor(request)) }),
  );

  server.post(
    '/api/records/imports',
    {
      schema: {
        tags,
        summary: '上传部门数据文件（CSV 或 XLSX，≤ 20 MB；字段 source 在文件之前）：有一行有误则整份不导入',
        consumes: ['multipart/form-data'],
        response: { 200: importResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const file = await request.file();
      if (!file) throw new DomainError(ErrorCode.ValidationFailed, '没有收到文件');
      const source = (file.fields.source as { value?: unknown } | undefined)?.value;
      if (typeof source !== 'string')
        throw new DomainError(ErrorCode.ValidationFailed, '请选择数据来源', [
          { field: 'source', reason: '必填' },
        ]);
      const content = await file.toBuffer().catch(() => {
        throw new DomainError(ErrorCode.ValidationFailed, '文件超过 20 MB');
      });
      return records.importUpload(actor, source, file.filename, content);
    },
  );

  server.post(
    '/api/records/link-runs',
    {
      schema: {
        tags,
        summary:
          '开始比对一个来源与人口登记库，或登记库自身查重（source=register）；后台运行，返回任务编号；县级',
        body: z.strictObject({ source: linkableSource }),
        response: { 200: z.object({ runId: z.string() }), ...errorResponses },
      },
    },
    async (request) => records.runs.start(requireActor(request), request.body.source),
  );

  server.get(
    '/api/records/link-runs/:id',
    {
      schema: {
        tags,
        summary: '比对任务的进度与结果',
        params: idParams,
        response: { 200: linkRunSchema, ...errorResponses },
      },
    },
    async (request) => records.runs.status(requireActor(request), request.params.id),
  );

  server.get(
    '/api/records/worklists',
    {
      schema: {
        tags,
        summary:
          '各核对清单的待办数（本人管辖范围）：漏报出生（医院与户籍记录同一婴儿只计一次）、信息不一致、已故仍在册、户籍变动未对上、待人工核对',
        response: { 200: z.record(itemSchema, z.number()), ...errorResponses },
      },
    },
    async (request) => records.worklists.summary(requireActor(request)),
  );

  server.get(
    '/api/records/worklists/:item',
    {
      schema: {
        tags,
        summary:
          '核对清单：漏报出生（户籍也有此出生的随医院记录显示）、信息不一致、已故仍在册（享受待遇者优先）、户籍变动未对上（迁入、迁出、死亡的户籍记录在登记库中找不到人）、待人工核对',
        params: z.strictObject({ item: itemSchema }),
        querystring: worklistQuery,
        response: {
          200: z.object({ items: z.array(entrySchema), total: z.number() }),
          ...errorResponses,
        },
      },
    },
    async (request) => records.worklists.list(requireActor(request), request.params.item, request.query),
  );

  server.get(
    '/api/records/decisions/:id',
    {
      schema: {
        tags,
        summary: '一对记录：两边的字段和每项比较的权重',
        params: idParams,
        response: { 200: pairSchema, ...errorResponses },
      },
    },
    async (request) => records.worklists.pair(requireActor(request), request.params.id),
  );

  server.post(
    '/api/records/decisions/:id/resolve',
    {
      schema: {
        tags,
        summary:
          '处理核对事项（须写明原因；同一婴儿的户籍出生记录一并处理）；登记出生、死亡、迁入或更正时返回预填的表单内容',
        params: idParams,
        body: resolveBody,
        response: { 200: resolveSchema, ...errorResponses },
      },
    },
    async (request) => records.worklists.resolve(requireActor(request), request.params.id, request.body),
  );

  server.get(
    '/api/records/duplicates',
    {
      schema: {
        tags,
        summary: '重复登记：可能是同一人的两条记录（本人管辖范围，可能性高的在前）',
        querystring: worklistQuery,
        response: {
          200: z.object({ items: z.array(duplicateSchema), total: z.number() }),
          ...errorResponses,
        },
      },
    },
    async (request) => records.duplicates.list(requireActor(request), request.query),
  );

  server.post(
    '/api/records/duplicates/:id/resolve',
    {
      schema: {
        tags,
        summary: '处理重复登记：合并（另一条记录以更正标为重复，两边的历史都保留）或确认为两个人；须写明原因',
        params: idParams,
        body: duplicateResolveBody,
        response: { 200: z.object({ id: z.string(), merged: z.string().nullable() }), ...errorResponses },
      },
    },
    async (request) => records.duplicates.resolve(requireActor(request), request.params.id, request.body),
  );

  server.get(
    '/api/records/completeness',
    {
      schema: {
        tags,
        summary: '统计求实率：部门记录中登记库也有的比例，按乡镇和月份',
        querystring: completenessQuery,
        response: { 200: completenessSchema, ...errorResponses },
      },
    },
    async (request) => records.completeness.report(requireActor(request), request.query),
  );
};
