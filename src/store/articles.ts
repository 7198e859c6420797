/** Reading one article from D1: the article (or its takedown) and its related articles, in one round trip. */

import type { Article, ArticleMeta } from '../content/types.ts';
import { listName } from './list-names.ts';
import {
  ARTICLE_COLUMNS,
  type ArticleRow,
  articleFromRow,
  META_COLUMNS,
  type MetaRow,
  metaFromRow,
  unpackBody,
} from './rows.ts';
import { type D1Reader, type RequestReads, servedByReplica } from './session.ts';
import { withTimeLimit } from './unavailable.ts';

/** How many related articles a page shows, and how many of the article's tags are searched for them. */
const RELATED_LIMIT = 3;
export const RELATED_TAGS = 5;

/**
 * What the archive knows about a slug. A scheduled article is `found`: the caller compares its time with now.
 * `confirmedAt`: the primary itself said the slug is missing, at that time (no replica lag to allow for).
 */
export type ArticleLookup =
  | { kind: 'found'; article: Article; publishedMs: number; related: ArticleMeta[] }
  | { kind: 'gone' }
  | { kind: 'missing'; confirmedAt?: number };

const ARTICLE_SQL = `SELECT t.removed_at, ${ARTICLE_COLUMNS}
FROM (SELECT ?1 AS slug) AS s
LEFT JOIN articles AS a ON a.slug = s.slug
LEFT JOIN takedowns AS t ON t.slug = s.slug`;

// The newest RELATED_LIMIT entries of each of the article's first RELATED_TAGS tag lists: each is one short index
// range, whatever the size of the tag. Merged and cut to RELATED_LIMIT by the caller.
const RELATED_SQL = `SELECT ${META_COLUMNS} FROM articles AS a WHERE a.slug IN (${Array.from(
  { length: RELATED_TAGS },
  (_, position) => `SELECT slug FROM (SELECT l.slug FROM listings AS l
  WHERE l.list = (SELECT '${listName({ tag: '' })}' || tag FROM article_tags WHERE slug = ?1 AND position = ${position})
    AND l.published_ms <= ?2 AND l.slug <> ?1
  ORDER BY l.published_ms DESC, l.slug DESC LIMIT ${RELATED_LIMIT})`,
).join('\nUNION ALL ')})`;

/** Newest first, ties by slug (descending): the order of every list. */
export function newestFirst(a: { publishedAt: string; slug: string }, b: { publishedAt: string; slug: string }) {
  return Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || (a.slug < b.slug ? 1 : a.slug > b.slug ? -1 : 0);
}

/** Looks a slug up: one D1 round trip (a batch of the article and its related articles). */
export async function readArticle(db: D1Reader, slug: string, now: number): Promise<ArticleLookup> {
  return (await lookUp(db, slug, now)).lookup;
}

/**
 * Looks a slug up through the request's session; a "missing" that a read replica answered is asked again of the
 * primary. A story published seconds ago may not have reached the replica yet, and the readers a push notification
 * sends to it at once must get the story, not a 404 their isolate would then keep for its whole freshness.
 */
export async function lookUpArticle(reads: RequestReads, slug: string, now: number): Promise<ArticleLookup> {
  const first = await lookUp(reads.session, slug, now);
  if (first.lookup.kind !== 'missing') return first.lookup;
  if (!first.fromReplica) return { kind: 'missing', confirmedAt: now };
  const confirmed = await readArticle(reads.primary(), slug, now);
  return confirmed.kind === 'missing' ? { kind: 'missing', confirmedAt: now } : confirmed;
}

async function lookUp(db: D1Reader, slug: string, now: number) {
  const [found, related] = await withTimeLimit('article', () =>
    db.batch<ArticleRow & { removed_at: string | null }>([
      db.prepare(ARTICLE_SQL).bind(slug),
      db.prepare(RELATED_SQL).bind(slug, now),
    ]),
  );
  const fromReplica = servedByReplica(found);
  const row = found?.results[0];
  if (!row || row.slug === null) {
    return { fromReplica, lookup: row?.removed_at ? ({ kind: 'gone' } as const) : ({ kind: 'missing' } as const) };
  }
  const lookup: ArticleLookup = {
    kind: 'found',
    article: articleFromRow(row, await unpackBody(row.body)),
    publishedMs: row.published_ms,
    related: (related?.results ?? [])
      .map((r) => metaFromRow(r as MetaRow))
      .sort(newestFirst)
      .slice(0, RELATED_LIMIT),
  };
  return { fromReplica, lookup };
}

/** The SQL of the article lookup, for query-plan tests. */
export const ARTICLE_QUERIES = { article: ARTICLE_SQL, related: RELATED_SQL };
