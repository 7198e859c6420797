/** Error answers for routes: an Arabic page (with the live header) for people, JSON under /api/. */
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../deps.ts';
import { API_ERRORS, API_METHODS, apiError, errorHeaders, isApiPath, PAGE_METHODS } from '../http/errors.ts';
import { HTML_TYPE } from '../http/headers.ts';
import { renderDocument } from '../render/document.ts';
import { ErrorPage, type PageErrorStatus } from '../render/error-page.tsx';
import { Temperature } from '../render/temperature.tsx';
import { chromeOf } from '../site/chrome.ts';
import { errorPage, NO_CHROME } from '../site/errors.tsx';
import { fillSlots } from '../site/slots.ts';
import { shownTemperature } from '../weather/service.ts';
import { siteOf } from './answer.ts';
import { currentWeather } from './temperature.ts';

/** Routes under /api/ import the JSON error from here, next to the page. */
export { apiError } from '../http/errors.ts';

/** An Arabic error page with the live header, cached briefly (never for 500 and 503). */
async function errorPageResponse(
  c: Context<AppEnv>,
  deps: AppDeps,
  status: PageErrorStatus,
  headers: Record<string, string> = {},
): Promise<Response> {
  const req = siteOf(c, deps);
  const { now } = req;
  const template = await errorPage(req, status);
  const tempC = shownTemperature(await currentWeather(c, deps), now);
  const { body, etag } = fillSlots(template, { tempC, now }, deps.caches);
  return c.body(body, status, { 'Content-Type': HTML_TYPE, ...errorHeaders(status), ETag: `"${etag}"`, ...headers });
}

/**
 * An error in the form the caller expects: JSON under /api/ (`message` defaults to the status's own), the
 * Arabic page elsewhere. E.g. `errorResponse(c, deps, 410)`, or 503 (which carries Retry-After).
 */
export function errorResponse(
  c: Context<AppEnv>,
  deps: AppDeps,
  status: PageErrorStatus,
  options: { message?: string; headers?: Record<string, string> } = {},
): Promise<Response> | Response {
  const { message = API_ERRORS[status].message, headers = {} } = options;
  if (isApiPath(c.req.path)) return apiError(c, status, API_ERRORS[status].code, message, headers);
  return errorPageResponse(c, deps, status, headers);
}

/** 404: JSON under /api/, the Arabic page elsewhere. */
export function notFoundPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  headers: Record<string, string> = {},
): Promise<Response> | Response {
  return errorResponse(c, deps, 404, { message: `Nothing at ${c.req.path}`, headers });
}

/** 405 for anything but a read, with the methods the path allows. */
export function methodNotAllowed(c: Context<AppEnv>, deps: AppDeps): Promise<Response> | Response {
  const api = isApiPath(c.req.path);
  return errorResponse(c, deps, 405, {
    message: `${c.req.method} is not allowed; use GET or HEAD`,
    headers: { Allow: api ? API_METHODS : PAGE_METHODS },
  });
}

/** 500 for an unexpected failure, without internals. */
export function internalError(c: Context<AppEnv>, deps: AppDeps): Promise<Response> | Response {
  return errorResponse(c, deps, 500);
}

/** 410 for an article that was taken down: JSON under /api/, the Arabic page elsewhere. */
export function gonePage(
  c: Context<AppEnv>,
  deps: AppDeps,
  headers: Record<string, string> = {},
): Promise<Response> | Response {
  return errorResponse(c, deps, 410, { message: 'This article was taken down', headers });
}

/** 503 when the archive cannot be read and the isolate has no copy of what was asked. */
export function unavailablePage(c: Context<AppEnv>, deps: AppDeps): Promise<Response> | Response {
  return errorResponse(c, deps, 503, { message: 'The article archive is unavailable; retry shortly' });
}

/**
 * The answer when even the error answer failed (a bug in the page or the header it fills): a 500 in the route's
 * shape that needs nothing but the request, so no error leaves the app as the runtime's plain-text 500.
 */
export function lastResortError(c: Context<AppEnv>): Response {
  if (isApiPath(c.req.path)) return apiError(c, 500, API_ERRORS[500].code, API_ERRORS[500].message);
  const chrome = {
    ...chromeOf(NO_CHROME),
    slots: { temperature: <Temperature reading={{ tempC: null }} />, date: null },
  };
  const page = renderDocument(<ErrorPage status={500} chrome={chrome} />);
  return c.body(page, 500, { 'Content-Type': HTML_TYPE, ...errorHeaders(500) });
}
