/**
 * The one home of per-isolate state: every cache the app keeps between requests is created here, once per
 * isolate by src/index.ts and once per test app, and handed to routes through AppDeps.
 */
import type { Token } from 'marked';
import { Lru } from '../lib/lru.ts';
import type { PageTemplate } from '../lib/page-template.ts';
import type { FoundPage } from '../search/results.ts';
import type { ArticleLookup } from '../store/articles.ts';
import type { AuthorRecord } from '../store/authors.ts';
import type { ChromeRead } from '../store/chrome.ts';
import type { CorrectionEntry } from '../store/corrections.ts';
import type { FrontRead } from '../store/front.ts';
import type { ListResult } from '../store/lists.ts';
import { FreshCache } from './fresh.ts';
import { Memo } from './memo.ts';

/** The freshness the site promises: a publish shows on every route within a minute. */
export const PROMISED_FRESHNESS_MS = 60_000;
/**
 * How far behind the primary a read replica may answer: D1 publishes no figure, only that replicas catch up within
 * seconds (docs/operations.md, "Read replicas").
 */
export const REPLICA_LAG_BUDGET_MS = 10_000;
/**
 * How long the isolate trusts what it read from D1: the promised minute less the replica's lag, so a read answered
 * by a replica a few seconds behind still shows a publish within the minute.
 */
export const ARCHIVE_FRESH_MS = PROMISED_FRESHNESS_MS - REPLICA_LAG_BUDGET_MS;

/** A live article's intro and each update's body, rendered (sanitized HTML or AMP markup). */
export interface LiveBodies {
  intro: string;
  updates: string[];
}

/** A serialized answer, encoded and hashed once. */
export interface EncodedBody {
  bytes: Uint8Array<ArrayBuffer>;
  etag: string;
  /** What it shows, as cache tags (site/tags.ts). */
  tags?: string[];
}

export interface IsolateCaches {
  /**
   * Article lookups by slug (found, gone or missing), trusted for ARCHIVE_FRESH_MS; a "missing" the primary itself
   * gave, for the whole PROMISED_FRESHNESS_MS.
   */
  articles: FreshCache<string, ArticleLookup>;
  /** List pages by list, page and limit, trusted for ARCHIVE_FRESH_MS. */
  lists: FreshCache<string, ListResult>;
  /** Sections, top and breaking articles (every page's chrome), trusted for ARCHIVE_FRESH_MS or until the bar expires. */
  chrome: FreshCache<'chrome', ChromeRead>;
  /** Writers by slug (null: none), and all of them for /authors, trusted for ARCHIVE_FRESH_MS. */
  authors: FreshCache<string, AuthorRecord | null>;
  authorIndex: FreshCache<'all', AuthorRecord[]>;
  /** Pages of the latest corrections by page number, trusted for ARCHIVE_FRESH_MS. */
  corrections: FreshCache<number, { items: CorrectionEntry[]; hasMore: boolean }>;
  /** The front page's latest articles and section blocks, by the sections' slugs, trusted for ARCHIVE_FRESH_MS. */
  fronts: FreshCache<string, FrontRead>;
  /** Pages of search results (no bodies) by normalized query, size and offset, trusted for ARCHIVE_FRESH_MS. */
  search: FreshCache<string, FoundPage>;
  /** Feeds and sitemaps, encoded, by path: read from D1 and rendered at most once per ARCHIVE_FRESH_MS. */
  documents: FreshCache<string, EncodedBody>;
  /** Rendered page templates, keyed by everything they show (article versions, site URL, flavor). */
  pages: Memo<string, PageTemplate>;
  /** The template each page URL showed, until the archive reads it was made from need reloading. */
  pagesByUrl: Lru<string, { template: PageTemplate; validUntil: number }>;
  /** Serialized JSON answers, keyed like pages. */
  json: Memo<string, EncodedBody>;
  /** Lexed markdown by article version. */
  tokens: Memo<string, Token[]>;
  /** Rendered bodies (HTML, AMP, text) by article version and flavor. */
  bodies: Memo<string, string>;
  /** A live article's intro and updates rendered apart, by article version and flavor. */
  liveBodies: Memo<string, LiveBodies>;
  /** The header's temperature line, rendered once per shown value, with its hash. */
  temperatureLines: Lru<number | null, { html: string; hash: string }>;
  /** The masthead's date line, rendered once per Beirut day, with its hash. */
  dateLines: Lru<string, { html: string; hash: string }>;
  /** Error page templates by status. */
  errorPages: Lru<number, PageTemplate>;
}

export function createIsolateCaches(): IsolateCaches {
  return {
    // Sized for the 128 MB isolate: an article (up to 100 KB of markdown) is held as a row, tokens, bodies and pages.
    articles: new FreshCache(256, PROMISED_FRESHNESS_MS),
    lists: new FreshCache(256, ARCHIVE_FRESH_MS),
    chrome: new FreshCache(1, ARCHIVE_FRESH_MS),
    authors: new FreshCache(64, ARCHIVE_FRESH_MS),
    authorIndex: new FreshCache(1, ARCHIVE_FRESH_MS),
    corrections: new FreshCache(16, ARCHIVE_FRESH_MS),
    fronts: new FreshCache(2, ARCHIVE_FRESH_MS),
    documents: new FreshCache(64, ARCHIVE_FRESH_MS),
    search: new FreshCache(128, ARCHIVE_FRESH_MS),
    pages: new Memo(256),
    pagesByUrl: new Lru(256),
    json: new Memo(256),
    tokens: new Memo(64),
    bodies: new Memo(256),
    liveBodies: new Memo(16),
    temperatureLines: new Lru(64),
    dateLines: new Lru(4),
    errorPages: new Lru(8),
  };
}
