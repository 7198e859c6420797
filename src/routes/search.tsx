/** Archive search: the reader's page (GET /search?q=…&page=N) and the JSON API (GET /api/search?q=…&limit=…&cursor=…). */
import type { AppDeps, AppEnv } from '../deps.ts';
import { sendCached } from '../http/conditional.ts';
import { JSON_TYPE, SEARCH_CACHE } from '../http/headers.ts';
import { parseLimit, parsePage, type QueryValues, quoted, repeatedParam, single } from '../http/params.ts';
import { hash64 } from '../lib/hash.ts';
import { Hono } from '../lib/hono.ts';
import { MAX_QUERY_CHARS, MAX_QUERY_WORDS, parseQuery, type SearchQuery } from '../search/query.ts';
import { MAX_SEARCH_OFFSET, searchCursor, searchOffset } from '../site/cursor.ts';
import { type SearchAsk, searchDocument, searchPage } from '../site/search.tsx';
import { SEARCH_MAX_LIMIT, SEARCH_PAGE_SIZE } from '../store/search.ts';
import { answerPage, siteOf } from './answer.ts';
import { apiQuery } from './api-query.ts';
import { notFoundPage } from './errors.tsx';

const NOINDEX = { 'X-Robots-Tag': 'noindex' };

/** What the reader's page asks, or null for a page number that is not one (a 404). */
function readerAsk(query: QueryValues): { typed: string; ask: SearchAsk } | null {
  const rawPage = single(query, 'page');
  const page = rawPage === null ? 1 : parsePage(rawPage);
  if (page === null || (page - 1) * SEARCH_PAGE_SIZE > MAX_SEARCH_OFFSET) return null;
  const typed = (single(query, 'q') ?? '').trim();
  if (typed === '') return { typed, ask: { kind: 'form' } };
  const parsed = parseQuery(typed);
  return {
    typed,
    ask: parsed.ok ? { kind: 'query', query: parsed, page } : { kind: 'problem', message: parsed.message },
  };
}

interface ApiSearch {
  q: string;
  query: SearchQuery;
  limit: number;
  offset: number;
}

/** Reads and checks the search API's query; a string is the 400 message. */
export function parseSearchParams(query: QueryValues): ApiSearch | string {
  const repeated = repeatedParam(query, ['q', 'limit', 'cursor']);
  if (repeated) return `"${repeated}" is given more than once`;
  const q = (single(query, 'q') ?? '').trim();
  const parsed = parseQuery(q);
  if (!parsed.ok) {
    if (parsed.problem === 'empty') return '"q" is required';
    if (parsed.problem === 'too-long')
      return `"q" is too long: at most ${MAX_QUERY_CHARS} characters and ${MAX_QUERY_WORDS} words`;
    return '"q" has no letters or digits to search for';
  }
  let limit = SEARCH_PAGE_SIZE;
  const rawLimit = single(query, 'limit');
  if (rawLimit !== null) {
    const n = parseLimit(rawLimit, SEARCH_MAX_LIMIT);
    if (n === null) return `"limit" must be a whole number from 1 to ${SEARCH_MAX_LIMIT}, got ${quoted(rawLimit)}`;
    limit = n;
  }
  let offset = 0;
  const cursor = single(query, 'cursor');
  if (cursor !== null) {
    const decoded = searchOffset(cursor);
    if (decoded === null) return '"cursor" is not valid: use the "next" link of a previous page';
    offset = decoded;
  }
  return { q, query: parsed, limit, offset };
}

export function searchRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/search', async (c) => {
    const read = readerAsk(c.req.queries() as unknown as QueryValues);
    if (read === null) return notFoundPage(c, deps);
    const page = await searchPage(siteOf(c, deps), read.typed, read.ask);
    return answerPage(c, deps, page, { cacheControl: SEARCH_CACHE, headers: NOINDEX });
  });

  app.get('/api/search', apiQuery(parseSearchParams), async (c) => {
    const text = await searchDocument(siteOf(c, deps), c.req.valid('query'), searchCursor);
    // CORS headers come from hono/cors on /api/* (src/app.ts).
    return sendCached(c, {
      body: text,
      etag: hash64(text),
      contentType: JSON_TYPE,
      cacheControl: SEARCH_CACHE,
      headers: NOINDEX,
    });
  });

  return app;
}
