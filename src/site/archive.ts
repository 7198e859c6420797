/**
 * The archive as the site sees it: D1 reads behind the isolate's caches. A key read within its freshness
 * (src/cache/isolate.ts: 50 s, a minute for a slug the primary said is missing) costs no query; a failed read serves the last copy when the isolate has one, else throws StoreUnavailable (a 503).
 */

import type { Entry } from '../cache/fresh.ts';
import type { IsolateCaches } from '../cache/isolate.ts';
import { ARCHIVE_FRESH_MS, PROMISED_FRESHNESS_MS } from '../cache/isolate.ts';
import { type ArticleLookup, lookUpArticle } from '../store/articles.ts';
import { type AuthorRecord, readAuthor, readAuthors } from '../store/authors.ts';
import { type ChromeRead, readChrome } from '../store/chrome.ts';
import { type CorrectionEntry, readCorrections } from '../store/corrections.ts';
import { type FrontRead, readFront } from '../store/front.ts';
import { type ListQuery, type ListResult, readList } from '../store/lists.ts';
import type { RequestReads } from '../store/session.ts';

/** How many top articles the chrome reads: the front page's lead and four more, and one spare. */
export const CHROME_TOP = 6;

export interface Archive {
  /** What the archive knows about a slug (NFC-normalized by the caller). */
  article(slug: string): Promise<ArticleLookup>;
  /** One page of a list, newest first. */
  list(query: ListQuery): Promise<ListResult>;
  /** Sections, top articles and the breaking one: what every page's chrome shows. */
  chrome(): Promise<ChromeRead>;
  /** The front page's latest articles and section blocks, for these section slugs. */
  front(sections: readonly string[]): Promise<FrontRead>;
  /** A writer by slug, or null. */
  author(slug: string): Promise<AuthorRecord | null>;
  /** Every writer, by name. */
  authors(): Promise<AuthorRecord[]>;
  /** Page `page` of the latest corrections (20 a page). */
  corrections(page: number): Promise<{ items: CorrectionEntry[]; hasMore: boolean }>;
  /** Until when everything read through this archive so far stays fresh: a page made from it may be reused until then. */
  validUntil(): number;
  /** Notes a moment at which what was read changes by the clock alone (a live coverage ends): validUntil stops there. */
  changesAt(ms: number): void;
}

/** Corrections per page of /corrections. */
export const CORRECTIONS_PER_PAGE = 20;

/** How many articles the front page reads: the latest 20 (and one to know a page 2 exists); 12 per section. */
const FRONT_LATEST = 20;
const FRONT_PER_SECTION = 12;

type ArchiveCaches = Pick<
  IsolateCaches,
  'articles' | 'lists' | 'chrome' | 'fronts' | 'authors' | 'authorIndex' | 'corrections'
>;

/** The archive for one request: this request's D1 reads, the isolate's caches and the request's time. */
export function openArchive(reads: RequestReads, caches: ArchiveCaches, now: number): Archive {
  const db = reads.session;
  let validUntil = Number.POSITIVE_INFINITY;
  const noted = <V>({ value, freshUntil }: Entry<V>): V => {
    validUntil = Math.min(validUntil, freshUntil);
    return value;
  };
  return {
    // A slug the primary itself said is missing is trusted for the whole minute (no replica lag to allow for).
    article: async (slug) =>
      noted(
        await caches.articles.readEntry(
          slug,
          now,
          () => lookUpArticle(reads, slug, now),
          (lookup) =>
            lookup.kind === 'missing' && lookup.confirmedAt !== undefined
              ? lookup.confirmedAt + PROMISED_FRESHNESS_MS
              : now + ARCHIVE_FRESH_MS,
        ),
      ),
    list: async (query) =>
      noted(
        await caches.lists.readEntry(
          JSON.stringify([
            query.tag,
            query.top,
            query.section,
            query.breaking,
            query.author,
            query.limit,
            query.page,
            query.after?.publishedAt,
            query.after?.slug,
          ]),
          now,
          () => readList(db, query, now),
          (result) => result.nextScheduledMs,
        ),
      ),
    chrome: async () =>
      noted(
        await caches.chrome.readEntry(
          'chrome',
          now,
          () => readChrome(db, now, CHROME_TOP),
          (read) => read.changesAt,
        ),
      ),
    front: async (sections) =>
      noted(
        await caches.fronts.readEntry(
          sections.join('\n'),
          now,
          () => readFront(db, now, { sections, latest: FRONT_LATEST, perSection: FRONT_PER_SECTION }),
          (read) => {
            const times = [read.latest.nextScheduledMs].filter((t): t is number => t !== null);
            return times.length > 0 ? Math.min(...times) : null;
          },
        ),
      ),
    author: async (slug) => noted(await caches.authors.readEntry(slug, now, () => readAuthor(db, slug))),
    authors: async () => noted(await caches.authorIndex.readEntry('all', now, () => readAuthors(db))),
    corrections: async (page) =>
      noted(
        await caches.corrections.readEntry(page, now, () =>
          readCorrections(db, now, { limit: CORRECTIONS_PER_PAGE, offset: (page - 1) * CORRECTIONS_PER_PAGE }),
        ),
      ),
    validUntil: () => validUntil,
    changesAt: (ms) => {
      if (ms > now) validUntil = Math.min(validUntil, ms);
    },
  };
}
