/**
 * The archive as routes see it: D1 reads behind the isolate's caches. A key read within the last minute costs no
 * query; a failed read serves the last copy when the isolate has one, else throws StoreUnavailable (a 503).
 */
import type { Entry } from '../cache/fresh.ts';
import type { IsolateCaches } from '../cache/isolate.ts';
import { type ArticleLookup, readArticle } from './articles.ts';
import { type ListQuery, type ListResult, readList } from './lists.ts';

export interface Archive {
  /** What the archive knows about a slug (NFC-normalized by the caller). */
  article(slug: string): Promise<ArticleLookup>;
  /** One page of a list, newest first. */
  list(query: ListQuery): Promise<ListResult>;
  /** Until when everything read through this archive so far stays fresh: a page made from it may be reused until then. */
  validUntil(): number;
}

/** The archive for one request: this request's D1 binding, the isolate's caches and the request's time. */
export function openArchive(db: D1Database, caches: Pick<IsolateCaches, 'articles' | 'lists'>, now: number): Archive {
  let validUntil = Number.POSITIVE_INFINITY;
  const noted = <V>({ value, freshUntil }: Entry<V>): V => {
    validUntil = Math.min(validUntil, freshUntil);
    return value;
  };
  return {
    article: async (slug) => noted(await caches.articles.readEntry(slug, now, () => readArticle(db, slug, now))),
    list: async (query) =>
      noted(
        await caches.lists.readEntry(
          JSON.stringify([query.tag, query.top, query.limit, query.page, query.after?.publishedAt, query.after?.slug]),
          now,
          () => readList(db, query, now),
          (result) => result.nextScheduledMs,
        ),
      ),
    validUntil: () => validUntil,
  };
}
