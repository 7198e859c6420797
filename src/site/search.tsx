/**
 * Archive search: a page of results (articles and snippets, no bodies) is kept per isolate for up to a minute by
 * its normalized query, size and offset, like lists: a crowd searching the day's story costs one D1 read a
 * minute, not one each. The reader's page is rendered per request from it; the API serializes it.
 */
import { absoluteUrl, articleUrls } from '../paths.ts';
import { articleSummaryJson } from '../render/article-json.ts';
import { type PageTemplate, renderTemplate } from '../render/document.ts';
import type { SearchOutcome } from '../render/page-data.ts';
import { SearchPage } from '../render/search-page.tsx';
import type { SearchQuery } from '../search/query.ts';
import type { FoundPage } from '../search/results.ts';
import { snippet } from '../search/snippet.ts';
import { metaFromRow } from '../store/rows.ts';
import { SEARCH_PAGE_SIZE, searchArticles } from '../store/search.ts';
import { withTimeLimit } from '../store/unavailable.ts';
import { articleText } from './bodies.ts';
import { chromeOf } from './chrome.ts';
import type { Missing } from './page-at.ts';
import type { SiteRequest } from './request.ts';
import { liveNow, teaserOf } from './teasers.ts';

/**
 * A page of results: from the isolate's cache while fresh, else one D1 round trip (two past the last page) shared
 * by every identical query in flight; a 503 when D1 fails or is slow and the isolate has no copy.
 */
export function findPage(req: SiteRequest, query: SearchQuery, limit: number, offset: number): Promise<FoundPage> {
  const key = JSON.stringify([query.match, query.matcher, limit, offset]);
  return req.caches.search.read(key, req.now, async () => {
    const found = await withTimeLimit('search', () => searchArticles(req.db, query, { limit, offset, now: req.now }));
    // Snippets are cut from each hit's plain text (memoized by article version), then the bodies are dropped.
    const marks = await Promise.all(
      found.items.map(async (hit) => snippet(await articleText(req.caches, hit), query.matcher)),
    );
    return {
      items: found.items.map((hit, i) => ({ article: metaFromRow(hit), snippet: marks[i] ?? [] })),
      total: found.total,
      capped: found.capped,
      nextOffset: found.nextOffset,
    };
  });
}

/** What the reader asked: nothing yet, a query that cannot be run (its Arabic message), or a query and a page. */
export type SearchAsk =
  | { kind: 'form' }
  | { kind: 'problem'; message: string }
  | { kind: 'query'; query: SearchQuery; page: number };

/** The search page for `typed` (as the reader typed it); missing past the last page of results. */
export async function searchPage(req: SiteRequest, typed: string, ask: SearchAsk): Promise<PageTemplate | Missing> {
  const [chrome, found] = await Promise.all([
    req.archive.chrome(),
    ask.kind === 'query' ? findPage(req, ask.query, SEARCH_PAGE_SIZE, (ask.page - 1) * SEARCH_PAGE_SIZE) : null,
  ]);
  let outcome: SearchOutcome;
  if (ask.kind === 'query' && found) {
    // Past the last page of results: like a list page past its end.
    if (found.items.length === 0 && ask.page > 1) return { missing: 404 };
    outcome = {
      kind: 'results',
      results: found.items.map((hit) => ({ ...hit, ...teaserOf(req, hit.article) })),
      total: found.total,
      capped: found.capped,
      page: ask.page,
      hasNext: found.nextOffset !== null,
    };
  } else outcome = ask.kind === 'problem' ? { kind: 'problem', message: ask.message } : { kind: 'form' };
  return renderTemplate(<SearchPage chrome={chromeOf(chrome)} query={typed} outcome={outcome} />);
}

/** The search API's answer: `{ items, total, capped, next }`, items as in lists plus their snippets. */
export async function searchDocument(
  req: SiteRequest,
  { q, query, limit, offset }: { q: string; query: SearchQuery; limit: number; offset: number },
  nextCursor: (offset: number) => string,
): Promise<string> {
  const found = await findPage(req, query, limit, offset);
  const next =
    found.nextOffset === null
      ? null
      : absoluteUrl(
          req.siteUrl,
          `/api/search?${new URLSearchParams({ q, limit: String(limit), cursor: nextCursor(found.nextOffset) })}`,
        );
  return JSON.stringify({
    items: found.items.map((hit) => ({
      ...articleSummaryJson(hit.article, articleUrls(req.siteUrl, hit.article), {
        siteUrl: req.siteUrl,
        liveActive: liveNow(req, hit.article),
      }),
      snippet: hit.snippet,
    })),
    total: found.total,
    capped: found.capped,
    next,
  });
}
