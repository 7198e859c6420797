/** What search engines and social networks read: JSON-LD NewsArticle, Open Graph and Twitter card tags. */
import { raw } from 'hono/html';
import type { Article } from '../content/types.ts';
import { SHARE_CARD } from '../media/types.ts';
import type { ArticleUrls } from '../paths.ts';
import { SITE_LOGO, SITE_NAME } from '../site.ts';

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

/** schema.org NewsArticle for an article. */
function newsArticleData(article: Article, urls: ArticleUrls) {
  const share = shareImage(article, urls);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.summary,
    inLanguage: 'ar',
    datePublished: article.publishedAt,
    dateModified: article.updatedAt,
    author: [{ '@type': 'Organization', name: article.author }],
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
  };
}

/** Structured data and sharing tags for an article's <head>, on the HTML and the AMP page. */
export function ArticleHeadTags({ article, urls }: { article: Article; urls: ArticleUrls }) {
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
      {/* Data, not code: scriptSafeJson escapes every "<", so nothing in it can end the element. */}
      <script type="application/ld+json">{raw(scriptSafeJson(newsArticleData(article, urls)))}</script>
    </>
  );
}
