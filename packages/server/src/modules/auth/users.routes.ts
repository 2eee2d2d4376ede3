import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from './request-auth';
import { errorResponses, pagingQuery } from '../../http/schemas';
import { createUserBody, updateUserBody, userSchema } from './auth.schemas';
import type { UsersService } from './users.service';

export const usersRoutes: FastifyPluginAsyncZod<{ users: UsersService }> = async (server, { users }) => {
  server.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: '用户列表',
        querystring: z.strictObject({ q: z.string().max(64).optional(), ...pagingQuery }),
        response: { 200: z.object({ items: z.array(userSchema), total: z.number() }), ...errorResponses },
      },
    },
    async (request) => users.list(requireActor(request), request.query),
  );

  server.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: '新建用户',
        body: createUserBody,
        response: {
          200: z.object({ user: userSchema, temporaryPassword: z.string().nullable() }),
          ...errorResponses,
        },
      },
    },
    async (request) => users.create(requireActor(request), request.body),
  );

  server.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: '修改用户（角色、管辖范围、停用、解锁）',
        params: z.object({ id: z.uuid() }),
        body: updateUserBody,
        response: { 200: userSchema, ...errorResponses },
      },
    },
    async (request) => users.update(requireActor(request), request.params.id, request.body),
  );

  server.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags: ['users'],
        summary: '重置密码',
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ temporaryPassword: z.string() }), ...errorResponses },
      },
    },
    async (request) => users.resetPassword(requireActor(request), request.params.id),
  );
};
