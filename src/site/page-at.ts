/**
 * Pages kept per URL: a template made for a URL is reused, with no read and no key built, until one of the archive
 * reads it was made from needs reloading. A page that is not there (404, 410) is an answer, never kept.
 */
import type { PageTemplate } from '../render/document.ts';
import type { SiteRequest } from './request.ts';

/** A page that is not there: the route answers it in its own shape. */
export type Missing = { missing: 404 | 410 };

/** The template at `path` (keyed with SITE_URL), made by `make` when the isolate has none still valid. */
export async function pageAt(
  req: SiteRequest,
  path: string,
  make: () => Promise<PageTemplate | Missing>,
): Promise<PageTemplate | Missing> {
  const url = `${req.siteUrl}|${path}`;
  const known = req.caches.pagesByUrl.get(url);
  if (known && req.now < known.validUntil) return known.template;
  const made = await make();
  if ('missing' in made) return made;
  req.caches.pagesByUrl.set(url, { template: made, validUntil: req.archive.validUntil() });
  return made;
}

/** The template for a view's data, rendered once per isolate for the same data (see viewKey). */
export function rendered(
  req: SiteRequest,
  key: string,
  render: () => PageTemplate | Promise<PageTemplate>,
): Promise<PageTemplate> {
  return req.caches.pages.get(key, async () => render());
}
