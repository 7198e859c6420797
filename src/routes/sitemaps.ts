/**
 * Sitemaps for search engines: the index of monthly sitemaps (/sitemap.xml), each month's articles, the pages
 * sitemap (front page, sections, tags), the Google News sitemap, and robots.txt pointing at them.
 */
import type { AppDeps, AppEnv } from '../deps.ts';
import { sendCached } from '../http/conditional.ts';
import { PAGE_CACHE } from '../http/headers.ts';
import { Hono } from '../lib/hono.ts';
import { parseMonthSitemapName } from '../paths.ts';
import { renderRobotsTxt } from '../render/sitemap.ts';
import { encodeDocument } from '../site/documents.ts';
import { monthSitemap, newsSitemap, pagesSitemap, sitemapIndex } from '../site/sitemaps.ts';
import { answerDocument, siteOf } from './answer.ts';
import { notFoundPage } from './errors.tsx';

const XML_TYPE = 'application/xml; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';

export function sitemapRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/sitemap.xml', async (c) =>
    answerDocument(c, deps, XML_TYPE, await sitemapIndex(siteOf(c, deps), c.req.path)),
  );
  app.get('/sitemaps/:name', async (c) => {
    const name = c.req.param('name');
    const req = siteOf(c, deps);
    if (name === 'pages.xml') return answerDocument(c, deps, XML_TYPE, await pagesSitemap(req, c.req.path));
    const month = parseMonthSitemapName(name);
    if (!month) return notFoundPage(c, deps);
    return answerDocument(c, deps, XML_TYPE, await monthSitemap(req, c.req.path, month.month, month.part));
  });
  app.get('/news-sitemap.xml', async (c) =>
    answerDocument(c, deps, XML_TYPE, await newsSitemap(siteOf(c, deps), c.req.path)),
  );
  app.get('/robots.txt', (c) => {
    const { bytes, etag } = encodeDocument(renderRobotsTxt(c.env.SITE_URL));
    return sendCached(c, { body: bytes, etag, contentType: TEXT_TYPE, cacheControl: PAGE_CACHE });
  });
  return app;
}
