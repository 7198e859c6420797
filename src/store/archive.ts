/**
 * The archive as routes see it: D1 reads behind the isolate's caches. A key read within the last minute costs no
 * query; a failed read serves the last copy when the isolate has one, else throws StoreUnavailable (a 503).
 */
import type { IsolateCaches } from '../cache/isolate.ts';
import { type ArticleLookup, readArticle } from './articles.ts';
import { type ListQuery, type ListResult, readList } from './lists.ts';

export interface Archive {
  /** What the archive knows about a slug (NFC-normalized by the caller). */
  article(slug: string): Promise<ArticleLookup>;
  /** One page of a list, newest first. */
  list(query: ListQuery): Promise<ListResult>;
}

/** The archive for one request: this request's D1 binding, the isolate's caches and the request's time. */
export function openArchive(db: D1Database, caches: Pick<IsolateCaches, 'articles' | 'lists'>, now: number): Archive {
  return {
    article: (slug) => caches.articles.read(slug, now, () => readArticle(db, slug, now)),
    list: (query) =>
      caches.lists.read(
        JSON.stringify([query.tag, query.top, query.limit, query.page, query.after?.publishedAt, query.after?.slug]),
        now,
        () => readList(db, query, now),
        (result) => result.nextScheduledMs,
      ),
  };
}
