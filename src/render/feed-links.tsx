/** `<link rel="alternate">` elements that let browsers and readers find the feeds of a page. */
import {
  authorFeedPath,
  CORRECTIONS_FEED_PATH,
  FEED_PATH,
  JSON_FEED_PATH,
  sectionFeedPath,
  tagFeedPath,
} from '../paths.ts';
import { SITE_NAME } from '../site.ts';
import type { AuthorLink, SectionLink } from './page-data.ts';

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

/** The feeds a section page links: the site's, then the section's RSS feed (`/sections/<slug>/feed.xml`). */
export function sectionFeeds(section: SectionLink): FeedLink[] {
  return [
    ...SITE_FEEDS,
    { type: 'application/rss+xml', title: `${section.name} | ${SITE_NAME}`, href: sectionFeedPath(section.slug) },
  ];
}

/** The feeds a writer's page links: the site's, then the writer's RSS feed (`/authors/<slug>/feed.xml`). */
export function authorFeeds(author: Pick<AuthorLink, 'slug' | 'name'>): FeedLink[] {
  return [
    ...SITE_FEEDS,
    { type: 'application/rss+xml', title: `${author.name} | ${SITE_NAME}`, href: authorFeedPath(author.slug) },
  ];
}

/** The feeds the corrections page links: the site's, then the corrections' RSS feed. */
export const CORRECTIONS_FEEDS: readonly FeedLink[] = [
  ...SITE_FEEDS,
  { type: 'application/rss+xml', title: `تصحيحات | ${SITE_NAME}`, href: CORRECTIONS_FEED_PATH },
];

export function FeedLinks({ feeds }: { feeds: readonly FeedLink[] }) {
  return (
    <>
      {feeds.map((feed) => (
        <link rel="alternate" type={feed.type} title={feed.title} href={feed.href} />
      ))}
    </>
  );
}
