/** RSS 2.0 for the site feed and the tag feeds, with content:encoded, Dublin Core and Media RSS. */
import { xmlAttribute, xmlText } from '../lib/xml.ts';
import { articleUrls } from '../paths.ts';
import { SITE_LANG } from '../site.ts';
import { absoluteBodyHtml, htmlFromText } from './absolute-html.ts';
import { FEED_TTL_MINUTES, type FeedChannel, type FeedEntry, imageMediaType } from './feed-data.ts';
import { rfc822Date, rfc822FromEpoch } from './rfc822.ts';

const NAMESPACES = [
  'xmlns:atom="http://www.w3.org/2005/Atom"',
  'xmlns:content="http://purl.org/rss/1.0/modules/content/"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:media="http://search.yahoo.com/mrss/"',
].join(' ');

export interface RssOptions {
  /** Used for lastBuildDate only when there are no entries; otherwise it is the newest `updatedAt`. */
  now: number;
  /** Minutes a reader may cache the feed; default FEED_TTL_MINUTES. */
  ttl?: number;
}

const element = (name: string, text: string) => `<${name}>${xmlText(text)}</${name}>`;

function item(siteUrl: string, { article, bodyHtml }: FeedEntry): string {
  const urls = articleUrls(siteUrl, article);
  const parts = [
    element('title', article.title),
    element('link', urls.canonical),
    `<guid isPermaLink="true">${xmlText(urls.canonical)}</guid>`,
    element('pubDate', rfc822Date(article.publishedAt)),
    // Readers render description as HTML: the plain-text summary is escaped for HTML, then for XML.
    element('description', htmlFromText(article.summary)),
    element('content:encoded', absoluteBodyHtml(bodyHtml, urls.canonical)),
    ...article.tags.map((tag) => element('category', tag)),
    // The named writers when there are any, else the desk or wire byline.
    ...(article.authors.length > 0 ? article.authors.map((a) => a.name) : [article.author]).map((name) =>
      element('dc:creator', name),
    ),
  ];
  if (article.image && urls.image) {
    const type = imageMediaType(urls.image);
    const { width, height } = article.image;
    parts.push(
      `<media:content url="${xmlAttribute(urls.image)}" medium="image"` +
        (type ? ` type="${type}"` : '') +
        (width && height ? ` width="${width}" height="${height}"` : '') +
        `>${element('media:description', article.image.alt)}</media:content>`,
    );
  }
  return `<item>${parts.join('')}</item>`;
}

/**
 * The feed as an RSS 2.0 document. `entries` are the articles to list, newest first, each with its sanitized
 * body HTML; every text from an article is cleaned and escaped by lib/xml.ts and every URL is absolute.
 * lastBuildDate is the newest `updatedAt` among the entries (so the output, and its ETag, only change when an
 * article does), or `options.now` for an empty feed.
 */
export function renderRss(siteUrl: string, channel: FeedChannel, entries: FeedEntry[], options: RssOptions): string {
  const newest = entries.reduce<{ at: number; iso: string } | null>((best, { article }) => {
    const at = Date.parse(article.updatedAt);
    return best && best.at >= at ? best : { at, iso: article.updatedAt };
  }, null);
  const head = [
    element('title', channel.title),
    element('link', channel.homeUrl),
    element('description', channel.description),
    element('language', SITE_LANG),
    `<atom:link href="${xmlAttribute(channel.feedUrl)}" rel="self" type="application/rss+xml"/>`,
    element('lastBuildDate', newest ? rfc822Date(newest.iso) : rfc822FromEpoch(options.now)),
    element('ttl', String(options.ttl ?? FEED_TTL_MINUTES)),
  ];
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" ${NAMESPACES}><channel>` +
    `${head.join('')}\n${entries.map((e) => item(siteUrl, e)).join('\n')}\n</channel></rss>\n`
  );
}
