/** `<link rel="alternate">` elements that let browsers and readers find the feeds of a page. */
import { FEED_PATH, JSON_FEED_PATH, tagFeedPath } from '../paths.ts';
import { SITE_NAME } from '../site.ts';

/** A feed a page advertises. `href` is a site path. */
export interface FeedLink {
  type: 'application/rss+xml' | 'application/feed+json';
  title: string;
  href: string;
}

/** The site-wide feeds, RSS and JSON Feed, which every HTML page links. */
export const SITE_FEEDS: readonly FeedLink[] = [
  { type: 'application/rss+xml', title: SITE_NAME, href: FEED_PATH },
  { type: 'application/feed+json', title: `${SITE_NAME} (JSON Feed)`, href: JSON_FEED_PATH },
];

/** The feeds a tag page links: the site's, then the tag's RSS feed. */
export function tagFeeds(tag: string): FeedLink[] {
  return [...SITE_FEEDS, { type: 'application/rss+xml', title: `${tag} | ${SITE_NAME}`, href: tagFeedPath(tag) }];
}

export function FeedLinks({ feeds }: { feeds: readonly FeedLink[] }) {
  return (
    <>
      {feeds.map((feed) => (
        <link rel="alternate" type={feed.type} title={feed.title} href={feed.href} />
      ))}
    </>
  );
}
