/**
 * What search engines and social networks read: JSON-LD (NewsArticle, or LiveBlogPosting for live coverage), Open
 * Graph and Twitter card tags.
 */
import { raw } from 'hono/html';
import type { Article } from '../content/types.ts';
import { SHARE_CARD } from '../media/types.ts';
import type { ArticleUrls } from '../paths.ts';
import { SITE_LOGO, SITE_NAME } from '../site.ts';
import { textOfHtml } from './html-text.ts';
import type { ArticlePageData, AuthorLink } from './page-data.ts';

/** JSON for a <script> element: `<`, `>`, `&` and line separators escaped so no text can close the element. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** What og:image and twitter:image show: the share card when the article has one, else its lead image, else nothing. */
function shareImage(article: Article, urls: ArticleUrls) {
  if (urls.card) return { url: urls.card, width: SHARE_CARD.width, height: SHARE_CARD.height, alt: cardAlt(article) };
  if (article.image && urls.image) {
    return { url: urls.image, width: article.image.width, height: article.image.height, alt: article.image.alt };
  }
  return null;
}

/** The card shows the lead image (when there is one) with the headline over it. */
const cardAlt = (article: Article) => (article.image ? `${article.image.alt} — ${article.title}` : article.title);

/** A writer's page as an absolute URL: on the article's own origin, as every URL of the page is. */
const authorUrl = (author: AuthorLink, urls: ArticleUrls) => new URL(author.url, urls.canonical).href;

/**
 * Who wrote it: a Person (with their page) for each named writer, and an Organization for the desk or wire byline
 * when no writer is named or it is not the paper's default desk.
 */
function authorsData({ article, authors, defaultAuthor, urls }: ArticlePageData) {
  return [
    ...authors.map((author) => ({
      '@type': 'Person',
      name: author.name,
      url: authorUrl(author, urls),
      ...(author.role ? { jobTitle: author.role } : {}),
    })),
    ...(authors.length === 0 || !defaultAuthor ? [{ '@type': 'Organization', name: article.author }] : []),
  ];
}

/**
 * A live article's coverage for LiveBlogPosting: its start, its end once set, and each update (newest first) as a
 * BlogPosting with its anchor's URL and its text.
 */
function liveData({ live, urls }: ArticlePageData) {
  if (!live) return {};
  return {
    coverageStartTime: live.start,
    ...(live.end ? { coverageEndTime: live.end } : {}),
    liveBlogUpdate: live.updates.map((update) => ({
      '@type': 'BlogPosting',
      headline: update.title,
      datePublished: update.time,
      url: `${urls.canonical}#${update.id}`,
      articleBody: textOfHtml(update.html),
    })),
  };
}

/** schema.org NewsArticle for an article, or LiveBlogPosting for live coverage; its corrections as CorrectionComment. */
function articleData(data: ArticlePageData) {
  const { article, urls } = data;
  const share = shareImage(article, urls);
  return {
    '@context': 'https://schema.org',
    '@type': data.live ? 'LiveBlogPosting' : 'NewsArticle',
    headline: article.title,
    description: article.summary,
    inLanguage: 'ar',
    datePublished: article.publishedAt,
    // The build makes it the latest of the update time, the newest live update and the newest correction.
    dateModified: article.updatedAt,
    author: authorsData(data),
    publisher: {
      '@type': 'Organization',
      name: SITE_NAME,
      logo: { '@type': 'ImageObject', url: urls.logo, width: SITE_LOGO.width, height: SITE_LOGO.height },
    },
    ...(share
      ? {
          image: [
            {
              '@type': 'ImageObject',
              url: share.url,
              ...(share.width ? { width: share.width, height: share.height } : {}),
            },
          ],
        }
      : {}),
    mainEntityOfPage: { '@type': 'WebPage', '@id': urls.canonical },
    ...(article.tags.length > 0 ? { keywords: article.tags.join(', ') } : {}),
    ...liveData(data),
    ...(data.corrections.length > 0
      ? {
          correction: data.corrections.map((correction) => ({
            '@type': 'CorrectionComment',
            text: textOfHtml(correction.html),
            datePublished: correction.date,
          })),
        }
      : {}),
  };
}

/** A JSON-LD element. Data, not code: scriptSafeJson escapes every "<", so nothing in it can end the element. */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json">{raw(scriptSafeJson(data))}</script>;
}

/** Structured data and sharing tags for an article's <head>, on the HTML and the AMP page. */
export function ArticleHeadTags({ data }: { data: ArticlePageData }) {
  const { article, urls } = data;
  const share = shareImage(article, urls);
  return (
    <>
      <meta property="og:type" content="article" />
      <meta property="og:site_name" content={SITE_NAME} />
      <meta property="og:locale" content="ar_AR" />
      <meta property="og:title" content={article.title} />
      <meta property="og:description" content={article.summary} />
      <meta property="og:url" content={urls.canonical} />
      {share ? (
        <>
          <meta property="og:image" content={share.url} />
          {share.width ? <meta property="og:image:width" content={String(share.width)} /> : null}
          {share.height ? <meta property="og:image:height" content={String(share.height)} /> : null}
          <meta property="og:image:alt" content={share.alt} />
        </>
      ) : null}
      <meta property="article:published_time" content={article.publishedAt} />
      <meta property="article:modified_time" content={article.updatedAt} />
      {data.authors.map((author) => (
        <meta property="article:author" content={authorUrl(author, urls)} />
      ))}
      {article.tags.map((tag) => (
        <meta property="article:tag" content={tag} />
      ))}
      <meta name="twitter:card" content={share ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={article.title} />
      <meta name="twitter:description" content={article.summary} />
      {share ? (
        <>
          <meta name="twitter:image" content={share.url} />
          <meta name="twitter:image:alt" content={share.alt} />
        </>
      ) : null}
      <JsonLd data={articleData(data)} />
    </>
  );
}
