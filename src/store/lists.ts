/**
 * Reading a list of articles from D1 (newest first), in one statement: a page by cursor (keyset) or by number
 * (a seq range), with the number of visible entries and the time of the next scheduled one. Every part is an
 * index range of `listings`, so page 5,000 costs what page 1 costs.
 */

import type { Article, ArticleMeta } from '../content/types.ts';
import { newestFirst } from './articles.ts';
import { type ListFilter, listName } from './list-names.ts';
import {
  ARTICLE_COLUMNS,
  type ArticleRow,
  articleFromRow,
  META_COLUMNS,
  type MetaRow,
  metaFromRow,
  unpackBody,
} from './rows.ts';
import type { D1Reader } from './session.ts';
import { withTimeLimit } from './unavailable.ts';

/** Where a keyset page starts: after this article in newest-first order. */
export interface ListPosition {
  publishedAt: string;
  slug: string;
}

export interface ListQuery extends ListFilter {
  limit: number;
  /** Keyset pagination: the page after this position. */
  after?: ListPosition | undefined;
  /** Page-number pagination (1-based); ignored when `after` is given. */
  page?: number | undefined;
}

export interface ListResult {
  items: ArticleMeta[];
  hasMore: boolean;
  /** Entries of the list visible now. */
  total: number;
  /** When the next scheduled article of this list appears (epoch ms), or null. */
  nextScheduledMs: number | null;
}

// v: how many entries are visible now (the seq of the newest visible one) and when the next scheduled one shows.
const VISIBLE = `v AS (SELECT
  coalesce((SELECT seq FROM listings WHERE list = ?1 AND published_ms <= ?2 ORDER BY published_ms DESC, slug DESC LIMIT 1), 0) AS total,
  (SELECT published_ms FROM listings WHERE list = ?1 AND published_ms > ?2 ORDER BY published_ms, slug LIMIT 1) AS next_ms)`;

const selectPage = (columns: string) => `SELECT v.total, v.next_ms, ${columns} FROM v
LEFT JOIN page AS p ON 1
LEFT JOIN articles AS a ON a.slug = p.slug`;
const SELECT_PAGE = selectPage(META_COLUMNS);

/** Keyset: the `?5` entries before (?3, ?4) in newest-first order. */
const KEYSET_PAGE = `page AS (SELECT slug FROM listings WHERE list = ?1 AND (published_ms, slug) < (?3, ?4)
  ORDER BY published_ms DESC, slug DESC LIMIT ?5)`;
const AFTER_SQL = `WITH ${VISIBLE},
${KEYSET_PAGE}
${SELECT_PAGE}`;
/** The same as AFTER_SQL with the bodies, for feeds. */
const AFTER_WITH_BODIES_SQL = `WITH ${VISIBLE},
${KEYSET_PAGE}
${selectPage(ARTICLE_COLUMNS)}`;

/** Page number: entries whose seq lies in the page's range, counted from the newest visible one. */
const NUMBERED_SQL = `WITH ${VISIBLE},
page AS (SELECT l.slug FROM v, listings AS l WHERE l.list = ?1 AND l.seq BETWEEN v.total - ?3 - ?4 + 1 AND v.total - ?3)
${SELECT_PAGE}`;

/** A row of a list page: an entry's article (null columns past the end) and the list's counts. */
export type PageRow = MetaRow & { total: number; next_ms: number | null };

/** The statement that reads one page of a list, for a batch with other reads (decode with `listResult`). */
export function listStatement(db: D1Reader, query: ListQuery, now: number): D1PreparedStatement {
  const list = listName(query);
  return isNumbered(query)
    ? db.prepare(NUMBERED_SQL).bind(list, now, ((query.page ?? 1) - 1) * query.limit, query.limit)
    : db.prepare(AFTER_SQL).bind(list, now, ...keysetBound(query.after, now), query.limit + 1);
}

const isNumbered = (query: ListQuery) => !query.after && query.page !== undefined && query.page > 1;

/** The page a `listStatement` answered. */
export function listResult(query: ListQuery, results: readonly PageRow[]): ListResult {
  const head = results[0];
  const total = head?.total ?? 0;
  const items = results
    .filter((row) => row.slug !== null)
    .map(metaFromRow)
    .sort(newestFirst);
  const hasMore = isNumbered(query)
    ? total - ((query.page ?? 1) - 1) * query.limit - query.limit > 0
    : items.length > query.limit;
  return { items: items.slice(0, query.limit), hasMore, total, nextScheduledMs: head?.next_ms ?? null };
}

/** Reads one page of a list. One D1 round trip. */
export async function readList(db: D1Reader, query: ListQuery, now: number): Promise<ListResult> {
  const statement = listStatement(db, query, now);
  const { results } = await withTimeLimit('list', () => statement.all<PageRow>());
  return listResult(query, results);
}

/** The newest `limit` articles of a list, with their bodies (for feeds). One D1 round trip. */
export async function readNewestWithBodies(
  db: D1Reader,
  filter: ListFilter,
  limit: number,
  now: number,
): Promise<{ items: Article[]; nextScheduledMs: number | null }> {
  const { results } = await withTimeLimit('feed', () =>
    db
      .prepare(AFTER_WITH_BODIES_SQL)
      .bind(listName(filter), now, now + 1, '', limit)
      .all<ArticleRow & { next_ms: number | null }>(),
  );
  const rows = results.filter((row) => row.slug !== null);
  const bodies = await Promise.all(rows.map((row) => unpackBody(row.body)));
  return {
    items: rows.map((row, i) => articleFromRow(row, bodies[i] as string)).sort(newestFirst),
    nextScheduledMs: results[0]?.next_ms ?? null,
  };
}

/** The (published_ms, slug) the page starts below: the cursor, but never past now. */
function keysetBound(after: ListPosition | undefined, now: number): [number, string] {
  const afterMs = after ? Date.parse(after.publishedAt) : Number.NaN;
  // (now + 1, '') sorts just above every entry published at or before now.
  return after && afterMs <= now ? [afterMs, after.slug] : [now + 1, ''];
}

/** The SQL of list reads, for query-plan tests. */
export const LIST_QUERIES = { after: AFTER_SQL, numbered: NUMBERED_SQL };
