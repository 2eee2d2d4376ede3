import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clearSessionCookie, requireSession, setSessionCookie } from './request-auth';
import { errorResponses, okSchema } from '../../http/schemas';
import { changePasswordBody, loginBody, sessionSchema } from './auth.schemas';
import type { AuthService } from './auth.service';

export interface AuthRouteDeps {
  auth: AuthService;
  cookie: { name: string; secure: boolean; maxAgeSeconds: number };
}

export const authRoutes: FastifyPluginAsyncZod<AuthRouteDeps> = async (server, { auth, cookie }) => {
  server.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: '登录',
        body: loginBody,
        response: { 200: sessionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { token, session } = await auth.login(request.body.username, request.body.password, {
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        requestId: request.id,
      });
      setSessionCookie(reply, cookie.name, token, cookie.secure, cookie.maxAgeSeconds);
      return session;
    },
  );

  server.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: '退出登录', response: { 200: okSchema, ...errorResponses } } },
    async (request, reply) => {
      await auth.logout(requireSession(request));
      clearSessionCookie(reply, cookie.name, cookie.secure);
      return { ok: true as const };
    },
  );

  server.post(
    '/api/auth/step-up',
    {
      schema: {
        tags: ['auth'],
        summary: '重新输入密码确认身份（查看完整身份证号等敏感操作前，5 分钟内有效）',
        body: z.strictObject({ password: z.string().min(1).max(256) }),
        response: { 200: z.object({ steppedUpAt: z.string() }), ...errorResponses },
      },
    },
    async (request) =>
      auth.stepUp(requireSession(request), request.body.password, {
        requestId: request.id,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      }),
  );

  server.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: '当前会话', response: { 200: sessionSchema, ...errorResponses } } },
    async (request) => auth.describe(requireSession(request)),
  );

  server.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: '修改密码',
        body: changePasswordBody,
        response: { 200: sessionSchema, ...errorResponses },
      },
    },
    async (request) =>
      auth.changePassword(requireSession(request), request.body.currentPassword, request.body.newPassword),
  );
};
