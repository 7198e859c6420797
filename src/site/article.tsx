/**
 * Article pages, HTML and AMP: the article and its related articles (one round trip), the chrome (one), the body
 * rendered once per version. The top-news band never lists the article being read. A live article shows its
 * updates newest first, with the badge while its coverage is open; a corrected one ends with its corrections.
 */

import { PROMISED_FRESHNESS_MS } from '../cache/isolate.ts';
import { sectionsOf } from '../content/sections.ts';
import type { Article } from '../content/types.ts';
import type { BodyFlavor } from '../markdown/render.ts';
import { ampPath, articlePath, articleUrls } from '../paths.ts';
import { renderAmpDocument } from '../render/amp-page.tsx';
import { ArticlePage } from '../render/article-page.tsx';
import { type PageTemplate, renderTemplate, templateFromHtml } from '../render/document.ts';
import type { ArticlePageData, LiveView } from '../render/page-data.ts';
import { DEFAULT_AUTHOR } from '../site.ts';
import { RELATED_TAGS } from '../store/articles.ts';
import { articleBody, liveBodies } from './bodies.ts';
import { chromeOf, sectionLink } from './chrome.ts';
import { findArticle } from './find-article.ts';
import { inlineHtml } from './markup.ts';
import { type Missing, pageAt, rendered } from './page-at.ts';
import type { SiteRequest } from './request.ts';
import { articleTag, articleTags, chromeTags, tagListTag } from './tags.ts';
import { authorLink, liveNow, teasersOf } from './teasers.ts';
import { viewKey } from './view-key.ts';

export type ArticleFlavor = BodyFlavor;

/** The article page at `slug` (as the URL gives it), in either flavor; missing or gone when there is none. */
export function articlePage(req: SiteRequest, flavor: ArticleFlavor, slug: string): Promise<PageTemplate | Missing> {
  const path = flavor === 'html' ? articlePath(slug) : ampPath(slug);
  return pageAt(req, path, async () => {
    // Two D1 round trips at most, in parallel, none when the isolate has both.
    const [found, chrome] = await Promise.all([findArticle(req.archive, slug, req.now), req.archive.chrome()]);
    if (found.kind === 'gone') return { missing: 410, tags: [articleTag(slug)] };
    if (found.kind === 'missing') {
      // What the primary itself said is missing may be shared with the colo for the rest of its minute.
      const until = found.confirmedAt === undefined ? {} : { sharedUntil: found.confirmedAt + PROMISED_FRESHNESS_MS };
      return { missing: 404, tags: [articleTag(slug)], ...until };
    }
    const { article, related } = found;
    const [section] = sectionsOf(chrome.sections, article.tags);
    const shown = {
      chrome: chromeOf(chrome, { currentSection: section?.slug ?? null, reading: article.slug }),
      urls: articleUrls(req.siteUrl, article),
      kicker: { section: section ? sectionLink(section) : null, tag: article.tags[0] ?? null },
      related: teasersOf(req, related),
      authors: article.authors.map(authorLink),
      defaultAuthor: article.author === DEFAULT_AUTHOR,
      liveActive: liveNow(req, article),
    };
    // The article names itself by its version: its body need not be hashed into the key.
    const key = viewKey(`article-${flavor}`, { ...shown, article: article.version });
    const tags = [
      articleTag(article.slug),
      ...articleTags(related),
      // The related articles are the newest of these tags' lists: a new article there changes them.
      ...article.tags.slice(0, RELATED_TAGS).map(tagListTag),
      ...chromeTags(chrome),
    ];
    return rendered(req, key, tags, async () => {
      const { liveActive, ...rest } = shown;
      const [body, corrections] = await Promise.all([
        bodyAndLive(req, article, flavor, liveActive),
        Promise.all(
          article.corrections.map(async (c) => ({ date: c.date, html: await inlineHtml(req.caches, c.text, flavor) })),
        ),
      ]);
      const page: ArticlePageData = { ...rest, article, ...body, corrections };
      return flavor === 'html' ? renderTemplate(<ArticlePage {...page} />) : templateFromHtml(renderAmpDocument(page));
    });
  });
}

/** The body, and for a live article its intro as the body and its updates newest first. */
async function bodyAndLive(
  req: SiteRequest,
  article: Article,
  flavor: ArticleFlavor,
  active: boolean,
): Promise<{ bodyHtml: string; live: LiveView | null }> {
  if (!article.live) return { bodyHtml: await articleBody(req.caches, article, flavor), live: null };
  const rendered = await liveBodies(req.caches, article, flavor);
  const updates = article.liveUpdates
    .map((update, i) => ({ id: update.id, time: update.time, title: update.title, html: rendered.updates[i] ?? '' }))
    .reverse();
  return { bodyHtml: rendered.intro, live: { active, ...article.live, updates } };
}
