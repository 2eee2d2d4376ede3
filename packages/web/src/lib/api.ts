// The one way the web app talks to the server: JSON in and out, errors as ApiError with the server's
// stable code and Chinese message, 401 sends the user to the login page.
import type { ErrorDetail } from '@renkou/core';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];
  readonly requestId: string | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    details: ErrorDetail[] = [],
    requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Leave a 401 to the caller instead of going to the login page (login itself, the first /me). */
  allowUnauthenticated?: boolean;
}

interface AuthHandlers {
  onUnauthenticated: () => void;
  onPasswordChangeRequired: () => void;
}

let handlers: AuthHandlers = {
  onUnauthenticated: () => {
    if (window.location.pathname !== '/login') window.location.assign('/login');
  },
  onPasswordChangeRequired: () => {
    if (window.location.pathname !== '/password') window.location.assign('/password');
  },
};

/** The app's auth provider replaces the full-page redirects with in-app navigation. */
export function setAuthHandlers(next: AuthHandlers): () => void {
  const previous = handlers;
  handlers = next;
  return () => {
    handlers = previous;
  };
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function isErrorBody(value: unknown): value is { code: string; message: string; details?: ErrorDetail[] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // A file upload goes as multipart: the browser sets the content-type with its boundary.
  const form = typeof FormData !== 'undefined' && options.body instanceof FormData ? options.body : undefined;
  // No content-type without a body: the server rejects an empty JSON body.
  if (options.body !== undefined && !form) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  const requestId = response.headers.get('x-request-id') ?? undefined;
  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (response.ok) return data as T;

  const error = isErrorBody(data)
    ? new ApiError(response.status, data.code, data.message, data.details ?? [], requestId)
    : new ApiError(
        response.status,
        `HTTP_${response.status}`,
        `服务器暂时无法处理请求（${response.status}）`,
        [],
        requestId,
      );
  if (response.status === 401 && error.code === 'UNAUTHENTICATED' && !options.allowUnauthenticated) {
    handlers.onUnauthenticated();
  } else if (response.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED') {
    handlers.onPasswordChangeRequired();
  }
  throw error;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    request<T>(path, { ...options, method: 'POST', body }),
  patch: <T>(path: string, body: unknown) => request<T>(path, { method: 'PATCH', body }),
  /** multipart/form-data (file uploads), with the same error handling as JSON requests. */
  upload: <T>(path: string, form: FormData, signal?: AbortSignal) =>
    request<T>(path, { method: 'POST', body: form, signal }),
};

/** The upload helper: one file under `field` (default 'file'), plus text fields. */
export function uploadFile<T>(
  path: string,
  file: File,
  fields: Record<string, string> = {},
  field = 'file',
): Promise<T> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append(field, file, file.name);
  return api.upload<T>(path, form);
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** The text to show for any failure: the server's Chinese message when there is one. */
export function errorMessage(error: unknown, fallback = '操作失败，请稍后重试'): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return fallback;
}

/** Field errors in antd Form's shape, from the server's details. */
export function fieldErrors(error: unknown): { name: string; errors: string[] }[] {
  if (!(error instanceof ApiError)) return [];
  return error.details
    .filter((d): d is ErrorDetail & { field: string } => typeof d.field === 'string' && d.field !== '')
    .map((d) => ({ name: d.field, errors: [d.reason] }));
}
