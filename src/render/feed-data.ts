/** What RSS and JSON Feed share: the channel of the site or of a tag, and image types. */
import type { ArticleMeta } from '../content/types.ts';
import { absoluteUrl, FEED_PATH, listPath, tagFeedPath } from '../paths.ts';
import { SITE_NAME } from '../site.ts';

/** One article of a feed, with its body as sanitized HTML (markdown/render.ts, flavor "html"). */
export interface FeedEntry {
  article: ArticleMeta;
  bodyHtml: string;
}

/** Feed-level facts. Every URL is absolute, built from SITE_URL. */
export interface FeedChannel {
  title: string;
  description: string;
  /** The HTML page the feed follows: the front page or the tag's page. */
  homeUrl: string;
  /** This feed's own URL (RSS `atom:link rel="self"`, JSON Feed `feed_url`). */
  feedUrl: string;
}

/**
 * How often a feed reader should poll (RSS `ttl`, minutes): a courtesy interval for news readers; the feed itself is
 * never cached past 60 s, so a reader that polls sooner still gets it fresh.
 */
export const FEED_TTL_MINUTES = 5;

/** How many articles the site and tag feeds carry. */
export const FEED_LIMIT = 50;

/** The site-wide feed's channel. `feedPath` is FEED_PATH for RSS, JSON_FEED_PATH for JSON Feed. */
export function siteFeedChannel(siteUrl: string, feedPath: string = FEED_PATH): FeedChannel {
  return {
    title: SITE_NAME,
    description: `${SITE_NAME}: آخر الأخبار من لبنان والعالم.`,
    homeUrl: absoluteUrl(siteUrl, listPath(null)),
    feedUrl: absoluteUrl(siteUrl, feedPath),
  };
}

/** A tag feed's channel; `feedPath` defaults to the tag's RSS feed. */
export function tagFeedChannel(siteUrl: string, tag: string, feedPath: string = tagFeedPath(tag)): FeedChannel {
  return {
    title: `${tag} | ${SITE_NAME}`,
    description: `آخر الأخبار في وسم «${tag}» من ${SITE_NAME}.`,
    homeUrl: absoluteUrl(siteUrl, listPath(tag)),
    feedUrl: absoluteUrl(siteUrl, feedPath),
  };
}

const IMAGE_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
};

/** The media type of an image from its file extension, or null when the extension says nothing. */
export function imageMediaType(src: string): string | null {
  const path = src.replace(/[?#].*$/, '');
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return (ext && IMAGE_TYPES[ext]) ?? null;
}
