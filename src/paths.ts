/** URL paths of the site's pages and API, and absolute URLs built from the configured SITE_URL. */
import type { ArticleMeta } from './content/types.ts';
import { SITE_LOGO } from './site.ts';

export const articlePath = (slug: string) => `/articles/${encodeURIComponent(slug)}`;
export const ampPath = (slug: string) => `${articlePath(slug)}/amp`;
export const apiArticlePath = (slug: string) => `/api/articles/${encodeURIComponent(slug)}`;

/** Joins SITE_URL (never the request's Host) with a path. Absolute URLs pass through. */
export function absoluteUrl(siteUrl: string, path: string): string {
  return new URL(path, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).toString();
}

/** Absolute URLs of an article's outputs, all built from SITE_URL. */
export interface ArticleUrls {
  canonical: string;
  amp: string;
  json: string;
  /** Absolute URL of the lead image, or null. */
  image: string | null;
  logo: string;
}

export function articleUrls(siteUrl: string, article: ArticleMeta): ArticleUrls {
  return {
    canonical: absoluteUrl(siteUrl, articlePath(article.slug)),
    amp: absoluteUrl(siteUrl, ampPath(article.slug)),
    json: absoluteUrl(siteUrl, apiArticlePath(article.slug)),
    image: article.image ? absoluteUrl(siteUrl, article.image.src) : null,
    logo: absoluteUrl(siteUrl, SITE_LOGO.path),
  };
}
