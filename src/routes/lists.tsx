/**
 * The front page's archive (/page/N) and tag pages (/tags/<tag>, /tags/<tag>/page/N), 20 articles a page, newest
 * first. Page numbers map to index ranges, so a deep page costs what page 1 costs. Past the last page: 404.
 */
import type { Context } from 'hono';
import { MAX_TAG_LENGTH } from '../content/schema.ts';
import { normalizeSlug } from '../content/slug.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { Hono } from '../lib/hono.ts';
import { listPath } from '../paths.ts';
import { renderTemplate, TEMPERATURE_SLOT } from '../render/document.ts';
import { ListPage } from '../render/list-page.tsx';
import { notFoundPage } from './errors.tsx';
import { LIST_LIMIT, sendPageAt, topNews, versionsKey } from './pages.tsx';

/** A tag from a URL (already percent-decoded by the router), in the form tags are stored in, or null. */
export function tagFromUrl(raw: string): string | null {
  const tag = normalizeSlug(raw.trim());
  return tag && tag.length <= MAX_TAG_LENGTH ? tag : null;
}

/** A page number from a URL: 2 or more (page 1 has no number in its URL), or null. */
function pageFromUrl(raw: string): number | null {
  if (!/^[1-9]\d{0,5}$/.test(raw)) return null;
  return Number(raw);
}

function listPage(c: Context<AppEnv>, deps: AppDeps, tag: string | null, page: number): Promise<Response> {
  return sendPageAt(c, deps, async (archive) => {
    const siteUrl = c.env.SITE_URL;
    const [result, top] = await Promise.all([
      archive.list({ limit: LIST_LIMIT, page, ...(tag === null ? {} : { tag }) }),
      topNews(archive),
    ]);
    // An unknown tag, or a page past the last one.
    if (result.items.length === 0) return notFoundPage(c, deps);
    const key = `list|${siteUrl}|${tag}|${page}|${top.key}|${versionsKey(result.items)}|${result.hasMore}`;
    return deps.caches.pages.get(key, async () =>
      renderTemplate(
        <ListPage
          tag={tag}
          page={page}
          articles={result.items}
          hasOlder={result.hasMore}
          siteUrl={siteUrl}
          topNews={top.links}
          temperature={TEMPERATURE_SLOT}
        />,
      ),
    );
  });
}

export function listRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/page/:page', (c) => {
    const page = pageFromUrl(c.req.param('page'));
    if (page === null) return notFoundPage(c, deps);
    // One URL per page: /page/1 is the front page.
    if (page === 1) return c.redirect(listPath(null), 301);
    return listPage(c, deps, null, page);
  });

  app.get('/tags/:tag', (c) => {
    const tag = tagFromUrl(c.req.param('tag'));
    return tag === null ? notFoundPage(c, deps) : listPage(c, deps, tag, 1);
  });

  app.get('/tags/:tag/page/:page', (c) => {
    const tag = tagFromUrl(c.req.param('tag'));
    const page = pageFromUrl(c.req.param('page'));
    if (tag === null || page === null) return notFoundPage(c, deps);
    if (page === 1) return c.redirect(listPath(tag), 301);
    return listPage(c, deps, tag, page);
  });

  return app;
}
