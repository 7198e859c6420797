/**
 * Pages of lists, 20 articles a page, newest first: the front page's archive (/page/N), a tag's pages and a
 * section's pages (the first opens with its newest article large). Page numbers map to index ranges, so a deep
 * page costs what page 1 costs. An unknown tag or section, or a page past the last, is missing (404).
 */
import { absoluteUrl, listPath, sectionListPath } from '../paths.ts';
import { type PageTemplate, renderTemplate } from '../render/document.ts';
import { ListPage } from '../render/list-page.tsx';
import type { ListKind, ListPageData } from '../render/page-data.ts';
import type { ListFilter } from '../store/list-names.ts';
import { chromeOf, sectionLink } from './chrome.ts';
import { type Missing, pageAt, rendered } from './page-at.ts';
import type { SiteRequest } from './request.ts';
import { articleTags, chromeTags, HOME_TAG, sectionTag, tagListTag } from './tags.ts';
import { teaserOf, teasersOf } from './teasers.ts';
import { viewKey } from './view-key.ts';

/** Articles per page on the archive, tag and section pages. */
export const LIST_LIMIT = 20;

/** Which list a page shows: the archive, a tag, or a section by slug. */
export type ListTarget = { kind: 'archive' } | { kind: 'tag'; tag: string } | { kind: 'section'; slug: string };

/** The path of page `page` of a list (page 1 has no number). */
export function targetPath(target: ListTarget, page: number): string {
  if (target.kind === 'section') return sectionListPath(target.slug, page);
  return listPath(target.kind === 'tag' ? target.tag : null, page);
}

const filterOf = (target: ListTarget): ListFilter =>
  target.kind === 'tag' ? { tag: target.tag } : target.kind === 'section' ? { section: target.slug } : {};

/** The cache tag of a list's pages. */
export const listTag = (target: ListTarget) =>
  target.kind === 'tag' ? tagListTag(target.tag) : target.kind === 'section' ? sectionTag(target.slug) : HOME_TAG;

/** Page `page` of a list, or missing. */
export function listPage(req: SiteRequest, target: ListTarget, page: number): Promise<PageTemplate | Missing> {
  const path = targetPath(target, page);
  return pageAt(req, path, async () => {
    const [chrome, result] = await Promise.all([
      req.archive.chrome(),
      req.archive.list({ limit: LIST_LIMIT, page, ...filterOf(target) }),
    ]);
    let list: ListKind;
    if (target.kind === 'section') {
      const section = chrome.sections.find((s) => s.slug === target.slug);
      if (!section) return { missing: 404, tags: [listTag(target)] };
      list = { kind: 'section', section: sectionLink(section) };
    } else list = target;
    // An unknown tag, an empty section's later page, or a page past the last one.
    if (result.items.length === 0 && (page > 1 || target.kind === 'tag'))
      return { missing: 404, tags: [listTag(target)] };
    const [first, ...rest] = result.items;
    const lead = target.kind === 'section' && page === 1 && first ? teaserOf(req, first) : null;
    const data: ListPageData = {
      chrome: chromeOf(chrome, { currentSection: target.kind === 'section' ? target.slug : null }),
      list,
      page,
      lead,
      teasers: teasersOf(req, lead ? rest : result.items),
      hasOlder: result.hasMore,
      canonicalUrl: absoluteUrl(req.siteUrl, path),
    };
    return rendered(
      req,
      viewKey('list', data),
      [listTag(target), ...articleTags(result.items), ...chromeTags(chrome)],
      () => renderTemplate(<ListPage {...data} />),
    );
  });
}
