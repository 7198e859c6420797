/** Feeds of the newest articles: the site's RSS and JSON Feed, a tag's RSS and a section's RSS. */
import {
  absoluteUrl,
  authorFeedPath,
  authorListPath,
  JSON_FEED_PATH,
  sectionFeedPath,
  sectionListPath,
} from '../paths.ts';
import { FEED_LIMIT, type FeedChannel, type FeedEntry, siteFeedChannel, tagFeedChannel } from '../render/feed-data.ts';
import { renderJsonFeed } from '../render/json-feed.ts';
import { renderRss } from '../render/rss.ts';
import { SITE_NAME } from '../site.ts';
import type { ListFilter } from '../store/list-names.ts';
import { readNewestWithBodies } from '../store/lists.ts';
import { articleBody } from './bodies.ts';
import { documentAt } from './documents.ts';
import type { SiteRequest } from './request.ts';
import { authorTag, FEEDS_TAG, HOME_TAG, sectionTag, tagListTag } from './tags.ts';

/** The tags of a feed's list: a feed changes when its list does. */
const listTags = (filter: ListFilter): string[] => {
  if (filter.tag !== undefined) return [tagListTag(filter.tag)];
  if (filter.section !== undefined) return [sectionTag(filter.section)];
  if (filter.author !== undefined) return [authorTag(filter.author)];
  return [HOME_TAG];
};

/** The newest articles of a list with their sanitized bodies. */
async function feedEntries(req: SiteRequest, filter: ListFilter): Promise<FeedEntry[]> {
  const { items } = await readNewestWithBodies(req.db, filter, FEED_LIMIT, req.now);
  return Promise.all(
    items.map(async (article) => ({ article, bodyHtml: await articleBody(req.caches, article, 'html') })),
  );
}

/** An RSS feed; null for a tag with no visible article (no feed: unknown tags are not told apart from empty ones). */
function rss(req: SiteRequest, path: string, filter: ListFilter, channel: FeedChannel) {
  return documentAt(req, path, [FEEDS_TAG, ...listTags(filter)], async () => {
    const entries = await feedEntries(req, filter);
    if (entries.length === 0 && filter.tag !== undefined) return null;
    return renderRss(req.siteUrl, channel, entries, { now: req.now });
  });
}

/** The site's RSS feed. */
export const siteRss = (req: SiteRequest, path: string) => rss(req, path, {}, siteFeedChannel(req.siteUrl));

/** A tag's RSS feed. */
export const tagRss = (req: SiteRequest, path: string, tag: string) =>
  rss(req, path, { tag }, tagFeedChannel(req.siteUrl, tag));

/** A section's RSS feed; null for an unknown section. */
export async function sectionRss(req: SiteRequest, path: string, slug: string) {
  const section = (await req.archive.chrome()).sections.find((s) => s.slug === slug);
  if (!section) return null;
  const channel: FeedChannel = {
    title: `${section.name} | ${SITE_NAME}`,
    description: `آخر أخبار قسم «${section.name}» من ${SITE_NAME}.`,
    homeUrl: absoluteUrl(req.siteUrl, sectionListPath(slug)),
    feedUrl: absoluteUrl(req.siteUrl, sectionFeedPath(slug)),
  };
  return rss(req, path, { section: slug }, channel);
}

/** A writer's RSS feed; null for an unknown writer. */
export async function authorRss(req: SiteRequest, path: string, slug: string) {
  const author = await req.archive.author(slug);
  if (!author) return null;
  const channel: FeedChannel = {
    title: `${author.name} | ${SITE_NAME}`,
    description: `مقالات ${author.name} في ${SITE_NAME}.`,
    homeUrl: absoluteUrl(req.siteUrl, authorListPath(slug)),
    feedUrl: absoluteUrl(req.siteUrl, authorFeedPath(slug)),
  };
  return rss(req, path, { author: slug }, channel);
}

/** The site's JSON Feed. */
export const siteJsonFeed = (req: SiteRequest, path: string) =>
  documentAt(req, path, [FEEDS_TAG, HOME_TAG], async () =>
    renderJsonFeed(req.siteUrl, siteFeedChannel(req.siteUrl, JSON_FEED_PATH), await feedEntries(req, {})),
  );
