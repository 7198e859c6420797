/**
 * JSON for apps and partners, serialized once per isolate for the same data: pages of lists (by page number or
 * cursor, filtered by tag, section or top), one article, the front page's structure and the sections.
 */
import type { EncodedBody } from '../cache/isolate.ts';
import type { ArticleMeta } from '../content/types.ts';
import { absoluteUrl, articleUrls, sectionPath } from '../paths.ts';
import { articleJson, articleSummaryJson } from '../render/article-json.ts';
import type { ListPosition } from '../store/lists.ts';
import { articleBody, articleText, liveBodies } from './bodies.ts';
import { listCursor } from './cursor.ts';
import { encodeJson } from './documents.ts';
import { findArticle } from './find-article.ts';
import { frontTags, readFrontPage } from './front.tsx';
import type { Missing } from './page-at.ts';
import type { SiteRequest } from './request.ts';
import { articleTag, articleTags, authorTag, CHROME_TAG, HOME_TAG, sectionTag, tagListTag } from './tags.ts';
import { liveNow } from './teasers.ts';
import { viewKey } from './view-key.ts';

/** A list query as the API validated it. */
export interface ApiListQuery {
  limit: number;
  after?: ListPosition | undefined;
  page?: number | undefined;
  tag?: string | undefined;
  section?: string | undefined;
  author?: string | undefined;
  top?: boolean | undefined;
}

const summary = (req: SiteRequest, article: ArticleMeta) =>
  articleSummaryJson(article, articleUrls(req.siteUrl, article), {
    siteUrl: req.siteUrl,
    liveActive: liveNow(req, article),
  });

/** The cache tag of the list a query reads (the top filter narrows a list, it does not name another). */
function listTagOf(query: ApiListQuery): string {
  if (query.section !== undefined) return sectionTag(query.section);
  if (query.author !== undefined) return authorTag(query.author);
  if (query.tag !== undefined) return tagListTag(query.tag);
  return HOME_TAG;
}

/** Serializes what `shown` holds, once per isolate for the same data. */
function json(
  req: SiteRequest,
  view: string,
  shown: unknown,
  tags: readonly string[],
  make: () => unknown,
): Promise<EncodedBody> {
  return req.caches.json.get(viewKey(view, [req.siteUrl, shown]), async () => ({
    ...encodeJson(await make()),
    tags: [...new Set(tags)],
  }));
}

/**
 * A page of a list: `{ items, total, next }`, `next` continuing the same way (page number or cursor); `unknown`
 * names the filter that names nothing (a section or writer that does not exist).
 */
export async function articleList(
  req: SiteRequest,
  query: ApiListQuery,
): Promise<EncodedBody | { unknown: 'section' | 'author' }> {
  if (query.section !== undefined) {
    const { sections } = await req.archive.chrome();
    if (!sections.some((s) => s.slug === query.section)) return { unknown: 'section' };
  }
  if (query.author !== undefined && !(await req.archive.author(query.author))) return { unknown: 'author' };
  const result = await req.archive.list(query);
  const shown = [query, result.total, result.hasMore, result.items];
  return json(req, 'api-list', shown, [listTagOf(query), ...articleTags(result.items)], () => {
    const last = result.items.at(-1);
    let next: string | null = null;
    if (result.hasMore && last) {
      const nextQuery = new URLSearchParams({ limit: String(query.limit) });
      if (query.page) nextQuery.set('page', String(query.page + 1));
      else nextQuery.set('cursor', listCursor(last));
      if (query.tag !== undefined) nextQuery.set('tag', query.tag);
      if (query.section !== undefined) nextQuery.set('section', query.section);
      if (query.author !== undefined) nextQuery.set('author', query.author);
      if (query.top !== undefined) nextQuery.set('top', String(query.top));
      next = absoluteUrl(req.siteUrl, `/api/articles?${nextQuery}`);
    }
    return { items: result.items.map((a) => summary(req, a)), total: result.total, next };
  });
}

/** One article in full, or missing/gone. */
export async function articleDocument(req: SiteRequest, slug: string): Promise<EncodedBody | Missing> {
  const found = await findArticle(req.archive, slug, req.now);
  if (found.kind !== 'found') return { missing: found.kind === 'gone' ? 410 : 404, tags: [articleTag(slug)] };
  const { article } = found;
  const context = { siteUrl: req.siteUrl, liveActive: liveNow(req, article) };
  return json(req, 'api-article', [article.version, context.liveActive], [articleTag(article.slug)], async () => {
    const live = article.live ? await liveBodies(req.caches, article, 'html') : null;
    return articleJson(article, articleUrls(req.siteUrl, article), context, {
      // A live article's body is its intro; each update comes with its own HTML.
      html: live ? live.intro : await articleBody(req.caches, article, 'html'),
      text: await articleText(req.caches, article),
      updates: live?.updates ?? [],
    });
  });
}

/** The front page's structure: lead, top, sections with their articles, latest; each article as in lists. */
export async function frontDocument(req: SiteRequest): Promise<EncodedBody> {
  const { chrome, composition } = await readFrontPage(req);
  return json(req, 'api-front', composition, frontTags(chrome, composition), () => ({
    lead: composition.lead ? summary(req, composition.lead) : null,
    top: composition.top.map((a) => summary(req, a)),
    sections: composition.sections.map(({ section, articles }) => ({
      slug: section.slug,
      name: section.name,
      url: absoluteUrl(req.siteUrl, section.url),
      items: articles.map((a) => summary(req, a)),
    })),
    latest: composition.latest.map((a) => summary(req, a)),
    next: composition.hasOlder ? absoluteUrl(req.siteUrl, '/api/articles?page=2') : null,
  }));
}

/** The sections in nav order, with their pages, feeds and API lists. */
export async function sectionsDocument(req: SiteRequest): Promise<EncodedBody> {
  const { sections } = await req.archive.chrome();
  return json(req, 'api-sections', sections, [CHROME_TAG], () => ({
    items: sections.map((s) => ({
      slug: s.slug,
      name: s.name,
      tags: s.tags,
      url: absoluteUrl(req.siteUrl, sectionPath(s.slug)),
      feedUrl: absoluteUrl(req.siteUrl, `${sectionPath(s.slug)}/feed.xml`),
      articlesUrl: absoluteUrl(req.siteUrl, `/api/articles?section=${encodeURIComponent(s.slug)}`),
    })),
  }));
}
