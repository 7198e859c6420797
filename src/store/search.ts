/** Search over the archive in D1: ranked, paginated matches from `article_search`, joined to live `articles`. */
import type { SearchQuery } from '../search/query.ts';

/** Results per page unless the caller asks otherwise, and the most a page may hold. */
export const SEARCH_PAGE_SIZE = 10;
export const SEARCH_MAX_LIMIT = 50;

/** One result: the article fields a result list and its snippet need. */
export interface SearchHit {
  id: number;
  slug: string;
  title: string;
  /** ISO 8601 with the Beirut offset. */
  published_at: string;
  published_ms: number;
  summary: string;
  /** Markdown body: the snippet is cut from its plain text. */
  body: string;
}

export interface SearchPage {
  items: SearchHit[];
  /** How many visible articles match in all. */
  total: number;
  /** The offset of the next page, or null on the last one. */
  nextOffset: number | null;
}

export interface SearchOptions {
  /** Results wanted (1–SEARCH_MAX_LIMIT), SEARCH_PAGE_SIZE by default. */
  limit?: number;
  /** How many ranked results to skip (page n starts at (n - 1) × limit). */
  offset?: number;
  /** The current time in epoch ms: articles published after it are not found. */
  now: number;
}

// bm25 column weights (title, body, title_stem, body_stem): the headline above the body, exact above stems. The
// first set sees exact columns only: it is 0 for a row matched only through stems, which puts every row with an
// exact match first whatever the stems score.
const EXACT_WEIGHTS = '4.0, 1.0, 0.0, 0.0';
const RANK_WEIGHTS = '4.0, 1.0, 2.0, 0.5';

/**
 * One statement: the FTS5 match drives (CROSS JOIN keeps it the outer loop; `articles` is reached by primary key,
 * never scanned), future and deleted articles drop out in the join, and `count(*) OVER ()` gives the total of the
 * same filtered set. Order: exact matches first, then bm25, then newest, then id for a stable order across pages.
 */
export const SEARCH_SQL = `WITH hits AS (
  SELECT rowid AS id, bm25(article_search, ${EXACT_WEIGHTS}) AS exact, bm25(article_search, ${RANK_WEIGHTS}) AS score
  FROM article_search WHERE article_search MATCH ?1
)
SELECT a.id, a.slug, a.title, a.published_at, a.published_ms, a.summary, a.body, count(*) OVER () AS total
FROM hits CROSS JOIN articles AS a ON a.id = hits.id
WHERE a.published_ms <= ?2
ORDER BY hits.exact < 0 DESC, hits.score, a.published_ms DESC, a.id DESC
LIMIT ?3 OFFSET ?4`;

/** The total alone, for a page past the last result (where SEARCH_SQL returns no row to carry it). */
export const SEARCH_COUNT_SQL = `SELECT count(*) AS total
FROM article_search CROSS JOIN articles AS a ON a.id = article_search.rowid
WHERE article_search MATCH ?1 AND a.published_ms <= ?2`;

/**
 * Runs a parsed query (see `parseQuery`): one D1 round trip, two only when `offset` is past the last result.
 * Newest-relevant first; never an article published after `now` or no longer in `articles`.
 */
export async function searchArticles(db: D1Database, query: SearchQuery, options: SearchOptions): Promise<SearchPage> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? SEARCH_PAGE_SIZE), 1), SEARCH_MAX_LIMIT);
  const offset = Math.max(Math.trunc(options.offset ?? 0), 0);
  const { results } = await db
    .prepare(SEARCH_SQL)
    .bind(query.match, options.now, limit, offset)
    .all<SearchHit & { total: number }>();
  let total = results[0]?.total ?? 0;
  if (results.length === 0 && offset > 0) {
    total = (await db.prepare(SEARCH_COUNT_SQL).bind(query.match, options.now).first<number>('total')) ?? 0;
  }
  const items = results.map(({ total: _, ...hit }) => hit);
  return { items, total, nextOffset: offset + items.length < total ? offset + items.length : null };
}
