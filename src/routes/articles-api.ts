/** JSON for apps and partners: GET /api/articles (paginated, filterable) and GET /api/articles/:slug. */
import type { Context } from 'hono';
import type { EncodedBody } from '../cache/isolate.ts';
import { MAX_TAG_LENGTH } from '../content/schema.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { sendCached } from '../http/conditional.ts';
import { JSON_TYPE, PAGE_CACHE } from '../http/headers.ts';
import { Hono } from '../lib/hono.ts';
import { absoluteUrl, articleUrls } from '../paths.ts';
import { articleJson, articleSummaryJson } from '../render/article-json.ts';
import type { ListPosition } from '../store/lists.ts';
import { articleBody, articleText } from './bodies.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { encodeDocument } from './documents.ts';
import { apiError, gonePage } from './errors.tsx';
import { findArticle } from './find-article.ts';
import { tagFromUrl } from './lists.tsx';
import { requestArchive, versionsKey } from './pages.tsx';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 50;

/** A JSON answer encoded and hashed once (then kept in the isolate's cache), not per request. */
const serialize = (value: unknown): EncodedBody => encodeDocument(JSON.stringify(value));

function sendJson(c: Context<AppEnv>, { bytes, etag }: EncodedBody): Response {
  // CORS headers come from hono/cors on /api/* (src/app.ts).
  return sendCached(c, { body: bytes, etag, contentType: JSON_TYPE, cacheControl: PAGE_CACHE });
}

type ListParams = { limit: number; after?: ListPosition; page?: number; tag?: string; top?: boolean };

/** Reads and checks the list query; a string is the 400 message. */
function parseListQuery(query: URLSearchParams): ListParams | string {
  for (const name of ['limit', 'cursor', 'page', 'tag', 'top']) {
    if (query.getAll(name).length > 1) return `"${name}" is given more than once`;
  }
  const params: ListParams = { limit: DEFAULT_LIMIT };
  const limit = query.get('limit');
  if (limit !== null) {
    if (!/^\d{1,3}$/.test(limit) || Number(limit) < 1 || Number(limit) > MAX_LIMIT) {
      return `"limit" must be a whole number from 1 to ${MAX_LIMIT}, got "${limit.slice(0, 40)}"`;
    }
    params.limit = Number(limit);
  }
  const cursor = query.get('cursor');
  const page = query.get('page');
  if (cursor !== null && page !== null) return 'use either "cursor" or "page", not both';
  if (cursor !== null) {
    const position = decodeCursor(cursor);
    if (!position) return '"cursor" is not valid: use the "next" link of a previous page';
    params.after = position;
  }
  if (page !== null) {
    if (!/^\d{1,6}$/.test(page) || Number(page) < 1)
      return `"page" must be a whole number from 1, got "${page.slice(0, 40)}"`;
    params.page = Number(page);
  }
  const rawTag = query.get('tag');
  if (rawTag !== null) {
    // Read as tag pages read theirs: trimmed, NFC, at most MAX_TAG_LENGTH.
    const tag = tagFromUrl(rawTag);
    if (tag === null) return `"tag" must be a non-empty tag of at most ${MAX_TAG_LENGTH} characters`;
    params.tag = tag;
  }
  const top = query.get('top');
  if (top !== null) {
    if (top !== 'true' && top !== 'false') return `"top" must be "true" or "false", got "${top.slice(0, 40)}"`;
    params.top = top === 'true';
  }
  return params;
}

export function articleApiRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/api/articles', async (c) => {
    const url = new URL(c.req.url);
    const params = parseListQuery(url.searchParams);
    if (typeof params === 'string') return apiError(c, 400, 'bad_request', params);
    const siteUrl = c.env.SITE_URL;
    const { archive } = requestArchive(c, deps);
    const result = await archive.list(params);
    // The same page of the same articles serializes to the same bytes: keyed by query and article versions.
    const key = `list|${siteUrl}|${JSON.stringify(params)}|${result.total}|${result.hasMore}|${versionsKey(result.items)}`;
    return sendJson(
      c,
      await deps.caches.json.get(key, async () => {
        const last = result.items.at(-1);
        let next: string | null = null;
        if (result.hasMore && last) {
          const nextQuery = new URLSearchParams({ limit: String(params.limit) });
          if (params.page) nextQuery.set('page', String(params.page + 1));
          else nextQuery.set('cursor', encodeCursor(last));
          if (params.tag !== undefined) nextQuery.set('tag', params.tag);
          if (params.top !== undefined) nextQuery.set('top', String(params.top));
          next = absoluteUrl(siteUrl, `/api/articles?${nextQuery}`);
        }
        return serialize({
          items: result.items.map((a) => articleSummaryJson(a, articleUrls(siteUrl, a))),
          total: result.total,
          next,
        });
      }),
    );
  });

  app.get('/api/articles/:slug', async (c) => {
    const { archive, now } = requestArchive(c, deps);
    const found = await findArticle(archive, c.req.param('slug'), now);
    if (found.kind === 'gone') return gonePage(c, deps);
    if (found.kind === 'missing') return apiError(c, 404, 'not_found', 'No published article has this slug');
    const { article } = found;
    const siteUrl = c.env.SITE_URL;
    const body = await deps.caches.json.get(`article|${siteUrl}|${article.slug}|${article.version}`, async () =>
      serialize(
        articleJson(article, articleUrls(siteUrl, article), {
          html: await articleBody(deps.caches, article, 'html'),
          text: await articleText(deps.caches, article),
        }),
      ),
    );
    return sendJson(c, body);
  });

  return app;
}
