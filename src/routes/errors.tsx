/** Error answers: an Arabic page for people, `{ "error": { code, message } }` for the API. */
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ERROR_CACHE, HTML_TYPE, JSON_TYPE } from '../http/headers.ts';
import { type PageTemplate, renderTemplate, TEMPERATURE_SLOT } from '../render/document.ts';
import { type ERROR_TEXT, ErrorPage } from '../render/error-page.tsx';
import { filledPage } from './header.ts';

export type ApiErrorCode =
  | 'not_found'
  | 'bad_request'
  | 'method_not_allowed'
  | 'gone'
  | 'internal_error'
  | 'unavailable';

/** The JSON error body every API error uses. */
export function apiError(
  c: Context<AppEnv>,
  status: 400 | 404 | 405 | 410 | 500 | 503,
  code: ApiErrorCode,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return c.body(JSON.stringify({ error: { code, message } }), status, {
    'Content-Type': JSON_TYPE,
    'Cache-Control': status >= 500 ? 'no-store' : ERROR_CACHE,
    'Access-Control-Allow-Origin': '*',
    ...headers,
  });
}

const templates = new Map<number, PageTemplate>();

/** An Arabic error page (with the live header), never cached for long. */
export async function errorPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  status: keyof typeof ERROR_TEXT,
  headers: Record<string, string> = {},
): Promise<Response> {
  let template = templates.get(status);
  if (!template) {
    template = renderTemplate(<ErrorPage status={status} temperature={TEMPERATURE_SLOT} />);
    templates.set(status, template);
  }
  const { body, etag } = await filledPage(c, deps, template);
  return c.body(body, status, {
    'Content-Type': HTML_TYPE,
    'Cache-Control': status >= 500 ? 'no-store' : ERROR_CACHE,
    ETag: `"${etag}"`,
    ...headers,
  });
}

/** 404 in the form the caller expects: JSON under /api/, a page elsewhere. */
export function notFoundPage(c: Context<AppEnv>, deps: AppDeps): Promise<Response> | Response {
  if (isApi(c.req.path)) return apiError(c, 404, 'not_found', `Nothing at ${c.req.path}`);
  return errorPage(c, deps, 404);
}

/** How long clients should wait before retrying when the archive is unavailable. */
const RETRY_AFTER_SECONDS = '30';

/** 503 when the archive cannot be read and the isolate has no copy: JSON under /api/, a page elsewhere. */
export function unavailablePage(c: Context<AppEnv>, deps: AppDeps): Promise<Response> | Response {
  const headers = { 'Retry-After': RETRY_AFTER_SECONDS };
  if (isApi(c.req.path)) {
    return apiError(c, 503, 'unavailable', 'The article archive is unavailable; retry shortly', headers);
  }
  return errorPage(c, deps, 503, headers);
}

/** 410 for an article that was taken down. */
export function gonePage(c: Context<AppEnv>, deps: AppDeps): Promise<Response> | Response {
  if (isApi(c.req.path)) return apiError(c, 410, 'gone', 'This article was taken down');
  return errorPage(c, deps, 410);
}

export const isApi = (path: string) => path === '/api' || path.startsWith('/api/');
