/** URL paths of the site's pages and API, and absolute URLs built from the configured SITE_URL. */

export const articlePath = (slug: string) => `/articles/${encodeURIComponent(slug)}`;
export const ampPath = (slug: string) => `${articlePath(slug)}/amp`;
export const apiArticlePath = (slug: string) => `/api/articles/${encodeURIComponent(slug)}`;

/** Joins SITE_URL (never the request's Host) with a path. */
export function absoluteUrl(siteUrl: string, path: string): string {
  return new URL(path, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).toString();
}
