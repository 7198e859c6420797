/** Feeds of the newest articles: RSS 2.0 (/feed.xml, a tag's, a section's) and JSON Feed 1.1 (/feed.json). */
import type { AppDeps, AppEnv } from '../deps.ts';
import { Hono } from '../lib/hono.ts';
import { sectionRss, siteJsonFeed, siteRss, tagRss } from '../site/feeds.ts';
import { tagFromUrl } from '../site/url-values.ts';
import { answerDocument, siteOf } from './answer.ts';
import { notFoundPage } from './errors.tsx';

const RSS_TYPE = 'application/rss+xml; charset=utf-8';
const JSON_FEED_TYPE = 'application/feed+json; charset=utf-8';

export function feedRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/feed.xml', async (c) => answerDocument(c, deps, RSS_TYPE, await siteRss(siteOf(c, deps), c.req.path)));
  app.get('/feed.json', async (c) =>
    answerDocument(c, deps, JSON_FEED_TYPE, await siteJsonFeed(siteOf(c, deps), c.req.path)),
  );
  app.get('/tags/:tag/feed.xml', async (c) => {
    const tag = tagFromUrl(c.req.param('tag'));
    if (tag === null) return notFoundPage(c, deps);
    return answerDocument(c, deps, RSS_TYPE, await tagRss(siteOf(c, deps), c.req.path, tag));
  });
  app.get('/sections/:slug/feed.xml', async (c) =>
    answerDocument(c, deps, RSS_TYPE, await sectionRss(siteOf(c, deps), c.req.path, c.req.param('slug'))),
  );
  return app;
}
