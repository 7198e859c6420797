/** The JSON views of articles for apps and partners: pure functions of the article and its URLs. */
import type { Article, ArticleMeta } from '../content/types.ts';
import { type ArticleUrls, absoluteUrl, authorPath } from '../paths.ts';
import { absoluteBodyHtml } from './absolute-html.ts';
import { imageJson } from './image-json.ts';

/** What the JSON says of an article besides its own fields: whether its live coverage is open now. */
export interface ArticleJsonContext {
  /** SITE_URL: writers' pages are absolute URLs. */
  siteUrl: string;
  /** The article's live coverage is open at the request's time. */
  liveActive: boolean;
}

/** An article's first fields in every JSON view: what names it. */
const articleHead = (article: ArticleMeta, urls: ArticleUrls) => ({
  slug: article.slug,
  url: urls.canonical,
  ampUrl: urls.amp,
  title: article.title,
  summary: article.summary,
});

/** The fields after the head (and, for one article, after its body). */
function articleFields(article: ArticleMeta, urls: ArticleUrls, { siteUrl, liveActive }: ArticleJsonContext) {
  return {
    lang: 'ar' as const,
    dir: 'rtl' as const,
    image: article.image
      ? article.image.media
        ? {
            ...imageJson({ ...article.image.media, alt: article.image.alt }, new URL(urls.canonical).origin),
            caption: article.image.caption,
          }
        : {
            url: urls.image,
            alt: article.image.alt,
            caption: article.image.caption,
            width: article.image.width,
            height: article.image.height,
          }
      : null,
    /** The share card (1200 × 630), as og:image shows it. */
    card: urls.card,
    publishedAt: article.publishedAt,
    updatedAt: article.updatedAt,
    author: article.author,
    /** The named writers, each with their page. */
    authors: article.authors.map((a) => ({
      slug: a.slug,
      name: a.name,
      url: absoluteUrl(siteUrl, authorPath(a.slug)),
      role: a.role,
    })),
    source: article.source,
    tags: article.tags,
    top: article.top,
    breaking: article.breaking,
    live: article.live ? { active: liveActive, ...article.live } : null,
    readingTimeMinutes: article.readingTimeMinutes,
  };
}

/** An article in lists: everything but the body. */
export const articleSummaryJson = (article: ArticleMeta, urls: ArticleUrls, context: ArticleJsonContext) => ({
  ...articleHead(article, urls),
  ...articleFields(article, urls, context),
});

/**
 * One article in full: the summary fields plus the sanitized body as HTML (its URLs made absolute, as an app shows
 * it away from the site) and as plain text.
 */
export function articleJson(
  article: Article,
  urls: ArticleUrls,
  context: ArticleJsonContext,
  body: { html: string; text: string; updates: string[] },
) {
  // Field order as documented: body fields right after the head, live coverage and corrections last.
  const { live, ...fields } = articleFields(article, urls, context);
  return {
    ...articleHead(article, urls),
    html: absoluteBodyHtml(body.html, urls.canonical),
    text: body.text,
    ...fields,
    live: live
      ? {
          ...live,
          updates: article.liveUpdates.map((u, i) => ({
            id: u.id,
            url: `${urls.canonical}#${u.id}`,
            time: u.time,
            title: u.title,
            html: absoluteBodyHtml(body.updates[i] ?? '', urls.canonical),
          })),
        }
      : null,
    corrections: article.corrections,
  };
}
