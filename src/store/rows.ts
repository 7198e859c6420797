/** How an article is laid out in the `articles` table (migrations/0001_archive.sql), both ways. */
import type {
  Article,
  ArticleAuthor,
  ArticleMeta,
  Correction,
  LeadImage,
  LiveCoverage,
  LiveUpdate,
} from '../content/types.ts';
import { deflateText, inflateText } from '../lib/deflate.ts';
import type { ImageSize } from '../media/types.ts';

/** Columns every list reads: everything but the body. */
export const META_COLUMNS =
  'a.slug, a.file, a.title, a.published_at, a.published_ms, a.updated_at, a.summary, a.author, a.source, a.image, a.tags, a.top, a.breaking, a.authors, a.live, a.reading_minutes, a.version, a.card';

/** Columns an article page reads. */
export const ARTICLE_COLUMNS = `${META_COLUMNS}, a.body, a.body_images, a.live_updates, a.corrections`;

/** A row as D1 returns it for META_COLUMNS (and ARTICLE_COLUMNS). */
export interface MetaRow {
  slug: string;
  file: string;
  title: string;
  published_at: string;
  published_ms: number;
  updated_at: string;
  summary: string;
  author: string;
  source: string | null;
  image: string | null;
  tags: string;
  top: number;
  breaking: number;
  authors: string;
  live: string | null;
  reading_minutes: number;
  version: string;
  card: string | null;
}

/**
 * `articles.body` as D1 returns it: the markdown deflated (a BLOB, as bytes or, through D1's JSON, an array of
 * numbers), or the markdown itself in a row written before bodies were stored deflated (migrations/0009).
 */
export type StoredBody = string | ArrayBuffer | Uint8Array | number[];

export interface ArticleRow extends MetaRow {
  body: StoredBody;
  body_images: string;
  live_updates: string;
  corrections: string;
}

/** An article row's list fields. */
export function metaFromRow(row: MetaRow): ArticleMeta {
  return {
    slug: row.slug,
    file: row.file,
    title: row.title,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    summary: row.summary,
    author: row.author,
    source: row.source,
    image: row.image === null ? null : (JSON.parse(row.image) as LeadImage),
    tags: JSON.parse(row.tags) as string[],
    top: row.top === 1,
    breaking: row.breaking === 1,
    authors: JSON.parse(row.authors) as ArticleAuthor[],
    live: row.live === null ? null : (JSON.parse(row.live) as LiveCoverage),
    readingTimeMinutes: row.reading_minutes,
    version: row.version,
    ...(row.card === null ? {} : { card: row.card }),
  };
}

/** The stored form of an article's markdown body: raw DEFLATE, a third of its UTF-8 size for Arabic text. */
export const packBody = (markdown: string): Promise<Uint8Array> => deflateText(markdown);

/** The markdown of a stored body (see `StoredBody`). */
export async function unpackBody(stored: StoredBody): Promise<string> {
  return typeof stored === 'string' ? stored : inflateText(new Uint8Array(stored));
}

/** An article from its row and its body, unpacked (`unpackBody`). */
export function articleFromRow(row: ArticleRow, body: string): Article {
  return {
    ...metaFromRow(row),
    body,
    bodyImages: JSON.parse(row.body_images) as Record<string, ImageSize>,
    liveUpdates: JSON.parse(row.live_updates) as LiveUpdate[],
    corrections: JSON.parse(row.corrections) as Correction[],
  };
}

/** The instant an article is published, in epoch milliseconds (what `published_ms` holds). */
export const publishedMs = (article: Pick<ArticleMeta, 'publishedAt'>) => Date.parse(article.publishedAt);

/**
 * The bound values of an article row, in the column order of `ARTICLE_INSERT_COLUMNS`, with its body as stored
 * (`packBody`).
 */
export function articleValues(
  article: Article,
  sourceHash: string,
  body: Uint8Array | string,
): (string | number | null | Uint8Array)[] {
  return [
    article.slug,
    article.file,
    article.title,
    article.publishedAt,
    publishedMs(article),
    article.updatedAt,
    article.summary,
    article.author,
    article.source,
    article.image === null ? null : JSON.stringify(article.image),
    JSON.stringify(article.tags),
    article.top ? 1 : 0,
    article.breaking ? 1 : 0,
    JSON.stringify(article.authors),
    article.live === null ? null : JSON.stringify(article.live),
    article.readingTimeMinutes,
    body,
    JSON.stringify(article.bodyImages),
    JSON.stringify(article.liveUpdates),
    JSON.stringify(article.corrections),
    article.version,
    sourceHash,
    article.card ?? null,
  ];
}

export const ARTICLE_INSERT_COLUMNS =
  'slug, file, title, published_at, published_ms, updated_at, summary, author, source, image, tags, top, breaking, authors, live, reading_minutes, body, body_images, live_updates, corrections, version, source_hash, card';
