/** Error statuses, their API codes and caching, and the JSON error body: the HTTP side of every error answer. */
import type { Context } from 'hono';
import { ERROR_CACHE, JSON_TYPE, NO_STORE } from './headers.ts';

/** Every error status the site answers with: the `code` its JSON body carries and a default message. */
export const API_ERRORS = {
  400: { code: 'bad_request', message: 'The request is not valid' },
  401: { code: 'unauthorized', message: 'A valid bearer token is required' },
  404: { code: 'not_found', message: 'Nothing here' },
  405: { code: 'method_not_allowed', message: 'Only GET and HEAD are allowed' },
  410: { code: 'gone', message: 'This is no longer available' },
  500: { code: 'internal_error', message: 'Something went wrong on our side' },
  503: { code: 'unavailable', message: 'The service is unavailable for a moment; try again shortly' },
} as const;

type ErrorStatus = keyof typeof API_ERRORS;
type ApiErrorCode = (typeof API_ERRORS)[ErrorStatus]['code'];

/** How long a client should wait before retrying after a 503, in seconds. */
const RETRY_AFTER_SECONDS = 60;

/** What the site can read and how a client asks first: the Allow header of a 405 on pages and on the API. */
export const PAGE_METHODS = 'GET, HEAD';
export const API_METHODS = 'GET, HEAD, OPTIONS';

/**
 * Caching for an error answer: our own failures (500, 503) are never stored, and a 503 says when to come
 * back; anything else is cached briefly, so a newly published article is not hidden for long.
 */
export function errorHeaders(status: ErrorStatus): Record<string, string> {
  if (status === 503) return { 'Cache-Control': NO_STORE, 'Retry-After': String(RETRY_AFTER_SECONDS) };
  if (status === 500 || status === 401) return { 'Cache-Control': NO_STORE };
  return { 'Cache-Control': ERROR_CACHE };
}

/** True for the JSON API's paths, whose errors are JSON rather than a page. */
export const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

/** The JSON error every API error uses: `{ "error": { code, message } }`. */
export function apiError(
  c: Context,
  status: ErrorStatus,
  code: ApiErrorCode,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return c.body(JSON.stringify({ error: { code, message } }), status, {
    'Content-Type': JSON_TYPE,
    ...errorHeaders(status),
    ...headers,
  });
}
