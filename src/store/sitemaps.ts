/** What sitemaps read: months of the archive, one month's articles, the last 48 hours, and the tags. */

import type { ArticleMeta } from '../content/types.ts';
import { listName } from './list-names.ts';
import { META_COLUMNS, type MetaRow, metaFromRow } from './rows.ts';
import type { D1Reader } from './session.ts';
import { withTimeLimit } from './unavailable.ts';

export interface ArchiveMonth {
  /** YYYY-MM, Beirut time. */
  month: string;
  count: number;
  /** The newest updatedAt among the month's visible articles. */
  lastmod: string;
}

// One pass over the month index (never the table); months come out in index order.
const MONTHS_SQL = `SELECT month, count(*) AS count, max(updated_at) AS lastmod FROM articles
WHERE published_ms <= ?1 GROUP BY month`;

// One month's range of the month index, at most one sitemap file's worth from an offset.
const MONTH_SQL = `SELECT slug, updated_at FROM articles WHERE month = ?1 AND published_ms <= ?2
ORDER BY published_ms, slug LIMIT ?3 OFFSET ?4`;

// The newest visible articles published after a time (the news sitemap's window).
const RECENT_SQL = `SELECT ${META_COLUMNS} FROM listings AS l JOIN articles AS a ON a.slug = l.slug
WHERE l.list = '${listName({})}' AND l.published_ms <= ?1 AND l.published_ms > ?2
ORDER BY l.published_ms DESC, l.slug DESC LIMIT ?3`;

// Every tag with a visible article, and when its newest one was published.
const TAGS_SQL = `SELECT tag, (SELECT max(published_ms) FROM listings WHERE list = '${listName({ tag: '' })}' || tag AND published_ms <= ?1) AS newest_ms
FROM (SELECT DISTINCT tag FROM article_tags) WHERE newest_ms IS NOT NULL ORDER BY tag LIMIT ?2`;

// Every section in nav order, and when its newest visible article was published (null: none yet).
const SECTIONS_SQL = `SELECT slug, (SELECT max(published_ms) FROM listings WHERE list = '${listName({ section: '' })}' || slug AND published_ms <= ?1) AS newest_ms
FROM sections ORDER BY position`;

// Every writer, and when their newest visible article was published (null: none yet).
const AUTHORS_SQL = `SELECT slug, (SELECT max(published_ms) FROM listings WHERE list = '${listName({ author: '' })}' || slug AND published_ms <= ?1) AS newest_ms
FROM authors ORDER BY slug`;

export async function readMonths(db: D1Reader, now: number): Promise<ArchiveMonth[]> {
  const { results } = await withTimeLimit('sitemap months', () => db.prepare(MONTHS_SQL).bind(now).all<ArchiveMonth>());
  return results;
}

/** A month's visible articles, oldest first, `limit` from `offset` (a month over 50,000 takes several files). */
export async function readMonth(
  db: D1Reader,
  month: string,
  { now, limit, offset }: { now: number; limit: number; offset: number },
): Promise<{ slug: string; updatedAt: string }[]> {
  const { results } = await withTimeLimit('sitemap month', () =>
    db.prepare(MONTH_SQL).bind(month, now, limit, offset).all<{ slug: string; updated_at: string }>(),
  );
  return results.map((r) => ({ slug: r.slug, updatedAt: r.updated_at }));
}

/** Visible articles published within `windowMs` before now, newest first, at most `limit`. */
export async function readRecent(
  db: D1Reader,
  { now, windowMs, limit }: { now: number; windowMs: number; limit: number },
): Promise<ArticleMeta[]> {
  const { results } = await withTimeLimit('news sitemap', () =>
    db
      .prepare(RECENT_SQL)
      .bind(now, now - windowMs, limit)
      .all<MetaRow>(),
  );
  return results.map(metaFromRow);
}

/** Tags with at least one visible article, with the time of their newest one. */
export async function readTags(db: D1Reader, now: number, limit: number): Promise<{ tag: string; newestMs: number }[]> {
  const { results } = await withTimeLimit('sitemap tags', () =>
    db.prepare(TAGS_SQL).bind(now, limit).all<{ tag: string; newest_ms: number }>(),
  );
  return results.map((r) => ({ tag: r.tag, newestMs: r.newest_ms }));
}

/** Sections in nav order, with the time of their newest visible article (null when they have none yet). */
export async function readSectionTimes(
  db: D1Reader,
  now: number,
): Promise<{ slug: string; newestMs: number | null }[]> {
  const { results } = await withTimeLimit('sitemap sections', () =>
    db.prepare(SECTIONS_SQL).bind(now).all<{ slug: string; newest_ms: number | null }>(),
  );
  return results.map((r) => ({ slug: r.slug, newestMs: r.newest_ms }));
}

/** Writers, with the time of their newest visible article (null when they have none yet). */
export async function readAuthorTimes(db: D1Reader, now: number): Promise<{ slug: string; newestMs: number | null }[]> {
  const { results } = await withTimeLimit('sitemap authors', () =>
    db.prepare(AUTHORS_SQL).bind(now).all<{ slug: string; newest_ms: number | null }>(),
  );
  return results.map((r) => ({ slug: r.slug, newestMs: r.newest_ms }));
}
