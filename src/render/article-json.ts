/** The JSON views of articles for apps and partners: pure functions of the article and its URLs. */
import type { Article, ArticleMeta } from '../content/types.ts';
import type { ArticleUrls } from '../paths.ts';
import { absoluteBodyHtml } from './absolute-html.ts';
import { imageJson } from './image-json.ts';

/** An article in lists: everything but the body. */
export function articleSummaryJson(article: ArticleMeta, urls: ArticleUrls) {
  return {
    slug: article.slug,
    url: urls.canonical,
    ampUrl: urls.amp,
    title: article.title,
    summary: article.summary,
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
    source: article.source,
    tags: article.tags,
    top: article.top,
    readingTimeMinutes: article.readingTimeMinutes,
  };
}

/**
 * One article in full: the summary fields plus the sanitized body as HTML (its URLs made absolute, as an app shows
 * it away from the site) and as plain text.
 */
export function articleJson(article: Article, urls: ArticleUrls, body: { html: string; text: string }) {
  const { lang, dir, image, card, publishedAt, updatedAt, author, source, tags, top, readingTimeMinutes, ...head } =
    articleSummaryJson(article, urls);
  // Field order as documented: body fields right after the summary.
  return {
    ...head,
    html: absoluteBodyHtml(body.html, urls.canonical),
    text: body.text,
    lang,
    dir,
    image,
    card,
    publishedAt,
    updatedAt,
    author,
    source,
    tags,
    top,
    readingTimeMinutes,
  };
}
