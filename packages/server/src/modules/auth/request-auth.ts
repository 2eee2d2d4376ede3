// Session cookie → actor. Routes call requireActor(); it enforces sign-in and the first-login password change.
import { DomainError, ErrorCode, type Actor } from '@renkou/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthService, Authenticated } from './auth.service';

declare module 'fastify' {
  interface FastifyRequest {
    authenticated?: Authenticated;
  }
}

export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-renkou_session' : 'renkou_session';
}

export async function resolveSession(
  auth: AuthService,
  request: FastifyRequest,
  cookieName: string,
): Promise<void> {
  const token = request.cookies[cookieName];
  if (!token) return;
  const authenticated = await auth.authenticate(token, { ip: request.ip, requestId: request.id });
  if (authenticated) request.authenticated = authenticated;
}

export function requireSession(request: FastifyRequest): Authenticated {
  if (!request.authenticated) throw new DomainError(ErrorCode.Unauthenticated, '请先登录');
  return request.authenticated;
}

/** The signed-in actor; refuses everything but the auth routes until a required password change is done. */
export function requireActor(request: FastifyRequest): Actor {
  const session = requireSession(request);
  if (session.mustChangePassword) throw new DomainError(ErrorCode.PasswordChangeRequired, '请先修改密码');
  return session.actor;
}

export function setSessionCookie(
  reply: FastifyReply,
  name: string,
  token: string,
  secure: boolean,
  maxAgeSeconds: number,
): void {
  void reply.setCookie(name, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, name: string, secure: boolean): void {
  void reply.clearCookie(name, { path: '/', httpOnly: true, sameSite: 'strict', secure });
}
