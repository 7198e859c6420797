/**
 * The latest corrections across the archive, newest first, 20 a page, each linking to the article it corrects
 * (/corrections, /corrections/page/N), and their RSS feed. A page past the last is missing.
 */
import { absoluteUrl, articlePath, CORRECTIONS_FEED_PATH, correctionsListPath } from '../paths.ts';
import { CorrectionsPage } from '../render/corrections-page.tsx';
import { renderCorrectionsRss } from '../render/corrections-rss.ts';
import { type PageTemplate, renderTemplate } from '../render/document.ts';
import type { CorrectionsPageData } from '../render/page-data.ts';
import { chromeOf } from './chrome.ts';
import { documentAt } from './documents.ts';
import { inlineHtml } from './markup.ts';
import { type Missing, pageAt, rendered } from './page-at.ts';
import type { SiteRequest } from './request.ts';
import { articleTags, CORRECTIONS_TAG, chromeTags, FEEDS_TAG } from './tags.ts';
import { viewKey } from './view-key.ts';

/** Page `page` of the latest corrections, or missing past the last (page 1 exists even when empty). */
export function correctionsPage(req: SiteRequest, page: number): Promise<PageTemplate | Missing> {
  const path = correctionsListPath(page);
  return pageAt(req, path, async () => {
    const [chrome, found] = await Promise.all([req.archive.chrome(), req.archive.corrections(page)]);
    if (found.items.length === 0 && page > 1) return { missing: 404, tags: [CORRECTIONS_TAG] };
    const shown = { chrome: chromeOf(chrome), page, found, canonicalUrl: absoluteUrl(req.siteUrl, path) };
    const tags = [CORRECTIONS_TAG, ...articleTags(found.items), ...chromeTags(chrome)];
    return rendered(req, viewKey('corrections', shown), tags, async () => {
      const items = await Promise.all(
        found.items.map(async (c) => ({
          date: c.date,
          html: await inlineHtml(req.caches, c.text, 'html'),
          article: { title: c.title, url: articlePath(c.slug) },
        })),
      );
      const data: CorrectionsPageData = { ...shown, items, hasOlder: found.hasMore };
      return renderTemplate(<CorrectionsPage {...data} />);
    });
  });
}

/** The corrections' RSS feed: the newest page of them. */
export const correctionsRss = (req: SiteRequest) =>
  documentAt(req, CORRECTIONS_FEED_PATH, [CORRECTIONS_TAG, FEEDS_TAG], async () => {
    const found = await req.archive.corrections(1);
    const items = await Promise.all(
      found.items.map(async (c) => ({ ...c, html: await inlineHtml(req.caches, c.text, 'html') })),
    );
    return renderCorrectionsRss(req.siteUrl, items, { now: req.now });
  });
