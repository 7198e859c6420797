/** URL paths of the site's pages and API, and absolute URLs built from the configured SITE_URL. */
import type { ArticleMeta } from './content/types.ts';
import { mediaPath } from './media/keys.ts';
import { SITE_LOGO } from './site.ts';

export const articlePath = (slug: string) => `/articles/${encodeURIComponent(slug)}`;
export const ampPath = (slug: string) => `${articlePath(slug)}/amp`;
export const apiArticlePath = (slug: string) => `/api/articles/${encodeURIComponent(slug)}`;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A tag's page: `/tags/<percent-encoded tag>`. A lone surrogate, which percent-encoding cannot express, becomes
 * U+FFFD (as a browser would send it) instead of throwing.
 */
export const tagPath = (tag: string) => `/tags/${encodeURIComponent(tag.replace(LONE_SURROGATE, '\ufffd'))}`;

/**
 * Page `page` (1-based) of the front page (`tag` null) or of a tag's list. Page 1 is `/` or `/tags/<tag>`
 * itself, never a `/page/1` duplicate; page N is `/page/N` or `/tags/<tag>/page/N`.
 */
export function listPath(tag: string | null, page = 1): string {
  const first = tag === null ? '/' : tagPath(tag);
  if (page <= 1) return first;
  return tag === null ? `/page/${page}` : `${first}/page/${page}`;
}

/** A section's page: `/sections/<percent-encoded slug>`. */
export const sectionPath = (slug: string) => `/sections/${encodeURIComponent(slug)}`;

/** Page `page` (1-based) of a section: its page itself, then `/sections/<slug>/page/N`. */
export const sectionListPath = (slug: string, page = 1) =>
  page <= 1 ? sectionPath(slug) : `${sectionPath(slug)}/page/${page}`;

/** A section's RSS 2.0 feed: `/sections/<slug>/feed.xml`. */
export const sectionFeedPath = (slug: string) => `${sectionPath(slug)}/feed.xml`;

/** Every writer's page: `/authors`. */
export const AUTHORS_PATH = '/authors';
/** A writer's page: `/authors/<percent-encoded slug>`. */
export const authorPath = (slug: string) => `${AUTHORS_PATH}/${encodeURIComponent(slug)}`;
/** Page `page` (1-based) of a writer's articles: their page itself, then `/authors/<slug>/page/N`. */
export const authorListPath = (slug: string, page = 1) =>
  page <= 1 ? authorPath(slug) : `${authorPath(slug)}/page/${page}`;
/** A writer's RSS 2.0 feed: `/authors/<slug>/feed.xml`. */
export const authorFeedPath = (slug: string) => `${authorPath(slug)}/feed.xml`;

/** The latest corrections across the archive, page 1 (`/corrections`) and page N (`/corrections/page/N`). */
export const CORRECTIONS_PATH = '/corrections';
export const correctionsListPath = (page = 1) => (page <= 1 ? CORRECTIONS_PATH : `${CORRECTIONS_PATH}/page/${page}`);
/** The corrections' RSS 2.0 feed. */
export const CORRECTIONS_FEED_PATH = `${CORRECTIONS_PATH}/feed.xml`;

/** The site's RSS 2.0 feed. */
export const FEED_PATH = '/feed.xml';
/** The site's JSON Feed 1.1. */
export const JSON_FEED_PATH = '/feed.json';
/** A tag's RSS 2.0 feed: `/tags/<percent-encoded tag>/feed.xml`. */
export const tagFeedPath = (tag: string) => `${tagPath(tag)}/feed.xml`;

/** The sitemap index, listing the monthly sitemaps and the pages sitemap. */
export const SITEMAP_INDEX_PATH = '/sitemap.xml';
/** The sitemap of the front page and the tag pages. */
export const PAGES_SITEMAP_PATH = '/sitemaps/pages.xml';
/** The Google News sitemap (articles of the last 48 hours). */
export const NEWS_SITEMAP_PATH = '/news-sitemap.xml';

/**
 * A month's sitemap (`month` is `YYYY-MM`, Beirut time). A month with more than 50,000 articles is split:
 * part 1 is `/sitemaps/YYYY-MM.xml`, part N is `/sitemaps/YYYY-MM-N.xml` (see parseMonthSitemapName).
 */
export const monthSitemapPath = (month: string, part = 1) =>
  part <= 1 ? `/sitemaps/${month}.xml` : `/sitemaps/${month}-${part}.xml`;

/**
 * Reads the file name of a monthly sitemap (`2023-09.xml`, `2023-09-2.xml`) back into month and part, or null
 * when it is not one (so `pages.xml`, `2023-13.xml`, `2023-09-1.xml` and `2023-09-01.xml` are null).
 */
export function parseMonthSitemapName(name: string): { month: string; part: number } | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])(?:-([2-9]|[1-9]\d+))?\.xml$/.exec(name);
  if (!m) return null;
  return { month: `${m[1]}-${m[2]}`, part: m[3] ? Number(m[3]) : 1 };
}

/** Joins SITE_URL (never the request's Host) with a path. Absolute URLs pass through. */
export function absoluteUrl(siteUrl: string, path: string): string {
  return new URL(path, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).toString();
}

/** Absolute URLs of an article's outputs, all built from SITE_URL. */
export interface ArticleUrls {
  canonical: string;
  amp: string;
  json: string;
  /** Absolute URL of the lead image (its default JPEG/PNG variant when published to R2), or null. */
  image: string | null;
  /** Absolute URL of the share card (og:image), or null when the article was published without one. */
  card: string | null;
  logo: string;
}

export function articleUrls(siteUrl: string, article: ArticleMeta): ArticleUrls {
  return {
    canonical: absoluteUrl(siteUrl, articlePath(article.slug)),
    amp: absoluteUrl(siteUrl, ampPath(article.slug)),
    json: absoluteUrl(siteUrl, apiArticlePath(article.slug)),
    image: article.image
      ? absoluteUrl(siteUrl, article.image.media ? mediaPath(article.image.media.fallback.key) : article.image.src)
      : null,
    card: article.card ? absoluteUrl(siteUrl, mediaPath(article.card)) : null,
    logo: absoluteUrl(siteUrl, SITE_LOGO.path),
  };
}
