// HTTP API of imports from the web app: templates, upload with preview, start, progress, problems, report.
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createReadStream } from 'node:fs';
import { z } from 'zod';
import { DomainError, ErrorCode } from '@renkou/core';
import { errorResponses, pagingQuery } from '../../http/schemas';
import { requireActor } from '../auth';
import { MAX_UPLOAD_BYTES, type ImportJobs } from './import-jobs';
import { templateWorkbook } from './import/templates';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const registerImportRoutes: FastifyPluginAsyncZod<{ jobs: ImportJobs }> = async (server, { jobs }) => {
  await server.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } });

  server.get(
    '/api/register/templates/:name',
    {
      schema: {
        tags: ['register'],
        summary: '下载导入模板（persons.xlsx 或 events.xlsx）',
        params: z.strictObject({ name: z.enum(['persons.xlsx', 'events.xlsx']) }),
      },
    },
    async (request, reply) => {
      requireActor(request);
      const kind = request.params.name === 'persons.xlsx' ? 'persons' : 'events';
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${request.params.name}"`)
        .send(await templateWorkbook(kind));
    },
  );

  server.post(
    '/api/register/imports/preview',
    {
      schema: {
        tags: ['register'],
        summary: '上传表格（CSV 或 XLSX，≤ 20 MB）并预览：表头、前几行、建议的列对应',
        consumes: ['multipart/form-data'],
        response: {
          200: z.object({
            uploadId: z.string(),
            fileName: z.string(),
            kind: z.enum(['persons', 'events']),
            header: z.array(z.string()),
            sample: z.array(z.array(z.string())),
            suggestedMapping: z.record(z.string(), z.string()),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const file = await request.file();
      if (!file) throw new DomainError(ErrorCode.ValidationFailed, '没有收到文件');
      const content = await file.toBuffer().catch(() => {
        throw new DomainError(ErrorCode.ValidationFailed, '文件超过 20 MB');
      });
      return jobs.preview(actor, file.filename, content);
    },
  );

  server.post(
    '/api/register/imports',
    {
      schema: {
        tags: ['register'],
        summary: '开始导入已上传的表格（后台运行，返回导入编号）',
        body: z.strictObject({
          uploads: z
            .array(
              z.strictObject({
                uploadId: z.string().uuid(),
                kind: z.enum(['persons', 'events']),
                mapping: z.record(z.string().max(100), z.string().max(40)),
              }),
            )
            .min(1)
            .max(2),
          dataset: z
            .strictObject({ coverage: z.string().regex(/^\d{2,12}$/), start: date, end: date })
            .optional(),
        }),
        response: { 200: z.object({ importId: z.string() }), ...errorResponses },
      },
    },
    async (request) => jobs.start(requireActor(request), request.body),
  );

  server.get(
    '/api/register/imports/:id',
    {
      schema: {
        tags: ['register'],
        summary: '导入进度与结果',
        params: z.strictObject({ id: z.string().uuid() }),
        response: {
          200: z.object({
            id: z.string(),
            status: z.enum(['running', 'done', 'failed']),
            progress: z.object({ file: z.string(), rows: z.number() }).nullable(),
            counts: z.record(z.string(), z.number()).nullable(),
            failure: z.string().nullable(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => jobs.status(requireActor(request), request.params.id),
  );

  server.get(
    '/api/register/imports/:id/problems',
    {
      schema: {
        tags: ['register'],
        summary: '导入中被拒绝的行和警告（行号、字段、原因）',
        params: z.strictObject({ id: z.string().uuid() }),
        querystring: z.strictObject({ severity: z.enum(['error', 'warning']).optional(), ...pagingQuery }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                file: z.string(),
                row: z.number(),
                severity: z.string(),
                field: z.string(),
                code: z.string(),
                message: z.string(),
              }),
            ),
            total: z.number(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => jobs.problems(requireActor(request), request.params.id, request.query),
  );

  server.get(
    '/api/register/imports/:id/report.csv',
    {
      schema: {
        tags: ['register'],
        summary: '下载导入报告 CSV',
        params: z.strictObject({ id: z.string().uuid() }),
      },
    },
    async (request, reply) => {
      const path = await jobs.reportPath(requireActor(request), request.params.id);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="import-report.csv"')
        .send(createReadStream(path));
    },
  );
};
