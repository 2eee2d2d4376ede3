// The Fastify application: zod-validated routes, OpenAPI at /api/docs, request ids, one error
// mapper, the session hook, and the built web app served from the same origin.
import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { isUuid, uuidv7 } from '@renkou/core';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Application } from '../application';
import { auditRoutes } from '../modules/audit';
import { benefitsRoutes } from '../modules/benefits';
import { authRoutes, resolveSession, sessionCookieName, usersRoutes } from '../modules/auth';
import { jurisdictionsRoutes } from '../modules/jurisdictions';
import { marriageRoutes, recordsRoutes } from '../modules/records';
import { registerImportRoutes, registerRoutes } from '../modules/register';
import { statisticsRoutes } from '../modules/statistics';
import { errorHandler, notFoundBody } from './error-mapper';

export interface HttpOptions {
  logLevel?: string;
  secureCookies?: boolean;
  webDir?: string;
}

// Validation messages in Chinese, the users' language.
z.config(z.locales.zhCN());

export async function buildHttpApp(app: Application, options: HttpOptions = {}): Promise<FastifyInstance> {
  const secure = options.secureCookies ?? false;
  const cookieName = sessionCookieName(secure);
  const server = Fastify({
    logger: {
      level: options.logLevel ?? 'silent',
      redact: ['req.headers.cookie', 'req.headers.authorization'],
    },
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && isUuid(incoming) ? incoming : uuidv7();
    },
    bodyLimit: 1024 * 1024,
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();

  server.setValidatorCompiler(validatorCompiler);
  server.setSerializerCompiler(serializerCompiler);
  server.setErrorHandler(errorHandler);

  await server.register(fastifyCookie);
  await server.register(fastifySwagger, {
    openapi: { info: { title: 'Renkou 人口家庭服务信息平台 API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  await server.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  server.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('x-frame-options', 'DENY');
    void reply.header('referrer-policy', 'same-origin');
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) {
      void reply.header('cache-control', 'no-store');
      await resolveSession(app.auth, request, cookieName);
    }
  });

  server.get(
    '/api/health',
    {
      schema: { tags: ['system'], summary: '健康检查', response: { 200: z.object({ ok: z.literal(true) }) } },
    },
    async () => ({ ok: true as const }),
  );
  await server.register(authRoutes, {
    auth: app.auth,
    cookie: { name: cookieName, secure, maxAgeSeconds: app.settings.absoluteHours * 3600 },
  });
  await server.register(usersRoutes, { users: app.users });
  await server.register(jurisdictionsRoutes, { jurisdictions: app.jurisdictions });
  await server.register(auditRoutes, { audit: app.audit });
  await server.register(registerRoutes, { persons: app.persons, register: app.register });
  await server.register(registerImportRoutes, { jobs: app.imports });
  await server.register(statisticsRoutes, { statistics: app.statistics });
  await server.register(benefitsRoutes, { benefits: app.benefits });
  await server.register(recordsRoutes, { records: app.records });
  await server.register(marriageRoutes, { records: app.records });

  const webDir = options.webDir;
  const hasWeb = webDir !== undefined && existsSync(webDir);
  if (hasWeb) await server.register(fastifyStatic, { root: webDir, wildcard: false });
  server.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: unknown non-API GETs get index.html.
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/'))
      return reply.sendFile('index.html');
    return reply.status(404).send(notFoundBody(request));
  });
  return server;
}
