/**
 * Article pages, HTML and AMP: the article and its related articles (one round trip), the chrome (one), the body
 * rendered once per version. The top-news band never lists the article being read.
 */
import { sectionsOf } from '../content/sections.ts';
import type { ArticleMeta } from '../content/types.ts';
import { ampPath, articlePath, articleUrls } from '../paths.ts';
import { renderAmpDocument } from '../render/amp-page.tsx';
import { ArticlePage } from '../render/article-page.tsx';
import { type PageTemplate, renderTemplate, templateFromHtml } from '../render/document.ts';
import type { ArticlePageData, Teaser } from '../render/page-data.ts';
import { articleBody } from './bodies.ts';
import { chromeOf, sectionLink } from './chrome.ts';
import { findArticle } from './find-article.ts';
import { type Missing, pageAt, rendered } from './page-at.ts';
import type { SiteRequest } from './request.ts';
import { viewKey } from './view-key.ts';

export type ArticleFlavor = 'html' | 'amp';

const teaser = (article: ArticleMeta): Teaser => ({ article, url: articlePath(article.slug) });

/** The article page at `slug` (as the URL gives it), in either flavor; missing or gone when there is none. */
export function articlePage(req: SiteRequest, flavor: ArticleFlavor, slug: string): Promise<PageTemplate | Missing> {
  const path = flavor === 'html' ? articlePath(slug) : ampPath(slug);
  return pageAt(req, path, async () => {
    // Two D1 round trips at most, in parallel, none when the isolate has both.
    const [found, chrome] = await Promise.all([findArticle(req.archive, slug, req.now), req.archive.chrome()]);
    if (found.kind === 'gone') return { missing: 410 };
    if (found.kind === 'missing') return { missing: 404 };
    const { article, related } = found;
    const [section] = sectionsOf(chrome.sections, article.tags);
    const data: ArticlePageData = {
      chrome: chromeOf(chrome, { currentSection: section?.slug ?? null, reading: article.slug }),
      article,
      bodyHtml: '',
      urls: articleUrls(req.siteUrl, article),
      kicker: { section: section ? sectionLink(section) : null, tag: article.tags[0] ?? null },
      related: related.map(teaser),
    };
    // The article names itself by its version: its body need not be hashed into the key.
    const key = viewKey(`article-${flavor}`, { ...data, article: article.version });
    return rendered(req, key, async () => {
      const page = { ...data, bodyHtml: await articleBody(req.caches, article, flavor) };
      return flavor === 'html' ? renderTemplate(<ArticlePage {...page} />) : templateFromHtml(renderAmpDocument(page));
    });
  });
}
