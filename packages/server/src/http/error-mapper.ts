// The one place where errors become HTTP answers: { code, message, details? } with a stable code.
import { ErrorCode, isDomainError, type ErrorDetail } from '@renkou/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

export const statusByCode: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  PASSWORD_CHANGE_REQUIRED: 403,
  PASSWORD_POLICY: 400,
  CONFLICT: 409,
  UNKNOWN_JURISDICTION: 404,
  STEP_UP_REQUIRED: 401,
  INTERNAL: 500,
};

export interface ErrorBody {
  code: string;
  message: string;
  details?: ErrorDetail[];
  requestId?: string;
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const send = (status: number, body: ErrorBody) =>
    void reply.status(status).send({ ...body, requestId: request.id });

  if (isDomainError(error)) {
    send(statusByCode[error.code], {
      code: error.code,
      message: error.message,
      ...(error.details.length ? { details: error.details } : {}),
    });
    return;
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((issue) => ({
      field: issue.instancePath.replace(/^\//, '').replace(/\//g, '.') || '',
      reason: issue.message ?? '格式不正确',
    }));
    send(400, {
      code: ErrorCode.ValidationFailed,
      message: `请求内容不正确：${details.map((d) => `${d.field} ${d.reason}`).join('；')}`,
      details,
    });
    return;
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    send(415, { code: 'UNSUPPORTED_MEDIA_TYPE', message: '请求须为 application/json' });
    return;
  }
  if (error.statusCode === 400 || error.code?.startsWith('FST_ERR_CTP')) {
    send(400, { code: 'MALFORMED_REQUEST', message: `请求格式错误：${error.message}` });
    return;
  }
  if (error.statusCode === 413) {
    send(413, { code: 'PAYLOAD_TOO_LARGE', message: '上传内容过大' });
    return;
  }
  if (isResponseSerializationError(error))
    request.log.error({ err: error }, 'response does not match its schema');
  else request.log.error({ err: error }, 'unhandled error');
  send(500, { code: ErrorCode.Internal, message: `服务器内部错误，请联系管理员（请求号 ${request.id}）` });
}

export function notFoundBody(request: FastifyRequest): ErrorBody {
  return {
    code: ErrorCode.NotFound,
    message: `接口不存在：${request.method} ${request.url.split('?')[0]}`,
    requestId: request.id,
  };
}
