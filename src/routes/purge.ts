/**
 * POST /_purge: purges Workers Cache by tag after a publish (`{ "tags": ["a:…", "l:home"] }`, see site/tags.ts).
 * It exists only where the PURGE_TOKEN secret is set (404 otherwise), and answers only a bearer token equal to it,
 * compared in constant time (hono/bearer-auth). Without Workers Cache enabled there is nothing to purge: a 503.
 */
import type { Context } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import type { AppDeps, AppEnv } from '../deps.ts';
import { API_ERRORS, apiError } from '../http/errors.ts';
import { JSON_TYPE, NO_STORE } from '../http/headers.ts';
import { Hono } from '../lib/hono.ts';
import { MAX_PURGE_TAGS } from '../site/tags.ts';
import { notFoundPage } from './errors.tsx';

/** How many tags go to each purge call (the limit of Cloudflare's purge-by-tag API per call). */
export const PURGE_CALL_TAGS = 30;
/** A tag as the site writes them: printable ASCII without spaces or commas, at most 1,024 characters. */
const TAG = /^[!-+\--~]{1,1024}$/;

/** The tags a purge request names, or why it names none. */
export function purgeTags(body: unknown): string[] | { invalid: string } {
  const tags = (body as { tags?: unknown } | null)?.tags;
  if (!Array.isArray(tags) || tags.length === 0) return { invalid: 'expected { "tags": [ … ] } with at least one tag' };
  if (tags.length > MAX_PURGE_TAGS) return { invalid: `expected at most ${MAX_PURGE_TAGS} tags` };
  const bad = tags.find((tag) => typeof tag !== 'string' || !TAG.test(tag));
  if (bad !== undefined) return { invalid: `not a cache tag: ${JSON.stringify(bad)}` };
  return [...new Set(tags as string[])];
}

/** The secret's holder only; a JSON error for anyone else. */
const authorized = (token: string) =>
  bearerAuth<AppEnv>({
    token,
    noAuthenticationHeader: { message: { error: API_ERRORS[401] } },
    invalidAuthenticationHeader: { message: { error: API_ERRORS[400] } },
    invalidToken: { message: { error: API_ERRORS[401] } },
  });

async function purge(c: Context<AppEnv>): Promise<Response> {
  const body = await c.req.json().catch(() => null);
  const tags = purgeTags(body);
  if ('invalid' in tags) return apiError(c, 400, 'bad_request', tags.invalid);
  // Hono types the context as its own ExecutionContext; in workerd it is the platform's, with `cache` when enabled.
  const { cache } = c.executionCtx as Partial<globalThis.ExecutionContext>;
  if (!cache) return apiError(c, 503, 'unavailable', 'Workers Cache is not enabled for this Worker');
  for (let at = 0; at < tags.length; at += PURGE_CALL_TAGS) {
    const result = await cache.purge({ tags: tags.slice(at, at + PURGE_CALL_TAGS) });
    if (!result.success) {
      console.error('cache purge failed', JSON.stringify(result.errors));
      return apiError(c, 503, 'unavailable', `purge failed after ${at} of ${tags.length} tags`);
    }
  }
  return c.body(JSON.stringify({ purged: tags.length }), 200, { 'Content-Type': JSON_TYPE, 'Cache-Control': NO_STORE });
}

export function purgeRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.post(
    '/_purge',
    (c, next) => (c.env.PURGE_TOKEN ? authorized(c.env.PURGE_TOKEN)(c, next) : notFoundPage(c, deps)),
    purge,
  );
  return app;
}
