/**
 * Reading a list of articles from D1 (newest first), in one statement: a page by cursor (keyset) or by number
 * (a seq range), with the number of visible entries and the time of the next scheduled one. Every part is an
 * index range of `listings`, so page 5,000 costs what page 1 costs.
 */
import type { ArticleMeta } from '../content/types.ts';
import { newestFirst } from './articles.ts';
import { type ListFilter, listName } from './list-names.ts';
import { META_COLUMNS, type MetaRow, metaFromRow } from './rows.ts';
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

const SELECT_PAGE = `SELECT v.total, v.next_ms, ${META_COLUMNS} FROM v
LEFT JOIN page AS p ON 1
LEFT JOIN articles AS a ON a.slug = p.slug`;

/** Keyset: the `?5` entries before (?3, ?4) in newest-first order. */
const AFTER_SQL = `WITH ${VISIBLE},
page AS (SELECT slug FROM listings WHERE list = ?1 AND (published_ms, slug) < (?3, ?4)
  ORDER BY published_ms DESC, slug DESC LIMIT ?5)
${SELECT_PAGE}`;

/** Page number: entries whose seq lies in the page's range, counted from the newest visible one. */
const NUMBERED_SQL = `WITH ${VISIBLE},
page AS (SELECT l.slug FROM v, listings AS l WHERE l.list = ?1 AND l.seq BETWEEN v.total - ?3 - ?4 + 1 AND v.total - ?3)
${SELECT_PAGE}`;

type PageRow = MetaRow & { total: number; next_ms: number | null };

/** Reads one page of a list. One D1 round trip. */
export async function readList(db: D1Database, query: ListQuery, now: number): Promise<ListResult> {
  const list = listName(query);
  const numbered = !query.after && query.page !== undefined && query.page > 1;
  const statement = numbered
    ? db.prepare(NUMBERED_SQL).bind(list, now, ((query.page ?? 1) - 1) * query.limit, query.limit)
    : db.prepare(AFTER_SQL).bind(list, now, ...keysetBound(query.after, now), query.limit + 1);
  const { results } = await withTimeLimit('list', () => statement.all<PageRow>());
  const head = results[0];
  const total = head?.total ?? 0;
  const items = results
    .filter((row) => row.slug !== null)
    .map(metaFromRow)
    .sort(newestFirst);
  const hasMore = numbered
    ? total - ((query.page ?? 1) - 1) * query.limit - query.limit > 0
    : items.length > query.limit;
  return { items: items.slice(0, query.limit), hasMore, total, nextScheduledMs: head?.next_ms ?? null };
}

/** The (published_ms, slug) the page starts below: the cursor, but never past now. */
function keysetBound(after: ListPosition | undefined, now: number): [number, string] {
  const afterMs = after ? Date.parse(after.publishedAt) : Number.NaN;
  // (now + 1, '') sorts just above every entry published at or before now.
  return after && afterMs <= now ? [afterMs, after.slug] : [now + 1, ''];
}

/** The SQL of list reads, for query-plan tests. */
export const LIST_QUERIES = { after: AFTER_SQL, numbered: NUMBERED_SQL };
