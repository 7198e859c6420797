/**
 * Sitemaps for search engines: the index of monthly sitemaps (/sitemap.xml), each month's articles, the front
 * page and tag pages, the Google News sitemap of the last 48 hours, and robots.txt pointing at them.
 */
import type { AppDeps, AppEnv } from '../deps.ts';
import { sendCached } from '../http/conditional.ts';
import { PAGE_CACHE } from '../http/headers.ts';
import { Hono } from '../lib/hono.ts';
import { parseMonthSitemapName } from '../paths.ts';
import {
  NEWS_SITEMAP_LIMIT,
  NEWS_WINDOW_MS,
  renderMonthSitemap,
  renderNewsSitemap,
  renderPagesSitemap,
  renderRobotsTxt,
  renderSitemapIndex,
  SITEMAP_URL_LIMIT,
} from '../render/sitemap.ts';
import { readMonth, readMonths, readRecent, readTags } from '../store/sitemaps.ts';
import { encodeDocument, sendDocument } from './documents.ts';
import { notFoundPage } from './errors.tsx';

const XML_TYPE = 'application/xml; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';

/** A W3C datetime (UTC) for lastmod. */
const isoUtc = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function sitemapRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/sitemap.xml', (c) =>
    sendDocument(
      c,
      deps,
      XML_TYPE,
      async (now) => {
        const months = await readMonths(c.env.DB, now);
        const newest = months.reduce<string | null>((a, m) => (a === null || m.lastmod > a ? m.lastmod : a), null);
        return renderSitemapIndex(c.env.SITE_URL, months, newest);
      },
      () => notFoundPage(c, deps),
    ),
  );

  app.get('/sitemaps/:name', (c) => {
    const name = c.req.param('name');
    if (name === 'pages.xml') {
      return sendDocument(
        c,
        deps,
        XML_TYPE,
        async (now) => {
          const tags = await readTags(c.env.DB, now, SITEMAP_URL_LIMIT - 1);
          const newest = tags.reduce((a, t) => Math.max(a, t.newestMs), 0);
          return renderPagesSitemap(
            c.env.SITE_URL,
            newest ? isoUtc(newest) : null,
            tags.map((t) => ({ tag: t.tag, lastmod: isoUtc(t.newestMs) })),
          );
        },
        () => notFoundPage(c, deps),
      );
    }
    const month = parseMonthSitemapName(name);
    if (!month) return notFoundPage(c, deps);
    return sendDocument(
      c,
      deps,
      XML_TYPE,
      async (now) => {
        const offset = (month.part - 1) * SITEMAP_URL_LIMIT;
        const articles = await readMonth(c.env.DB, month.month, { now, limit: SITEMAP_URL_LIMIT, offset });
        return articles.length === 0 ? null : renderMonthSitemap(c.env.SITE_URL, articles);
      },
      () => notFoundPage(c, deps),
    );
  });

  app.get('/news-sitemap.xml', (c) =>
    sendDocument(
      c,
      deps,
      XML_TYPE,
      async (now) =>
        renderNewsSitemap(
          c.env.SITE_URL,
          await readRecent(c.env.DB, { now, windowMs: NEWS_WINDOW_MS, limit: NEWS_SITEMAP_LIMIT }),
        ),
      () => notFoundPage(c, deps),
    ),
  );

  app.get('/robots.txt', (c) => {
    const { bytes, etag } = encodeDocument(renderRobotsTxt(c.env.SITE_URL));
    return sendCached(c, { body: bytes, etag, contentType: TEXT_TYPE, cacheControl: PAGE_CACHE });
  });

  return app;
}
