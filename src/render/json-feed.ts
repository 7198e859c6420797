/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1) with the same items as the RSS feed. */
import { cleanText } from '../lib/xml.ts';
import { absoluteUrl, articleUrls, authorPath } from '../paths.ts';
import { SITE_LANG } from '../site.ts';
import { absoluteBodyHtml } from './absolute-html.ts';
import type { FeedChannel, FeedEntry } from './feed-data.ts';

/** A JSON Feed 1.1 item as this site writes it. */
export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  content_html: string;
  summary: string;
  image?: string;
  tags?: string[];
  date_published: string;
  date_modified: string;
  authors: { name: string; url?: string }[];
  language: string;
}

/** A JSON Feed 1.1 document as this site writes it. */
export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  items: JsonFeedItem[];
}

function feedItem(siteUrl: string, { article, bodyHtml }: FeedEntry): JsonFeedItem {
  const urls = articleUrls(siteUrl, article);
  return {
    id: urls.canonical,
    url: urls.canonical,
    title: cleanText(article.title),
    content_html: cleanText(absoluteBodyHtml(bodyHtml, urls.canonical)),
    summary: cleanText(article.summary),
    ...(urls.image ? { image: urls.image } : {}),
    ...(article.tags.length > 0 ? { tags: article.tags.map(cleanText) } : {}),
    date_published: article.publishedAt,
    date_modified: article.updatedAt,
    // The named writers with their pages when there are any, else the desk or wire byline.
    authors:
      article.authors.length > 0
        ? article.authors.map((a) => ({ name: cleanText(a.name), url: absoluteUrl(siteUrl, authorPath(a.slug)) }))
        : [{ name: cleanText(article.author) }],
    language: SITE_LANG,
  };
}

/** The feed as a JSON Feed 1.1 object; entries newest first, texts cleaned like the XML feeds'. */
function jsonFeed(siteUrl: string, channel: FeedChannel, entries: FeedEntry[]): JsonFeed {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: cleanText(channel.title),
    home_page_url: channel.homeUrl,
    feed_url: channel.feedUrl,
    description: cleanText(channel.description),
    language: SITE_LANG,
    items: entries.map((e) => feedItem(siteUrl, e)),
  };
}

/** The feed serialized, ready to send as `application/feed+json`. */
export function renderJsonFeed(siteUrl: string, channel: FeedChannel, entries: FeedEntry[]): string {
  return JSON.stringify(jsonFeed(siteUrl, channel, entries));
}
