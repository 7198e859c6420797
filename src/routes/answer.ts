/**
 * How routes answer: the request's view of the site (archive, time, SITE_URL), pages with their slots filled
 * (temperature, date), documents and JSON with their validators, and errors in the route's own shape.
 */
import type { Context } from 'hono';
import type { EncodedBody } from '../cache/isolate.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { sendCached } from '../http/conditional.ts';
import { HTML_TYPE, JSON_TYPE, PAGE_CACHE } from '../http/headers.ts';
import type { PageTemplate } from '../render/document.ts';
import type { Missing } from '../site/page-at.ts';
import { type SiteRequest, siteRequest } from '../site/request.ts';
import { fillSlots } from '../site/slots.ts';
import { cacheTagHeader } from '../site/tags.ts';
import { requestReads } from '../store/session.ts';
import { shownTemperature } from '../weather/service.ts';
import { gonePage, notFoundPage } from './errors.tsx';
import { currentWeather } from './temperature.ts';

/** This request's view of the site. */
export const siteOf = (c: Context<AppEnv>, deps: AppDeps): SiteRequest =>
  siteRequest(requestReads(c.env.DB), {
    caches: deps.caches,
    colo: deps.colo,
    siteUrl: c.env.SITE_URL,
    version: c.env.CF_VERSION_METADATA.id,
    now: deps.now(),
    waitUntil: (p) => c.executionCtx.waitUntil(p),
  });

/** The page's bytes for this request (temperature and date filled in) and their ETag. */
export async function filledPage(c: Context<AppEnv>, deps: AppDeps, template: PageTemplate) {
  const now = deps.now();
  const tempC = shownTemperature(await currentWeather(c, deps), now);
  return fillSlots(template, { tempC, now }, deps.caches);
}

/** Sends a page (200 or 304), or the error page of a missing one. */
export async function answerPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  page: PageTemplate | Missing,
  { cacheControl = PAGE_CACHE, headers = {} }: { cacheControl?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  if ('missing' in page) return missingResponse(c, deps, page);
  const { body, etag } = await filledPage(c, deps, page);
  return sendCached(c, { body, etag, contentType: HTML_TYPE, cacheControl, headers: withTags(headers, page.tags) });
}

/** Sends a generated document (200 or 304), or a 404 when there is none. */
export function answerDocument(
  c: Context<AppEnv>,
  deps: AppDeps,
  contentType: string,
  document: EncodedBody | Missing | null,
): Response | Promise<Response> {
  if (document === null) return notFoundPage(c, deps);
  if ('missing' in document) return missingResponse(c, deps, document);
  return sendCached(c, {
    body: document.bytes,
    etag: document.etag,
    contentType,
    cacheControl: PAGE_CACHE,
    headers: withTags({}, document.tags),
  });
}

/** Headers with the Cache-Tag of what the answer shows (see site/tags.ts), when it names anything. */
const withTags = (headers: Record<string, string>, tags: readonly string[] | undefined) =>
  tags && tags.length > 0 ? { ...headers, 'Cache-Tag': cacheTagHeader(tags) } : headers;

/**
 * A page or document that is not there: 404, or 410 for a taken-down article; tagged with what would make it
 * exist, so the publish that adds it purges the cached error too.
 */
const missingResponse = (c: Context<AppEnv>, deps: AppDeps, { missing, tags }: Missing) =>
  missing === 410 ? gonePage(c, deps, withTags({}, tags)) : notFoundPage(c, deps, withTags({}, tags));

/** Sends JSON for the API (CORS headers come from hono/cors on /api/*, src/app.ts). */
export const answerJson = (c: Context<AppEnv>, deps: AppDeps, document: EncodedBody | Missing | null) =>
  answerDocument(c, deps, JSON_TYPE, document);
