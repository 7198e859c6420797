/** The chrome of a page (sections bar, breaking bar, top-news band) shaped from what the archive read. */
import type { ArticleMeta } from '../content/types.ts';
import { articlePath, sectionPath } from '../paths.ts';
import { TEMPLATE_SLOTS } from '../render/document.ts';
import type { Chrome, SectionLink } from '../render/page-data.ts';
import type { ChromeRead } from '../store/chrome.ts';
import type { SiteRequest } from './request.ts';

/** How many links the top-news band shows. */
const TOP_NEWS = 5;

export const sectionLink = (section: { slug: string; name: string }): SectionLink => ({
  slug: section.slug,
  name: section.name,
  url: sectionPath(section.slug),
});

/**
 * The chrome for a page. `currentSection`: the section it belongs to (marked in the bar); `reading`: the article
 * being read (never in its own top-news band); `band`: false on the front page, whose top stories are the band.
 */
export function chromeOf(
  read: ChromeRead,
  {
    currentSection = null,
    reading = null,
    band = true,
  }: { currentSection?: string | null; reading?: string | null; band?: boolean } = {},
): Chrome {
  // The bar leads elsewhere: on the breaking article's own page it would only repeat the headline.
  const breaking: ArticleMeta | null = read.breaking?.slug === reading ? null : read.breaking;
  return {
    sections: read.sections.map(sectionLink),
    currentSection,
    breaking: breaking
      ? {
          title: breaking.title,
          url: articlePath(breaking.slug),
          publishedAt: breaking.publishedAt,
          ...(read.breakingLive ? { live: true } : {}),
        }
      : null,
    topNews: band
      ? read.top.items
          .filter((a) => a.slug !== reading)
          .slice(0, TOP_NEWS)
          .map((a) => ({ title: a.title, url: articlePath(a.slug) }))
      : [],
    slots: TEMPLATE_SLOTS,
  };
}

/** The chrome read through the request's archive (one D1 round trip when the isolate has none fresh). */
export const readChrome = (req: SiteRequest) => req.archive.chrome();
