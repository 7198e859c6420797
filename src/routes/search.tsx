/**
 * Archive search: the reader's page (GET /search?q=…&page=N) and the JSON API (GET /api/search?q=…&limit=…&cursor=…).
 * A page of results (articles and snippets, no bodies) is kept per isolate for up to a minute by its normalized
 * query, size and offset, like lists: a crowd searching the day's story costs one D1 read a minute, not one each.
 */
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../deps.ts';
import { sendCached } from '../http/conditional.ts';
import { HTML_TYPE, JSON_TYPE, SEARCH_CACHE } from '../http/headers.ts';
import { fromBase64Url, toBase64Url } from '../lib/base64url.ts';
import { hash64 } from '../lib/hash.ts';
import { Hono } from '../lib/hono.ts';
import { absoluteUrl, articlePath, articleUrls } from '../paths.ts';
import { articleSummaryJson } from '../render/article-json.ts';
import { renderTemplate, TEMPERATURE_SLOT } from '../render/document.ts';
import { type SearchOutcome, SearchPage } from '../render/search-page.tsx';
import { MAX_QUERY_CHARS, MAX_QUERY_WORDS, parseQuery, type SearchQuery } from '../search/query.ts';
import type { FoundPage } from '../search/results.ts';
import { snippet } from '../search/snippet.ts';
import { metaFromRow } from '../store/rows.ts';
import { SEARCH_MAX_LIMIT, SEARCH_PAGE_SIZE, searchArticles } from '../store/search.ts';
import { withTimeLimit } from '../store/unavailable.ts';
import { articleText } from './bodies.ts';
import { apiError, notFoundPage } from './errors.tsx';
import { requestArchive, topNews } from './pages.tsx';
import { filledPage } from './temperature.ts';

const NOINDEX = { 'X-Robots-Tag': 'noindex' };
// The deepest result offset a page number or cursor may ask for: past it there is nothing to rank anyway.
const MAX_OFFSET = 100_000;

/**
 * A page of results: from the isolate's cache while fresh, else one D1 round trip (two past the last page) shared
 * by every identical query in flight; a 503 when D1 fails or is slow and the isolate has no copy.
 */
function findPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  query: SearchQuery,
  limit: number,
  offset: number,
  now: number,
): Promise<FoundPage> {
  const key = JSON.stringify([query.match, query.matcher, limit, offset]);
  return deps.caches.search.read(key, now, async () => {
    const found = await withTimeLimit('search', () => searchArticles(c.env.DB, query, { limit, offset, now }));
    // Snippets are cut from each hit's plain text (memoized by article version), then the bodies are dropped.
    const marks = await Promise.all(
      found.items.map(async (hit) => snippet(await articleText(deps.caches, hit), query.matcher)),
    );
    return {
      items: found.items.map((hit, i) => ({ article: metaFromRow(hit), snippet: marks[i] ?? [] })),
      total: found.total,
      capped: found.capped,
      nextOffset: found.nextOffset,
    };
  });
}

/** A page number from `?page=`: absent is 1; anything but a whole number from 1 is null (a 404). */
function pageFromQuery(raw: string | undefined): number | null {
  if (raw === undefined) return 1;
  if (!/^[1-9]\d{0,5}$/.test(raw)) return null;
  const page = Number(raw);
  return (page - 1) * SEARCH_PAGE_SIZE <= MAX_OFFSET ? page : null;
}

/** The cursor that continues the results at `offset`: base64url of the offset, opaque to clients. */
function encodeSearchCursor(offset: number): string {
  return toBase64Url(String(offset));
}

/** The offset a cursor stands for, or null when it is not one of ours. */
function decodeSearchCursor(cursor: string): number | null {
  if (!/^[A-Za-z0-9_-]{1,12}$/.test(cursor)) return null;
  let text: string;
  try {
    text = fromBase64Url(cursor);
  } catch {
    return null;
  }
  if (!/^[1-9]\d{0,5}$/.test(text)) return null;
  const offset = Number(text);
  return offset <= MAX_OFFSET ? offset : null;
}

interface SearchParams {
  /** The query as given (trimmed), for the next link. */
  q: string;
  query: SearchQuery;
  limit: number;
  offset: number;
}

/** Reads and checks the search API's query; a string is the 400 message. */
function parseSearchParams(params: URLSearchParams): SearchParams | string {
  for (const name of ['q', 'limit', 'cursor']) {
    if (params.getAll(name).length > 1) return `"${name}" is given more than once`;
  }
  const q = (params.get('q') ?? '').trim();
  const query = parseQuery(q);
  if (!query.ok) {
    if (query.problem === 'empty') return '"q" is required';
    if (query.problem === 'too-long')
      return `"q" is too long: at most ${MAX_QUERY_CHARS} characters and ${MAX_QUERY_WORDS} words`;
    return '"q" has no letters or digits to search for';
  }
  let limit = SEARCH_PAGE_SIZE;
  const rawLimit = params.get('limit');
  if (rawLimit !== null) {
    if (!/^\d{1,3}$/.test(rawLimit) || Number(rawLimit) < 1 || Number(rawLimit) > SEARCH_MAX_LIMIT) {
      return `"limit" must be a whole number from 1 to ${SEARCH_MAX_LIMIT}, got "${rawLimit.slice(0, 40)}"`;
    }
    limit = Number(rawLimit);
  }
  let offset = 0;
  const cursor = params.get('cursor');
  if (cursor !== null) {
    const decoded = decodeSearchCursor(cursor);
    if (decoded === null) return '"cursor" is not valid: use the "next" link of a previous page';
    offset = decoded;
  }
  return { q, query, limit, offset };
}

async function searchPage(c: Context<AppEnv>, deps: AppDeps): Promise<Response> {
  const raw = c.req.query('q') ?? '';
  const page = pageFromQuery(c.req.query('page'));
  if (page === null) return notFoundPage(c, deps);
  const { archive, now } = requestArchive(c, deps);
  const parsed = raw.trim() === '' ? null : parseQuery(raw);
  let outcome: SearchOutcome;
  let top: Awaited<ReturnType<typeof topNews>>;
  if (parsed?.ok) {
    let found: FoundPage;
    [found, top] = await Promise.all([
      findPage(c, deps, parsed, SEARCH_PAGE_SIZE, (page - 1) * SEARCH_PAGE_SIZE, now),
      topNews(archive),
    ]);
    // Past the last page of results: like a list page past its end.
    if (found.items.length === 0 && page > 1) return notFoundPage(c, deps);
    outcome = {
      kind: 'results',
      results: found.items.map((hit) => ({ ...hit, url: articlePath(hit.article.slug) })),
      total: found.total,
      capped: found.capped,
      page,
      hasNext: found.nextOffset !== null,
    };
  } else {
    top = await topNews(archive);
    outcome = parsed ? { kind: 'problem', message: parsed.message } : { kind: 'form' };
  }
  const template = renderTemplate(
    <SearchPage query={raw.trim()} outcome={outcome} topNews={top.links} temperature={TEMPERATURE_SLOT} />,
  );
  const { body, etag } = await filledPage(c, deps, template);
  return sendCached(c, { body, etag, contentType: HTML_TYPE, cacheControl: SEARCH_CACHE, headers: NOINDEX });
}

export function searchRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/search', (c) => searchPage(c, deps));

  app.get('/api/search', async (c) => {
    const params = parseSearchParams(new URL(c.req.url).searchParams);
    if (typeof params === 'string') return apiError(c, 400, 'bad_request', params);
    const { q, query, limit, offset } = params;
    const { now } = requestArchive(c, deps);
    const found = await findPage(c, deps, query, limit, offset, now);
    const siteUrl = c.env.SITE_URL;
    const next =
      found.nextOffset === null
        ? null
        : absoluteUrl(
            siteUrl,
            `/api/search?${new URLSearchParams({ q, limit: String(limit), cursor: encodeSearchCursor(found.nextOffset) })}`,
          );
    const text = JSON.stringify({
      items: found.items.map((hit) => ({
        ...articleSummaryJson(hit.article, articleUrls(siteUrl, hit.article)),
        snippet: hit.snippet,
      })),
      total: found.total,
      capped: found.capped,
      next,
    });
    return sendCached(c, {
      body: text,
      etag: hash64(text),
      contentType: JSON_TYPE,
      cacheControl: SEARCH_CACHE,
      // CORS headers come from hono/cors on /api/* (src/app.ts).
      headers: NOINDEX,
    });
  });

  return app;
}
