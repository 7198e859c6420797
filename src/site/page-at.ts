/**
 * Pages kept per URL: a template made for a URL is reused, with no read and no key built, until one of the archive
 * reads it was made from needs reloading; a cold isolate first looks in the colo's cache, where another isolate
 * may have put it. A page that is not there (404, 410) is never kept in the isolate; a 404 the primary itself gave
 * (`sharedUntil`) goes to the colo's cache for the rest of its minute, so the colo's other isolates ask no replica
 * and no primary about that URL again within it.
 */
import type { PageTemplate } from '../render/document.ts';
import type { SiteRequest } from './request.ts';

/**
 * A page that is not there, answered by the route in its own shape: nothing there (404) or taken down (410);
 * `tags`: what would make it exist (see site/tags.ts); `sharedUntil`: until when the colo may share this 404.
 */
export type Missing = { missing: 404 | 410; tags?: string[]; sharedUntil?: number };

/** The template at `path` (keyed with SITE_URL), made by `make` when the isolate has none still valid. */
export async function pageAt(
  req: SiteRequest,
  path: string,
  make: () => Promise<PageTemplate | Missing>,
): Promise<PageTemplate | Missing> {
  const url = `${req.siteUrl}|${path}`;
  const known = req.caches.pagesByUrl.get(url);
  if (known && req.now < known.validUntil) return known.template;
  const key = { version: req.version, siteUrl: req.siteUrl, path };
  const shared = await req.colo.get(key, req.now);
  if (shared && 'missing' in shared) return { missing: shared.missing, tags: shared.tags };
  if (shared) {
    req.caches.pagesByUrl.set(url, shared);
    return shared.template;
  }
  const made = await make();
  if ('missing' in made) {
    const { missing, tags = [], sharedUntil } = made;
    if (missing === 404 && sharedUntil !== undefined) {
      req.colo.put(key, { missing, tags, validUntil: sharedUntil }, req.now, req.waitUntil);
    }
    return made;
  }
  const entry = { template: made, validUntil: req.archive.validUntil() };
  req.caches.pagesByUrl.set(url, entry);
  req.colo.put(key, entry, req.now, req.waitUntil);
  return made;
}

/**
 * The template for a view's data, rendered once per isolate for the same data (see viewKey), with the cache tags of
 * what it shows.
 */
export function rendered(
  req: SiteRequest,
  key: string,
  tags: readonly string[],
  render: () => PageTemplate | Promise<PageTemplate>,
): Promise<PageTemplate> {
  return req.caches.pages.get(key, async () => ({ ...(await render()), tags: [...new Set(tags)] }));
}
