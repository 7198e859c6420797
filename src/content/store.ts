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

/** A store over articles held in memory. Lists per tag and for top/not top are built once, so a request costs the same for 10 or 10,000 articles. */
export function createMemoryStore(articles: readonly Article[]): ArticleStore {
  const sorted = [...articles].sort(compareNewestFirst);
  const bySlug = new Map(sorted.map((a) => [a.slug, a]));
  const byTop = new Map<boolean, Article[]>([
    [true, sorted.filter((a) => a.top)],
    [false, sorted.filter((a) => !a.top)],
  ]);
  const byTag = new Map<string, Article[]>();
  for (const article of sorted) {
    for (const tag of article.tags) {
      const list = byTag.get(tag);
      if (list) list.push(article);
      else byTag.set(tag, [article]);
    }
  }

  function matching(tag: string | undefined, top: boolean | undefined): readonly Article[] {
    if (tag === undefined) return top === undefined ? sorted : (byTop.get(top) ?? []);
    const tagged = byTag.get(tag) ?? [];
    return top === undefined ? tagged : tagged.filter((a) => a.top === top);
  }

  return {
    async getArticle(slug) {
      return bySlug.get(slug) ?? null;
    },
    async listArticles({ limit, after, offset = 0, tag, top }) {
      const list = matching(tag, top);
      const start = after ? firstAfter(list, after) : offset;
      return { items: list.slice(start, start + limit), hasMore: start + limit < list.length, total: list.length };
    },
  };
}

/** Index of the first article that comes after `after` in newest-first order (binary search). */
function firstAfter(list: readonly Article[], after: ListPosition): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareNewestFirst(after, list[mid] as Article) < 0) high = mid;
    else low = mid + 1;
  }
  return low;
}
