/**
 * The front page: what it shows is composed once from two archive reads (the chrome: sections, top and breaking
 * articles; the front: latest articles and each section's newest), so no article appears twice. The HTML page and
 * GET /api/front show the same composition.
 */
import type { ArticleMeta } from '../content/types.ts';
import { absoluteUrl } from '../paths.ts';
import { type PageTemplate, renderTemplate } from '../render/document.ts';
import { FrontPage } from '../render/front-page.tsx';
import type { FrontPageData, SectionLink } from '../render/page-data.ts';
import type { ChromeRead } from '../store/chrome.ts';
import type { FrontRead } from '../store/front.ts';
import { chromeOf, sectionLink } from './chrome.ts';
import { type Missing, pageAt, rendered } from './page-at.ts';
import type { SiteRequest } from './request.ts';
import { articleTags, chromeTags, HOME_TAG, sectionTag } from './tags.ts';
import { teaserOf, teasersOf } from './teasers.ts';
import { viewKey } from './view-key.ts';

/** Top stories after the lead, and articles per section block. */
const MORE_TOP = 4;
const PER_SECTION = 4;

/** What the front page shows, in order, with no article twice. */
export interface FrontComposition {
  lead: ArticleMeta | null;
  top: ArticleMeta[];
  sections: { section: SectionLink; articles: ArticleMeta[] }[];
  latest: ArticleMeta[];
  hasOlder: boolean;
}

/**
 * Lead: the newest top article; then up to four more top ones; then each section's newest four not shown above
 * (sections left empty are dropped); then the latest articles not shown above.
 */
export function composeFront(chrome: ChromeRead, front: FrontRead): FrontComposition {
  const shown = new Set<string>();
  const take = (articles: readonly ArticleMeta[], limit: number) => {
    const taken = articles.filter((a) => !shown.has(a.slug)).slice(0, limit);
    for (const a of taken) shown.add(a.slug);
    return taken;
  };
  const [lead = null] = take(chrome.top.items, 1);
  const top = take(chrome.top.items, MORE_TOP);
  const sections = chrome.sections
    .map((section) => ({
      section: sectionLink(section),
      articles: take(front.blocks.get(section.slug) ?? [], PER_SECTION),
    }))
    .filter((block) => block.articles.length > 0);
  const latest = take(front.latest.items, front.latest.items.length);
  return { lead, top, sections, latest, hasOlder: front.latest.hasMore };
}

/** Reads what the front page shows: the chrome, then the front lists of its sections (two round trips cold). */
export async function readFrontPage(req: SiteRequest): Promise<{ chrome: ChromeRead; composition: FrontComposition }> {
  const chrome = await req.archive.chrome();
  const front = await req.archive.front(chrome.sections.map((s) => s.slug));
  return { chrome, composition: composeFront(chrome, front) };
}

/** What the front page (and its JSON) shows, as cache tags: every article and section on it, and the chrome. */
export function frontTags(chrome: ChromeRead, composition: FrontComposition): string[] {
  const { lead, top, sections, latest } = composition;
  return [
    HOME_TAG,
    ...chromeTags(chrome),
    ...articleTags([...(lead ? [lead] : []), ...top, ...latest, ...sections.flatMap((b) => b.articles)]),
    ...sections.map((b) => sectionTag(b.section.slug)),
  ];
}

/** The front page's template. */
export function frontPage(req: SiteRequest): Promise<PageTemplate | Missing> {
  return pageAt(req, '/', async () => {
    const { chrome, composition } = await readFrontPage(req);
    const data: FrontPageData = {
      chrome: chromeOf(chrome, { band: false }),
      canonicalUrl: absoluteUrl(req.siteUrl, '/'),
      lead: composition.lead ? teaserOf(req, composition.lead) : null,
      top: teasersOf(req, composition.top),
      sections: composition.sections.map((b) => ({ section: b.section, teasers: teasersOf(req, b.articles) })),
      latest: teasersOf(req, composition.latest),
      hasOlder: composition.hasOlder,
    };
    return rendered(req, viewKey('front', data), frontTags(chrome, composition), () =>
      renderTemplate(<FrontPage {...data} />),
    );
  });
}
