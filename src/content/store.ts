/**
 * The article store: the one async interface routes use to reach content. This implementation serves an
 * in-memory list (bundled at build time); a KV- or assets-backed store can replace it without touching routes.
 */
import type { Article } from './types.ts';

/** Where a keyset page starts: after this article in newest-first order. */
export interface ListPosition {
  publishedAt: string;
  slug: string;
}

export interface ListQuery {
  limit: number;
  /** Keyset pagination: start after this position. */
  after?: ListPosition;
  /** Offset pagination (page-based); ignored when `after` is given. */
  offset?: number;
  tag?: string;
  top?: boolean;
}

export interface ListResult {
  items: Article[];
  hasMore: boolean;
  total: number;
}

export interface ArticleStore {
  getArticle(slug: string): Promise<Article | null>;
  listArticles(query: ListQuery): Promise<ListResult>;
}

/** Newest first, ties broken by slug, the order every list uses. */
export function compareNewestFirst(a: ListPosition, b: ListPosition): number {
  return Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || a.slug.localeCompare(b.slug);
}

/** A store over articles held in memory. */
export function createMemoryStore(articles: readonly Article[]): ArticleStore {
  const sorted = [...articles].sort(compareNewestFirst);
  const bySlug = new Map(sorted.map((a) => [a.slug, a]));
  return {
    async getArticle(slug) {
      return bySlug.get(slug) ?? null;
    },
    async listArticles({ limit, after, offset = 0, tag, top }) {
      const matching = sorted.filter(
        (a) => (tag === undefined || a.tags.includes(tag)) && (top === undefined || a.top === top),
      );
      const start = after ? firstAfter(matching, after) : offset;
      const items = matching.slice(start, start + limit);
      return { items, hasMore: start + limit < matching.length, total: matching.length };
    },
  };
}

function firstAfter(list: readonly Article[], after: ListPosition): number {
  const i = list.findIndex((a) => compareNewestFirst(after, a) < 0);
  return i === -1 ? list.length : i;
}
