/** Search over the archive in D1: ranked, paginated matches from `article_search`, joined to live `articles`. */

import { type SearchQuery, TERM_KIND } from '../search/query.ts';
import { META_COLUMNS, type MetaRow, type StoredBody, unpackBody } from './rows.ts';
import type { D1Reader } from './session.ts';

/** Results per page unless the caller asks otherwise, and the most a page may hold. */
export const SEARCH_PAGE_SIZE = 10;
export const SEARCH_MAX_LIMIT = 50;
/**
 * How many of the newest matches are ranked. bm25 has to score every row it orders, which is seconds for a word
 * in most of 100,000 articles; ranking the newest SEARCH_CANDIDATES matches keeps the cost bounded, and a reader
 * of a news site wants the recent ones anyway. Relies on ids growing with first publication.
 */
const SEARCH_CANDIDATES = 1000;

/** One result: the article's list fields as stored (map with `metaFromRow`), its id and its body for the snippet. */
export interface SearchHit extends MetaRow {
  id: number;
  /** Markdown body: the snippet is cut from its plain text. */
  body: string;
}

/** A hit as D1 returns it: the body as stored. */
type StoredHit = Omit<SearchHit, 'body'> & { body: StoredBody };

export interface SearchPage {
  items: SearchHit[];
  /** How many visible articles match among the ranked candidates (all matches unless `capped`). */
  total: number;
  /** True when there were more matches than SEARCH_CANDIDATES: `total` is then a lower bound ("more than …"). */
  capped: boolean;
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
  /** How many of the newest matches to rank, SEARCH_CANDIDATES by default. */
  candidates?: number;
}

/**
 * How many completions of a prefix are searched: its most common ones. FTS5 would merge the whole index entry of
 * every term that starts with it (hundreds of terms and most of the archive for الاست), ahead of any LIMIT; each
 * completion named costs a fraction of a millisecond, and only as far as the newest candidates.
 */
export const PREFIX_COMPLETIONS = 32;

// bm25 column weights, in the table's column order (body, title, body_stem, title_stem): the headline above the
// body, exact above stems. The first set sees exact columns only: it is 0 for a row matched only through stems,
// which puts every row with an exact match first whatever the stems score.
const EXACT_WEIGHTS = '1.0, 4.0, 0.0, 0.0';
const RANK_WEIGHTS = '1.0, 4.0, 0.5, 2.0';

/**
 * The MATCH expression, as common table expressions ending in `filled`: the query's template (?1) with slot `@n@`
 * replaced by ` OR "…"` for each of the PREFIX_COMPLETIONS completions of prefix n (of the JSON array of
 * [kind, prefix] in the parameter `prefixes`) that the most articles were indexed with (`search_terms`), or by
 * FTS5's own ` OR "…"*` when `search_terms` knows none (a row indexed without counting its terms). Terms are
 * letters and digits only (src/search/normalize.ts), so quoting them needs no escape.
 */
const matchCtes = (prefixes: string, completions: string) => `RECURSIVE
wanted AS (SELECT key AS n, value ->> '$[0]' AS kind, value ->> '$[1]' AS prefix FROM json_each(${prefixes})),
filled (n, expr) AS (
  SELECT 0, ?1
  UNION ALL
  SELECT f.n + 1, replace(f.expr, '@' || f.n || '@', coalesce((
    SELECT group_concat(' OR "' || term || '"', '') FROM (
      SELECT t.term FROM wanted AS w CROSS JOIN search_terms AS t
      WHERE w.n = f.n AND t.kind = w.kind AND t.term > w.prefix AND t.term < w.prefix || char(1114111)
      ORDER BY t.docs DESC LIMIT ${completions})), (SELECT ' OR "' || prefix || '"*' FROM wanted WHERE n = f.n)))
  FROM filled AS f WHERE f.n < (SELECT count(*) FROM wanted)
)`;
const MATCH = '(SELECT expr FROM filled ORDER BY n DESC LIMIT 1)';

/**
 * One statement. The FTS5 match walks its rows newest id first and stops after ?5 candidates, scoring only those;
 * `articles` is then reached by primary key (CROSS JOIN keeps the match the outer loop: the table is never
 * scanned), future and deleted articles drop out in the join, `count(*) OVER ()` counts what is left and
 * `candidates` tells whether the window was full. Order: exact matches first, then bm25, then newest, then id
 * for a stable order across pages. ?6 and ?7: the prefixes and completions of `matchCtes`.
 */
export const SEARCH_SQL = `WITH ${matchCtes('?6', '?7')},
hits AS MATERIALIZED (
  SELECT rowid AS id, bm25(article_search, ${EXACT_WEIGHTS}) AS exact, bm25(article_search, ${RANK_WEIGHTS}) AS score
  FROM article_search WHERE article_search MATCH ${MATCH}
  ORDER BY rowid DESC LIMIT ?5
)
SELECT a.id, ${META_COLUMNS}, a.body,
  count(*) OVER () AS total, (SELECT count(*) FROM hits) AS candidates
FROM hits CROSS JOIN articles AS a ON a.id = hits.id
WHERE a.published_ms <= ?2
ORDER BY hits.exact < 0 DESC, hits.score, a.published_ms DESC, a.id DESC
LIMIT ?3 OFFSET ?4`;

/** The same counts alone, for a page past the last result (where SEARCH_SQL returns no row to carry them). */
export const SEARCH_COUNT_SQL = `WITH ${matchCtes('?4', '?5')},
hits AS MATERIALIZED (
  SELECT rowid AS id FROM article_search WHERE article_search MATCH ${MATCH} ORDER BY rowid DESC LIMIT ?3
)
SELECT count(a.id) AS total, (SELECT count(*) FROM hits) AS candidates
FROM hits CROSS JOIN articles AS a ON a.id = hits.id
WHERE a.published_ms <= ?2`;

interface Counts {
  total: number;
  candidates: number;
}

/**
 * Runs a parsed query (see `parseQuery`): one D1 round trip, two only when `offset` is past the last result.
 * Newest-relevant first; never an article published after `now` or no longer in `articles`.
 */
export async function searchArticles(db: D1Reader, query: SearchQuery, options: SearchOptions): Promise<SearchPage> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? SEARCH_PAGE_SIZE), 1), SEARCH_MAX_LIMIT);
  const offset = Math.max(Math.trunc(options.offset ?? 0), 0);
  const cap = Math.max(Math.trunc(options.candidates ?? SEARCH_CANDIDATES), 1);
  const prefixes = JSON.stringify(query.prefixes.map((p) => [TERM_KIND[p.kind], p.text]));
  const { results } = await db
    .prepare(SEARCH_SQL)
    .bind(query.template, options.now, limit, offset, cap, prefixes, PREFIX_COMPLETIONS)
    .all<StoredHit & Counts>();
  let counts: Counts = results[0] ?? { total: 0, candidates: 0 };
  if (results.length === 0 && offset > 0) {
    counts =
      (await db
        .prepare(SEARCH_COUNT_SQL)
        .bind(query.template, options.now, cap, prefixes, PREFIX_COMPLETIONS)
        .first<Counts>()) ?? counts;
  }
  const bodies = await Promise.all(results.map((row) => unpackBody(row.body)));
  const items = results.map(({ total: _t, candidates: _c, ...hit }, i) => ({ ...hit, body: bodies[i] as string }));
  const { total } = counts;
  return {
    items,
    total,
    capped: counts.candidates >= cap,
    nextOffset: offset + items.length < total ? offset + items.length : null,
  };
}
