/** Feeds of the newest articles: RSS 2.0 (/feed.xml, /tags/<tag>/feed.xml) and JSON Feed 1.1 (/feed.json). */
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../deps.ts';
import { Hono } from '../lib/hono.ts';
import { JSON_FEED_PATH } from '../paths.ts';
import { FEED_LIMIT, type FeedChannel, type FeedEntry, siteFeedChannel, tagFeedChannel } from '../render/feed-data.ts';
import { renderJsonFeed } from '../render/json-feed.ts';
import { renderRss } from '../render/rss.ts';
import type { ListFilter } from '../store/list-names.ts';
import { readNewestWithBodies } from '../store/lists.ts';
import { articleBody } from './bodies.ts';
import { sendDocument } from './documents.ts';
import { notFoundPage } from './errors.tsx';
import { tagFromUrl } from './lists.tsx';

const RSS_TYPE = 'application/rss+xml; charset=utf-8';
const JSON_FEED_TYPE = 'application/feed+json; charset=utf-8';

/** The newest articles of a list with their sanitized bodies (empty for an unknown tag). */
async function feedEntries(c: Context<AppEnv>, deps: AppDeps, filter: ListFilter, now: number): Promise<FeedEntry[]> {
  const { items } = await readNewestWithBodies(c.env.DB, filter, FEED_LIMIT, now);
  return Promise.all(
    items.map(async (article) => ({ article, bodyHtml: await articleBody(deps.caches, article, 'html') })),
  );
}

function rss(c: Context<AppEnv>, deps: AppDeps, filter: ListFilter, channel: FeedChannel) {
  return sendDocument(
    c,
    deps,
    RSS_TYPE,
    async (now) => {
      const entries = await feedEntries(c, deps, filter, now);
      // A tag with no visible article has no feed.
      if (entries.length === 0 && filter.tag !== undefined) return null;
      return renderRss(c.env.SITE_URL, channel, entries, { now });
    },
    () => notFoundPage(c, deps),
  );
}

export function feedRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/feed.xml', (c) => rss(c, deps, {}, siteFeedChannel(c.env.SITE_URL)));

  app.get('/feed.json', (c) =>
    sendDocument(
      c,
      deps,
      JSON_FEED_TYPE,
      async (now) =>
        renderJsonFeed(
          c.env.SITE_URL,
          siteFeedChannel(c.env.SITE_URL, JSON_FEED_PATH),
          await feedEntries(c, deps, {}, now),
        ),
      () => notFoundPage(c, deps),
    ),
  );

  app.get('/tags/:tag/feed.xml', (c) => {
    const tag = tagFromUrl(c.req.param('tag'));
    if (tag === null) return notFoundPage(c, deps);
    return rss(c, deps, { tag }, tagFeedChannel(c.env.SITE_URL, tag));
  });

  return app;
}
