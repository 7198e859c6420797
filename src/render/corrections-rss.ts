/** The RSS 2.0 feed of the latest corrections: one item per correction, linking to the article it corrects. */
import { xmlAttribute, xmlText } from '../lib/xml.ts';
import { absoluteUrl, articlePath, CORRECTIONS_FEED_PATH, CORRECTIONS_PATH } from '../paths.ts';
import { SITE_LANG, SITE_NAME } from '../site.ts';
import { FEED_TTL_MINUTES } from './feed-data.ts';
import { rfc822Date, rfc822FromEpoch } from './rfc822.ts';

/** A correction with its sanitized inline HTML and the article it corrects. */
export interface CorrectionItem {
  date: string;
  html: string;
  slug: string;
  title: string;
}

const element = (name: string, text: string) => `<${name}>${xmlText(text)}</${name}>`;

/**
 * The feed, newest first. An item's guid names the article and the correction's time, so each correction is one
 * item however often the feed is read; lastBuildDate is the newest correction's (or `now` when there is none).
 */
export function renderCorrectionsRss(siteUrl: string, items: CorrectionItem[], { now }: { now: number }): string {
  const head = [
    element('title', `تصحيحات | ${SITE_NAME}`),
    element('link', absoluteUrl(siteUrl, CORRECTIONS_PATH)),
    element('description', `آخر التصحيحات على مقالات ${SITE_NAME}.`),
    element('language', SITE_LANG),
    `<atom:link href="${xmlAttribute(absoluteUrl(siteUrl, CORRECTIONS_FEED_PATH))}" rel="self" type="application/rss+xml"/>`,
    element('lastBuildDate', items[0] ? rfc822Date(items[0].date) : rfc822FromEpoch(now)),
    element('ttl', String(FEED_TTL_MINUTES)),
  ];
  const entries = items.map((c) => {
    const url = absoluteUrl(siteUrl, articlePath(c.slug));
    return `<item>${[
      element('title', `تصحيح: ${c.title}`),
      element('link', url),
      `<guid isPermaLink="false">${xmlText(`${url}#correction-${c.date}`)}</guid>`,
      element('pubDate', rfc822Date(c.date)),
      element('description', c.html),
    ].join('')}</item>`;
  });
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>` +
    `${head.join('')}\n${entries.join('\n')}\n</channel></rss>\n`
  );
}
