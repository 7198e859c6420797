/** The article page: headline, date, lead image, sanitized body, byline, source, tags. */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { formatReaderDate } from '../content/dates.ts';
import type { Article } from '../content/types.ts';
import { Layout, type NewsLink } from './layout.tsx';

export interface ArticlePageData {
  article: Article;
  /** The body as sanitized HTML, from markdown/render.ts. */
  bodyHtml: string;
  canonicalUrl: string;
  currentPath: string;
  topNews: NewsLink[];
  temperature: Child;
  /** Extra head elements (AMP link, structured data, social tags). */
  head?: Child;
}

export function ArticlePage(data: ArticlePageData) {
  const { article } = data;
  return (
    <Layout
      title={article.title}
      description={article.summary}
      canonical={data.canonicalUrl}
      head={data.head}
      topNews={data.topNews}
      temperature={data.temperature}
      currentPath={data.currentPath}
    >
      <article>
        <h1>{article.title}</h1>
        <ArticleMeta article={article} />
        {article.image ? (
          <figure>
            <img
              src={article.image.src}
              alt={article.image.alt}
              width={article.image.width ?? undefined}
              height={article.image.height ?? undefined}
              fetchpriority="high"
              decoding="async"
            />
            {article.image.caption ? <figcaption>{article.image.caption}</figcaption> : null}
          </figure>
        ) : null}
        {/* The one place raw HTML enters a page: the body rendered and sanitized by markdown/render.ts. */}
        <div class="body">{raw(data.bodyHtml)}</div>
        <ArticleFooter article={article} />
      </article>
    </Layout>
  );
}

/** Publication (and update) time, visible between headline and text as Google News expects. */
export function ArticleMeta({ article }: { article: Article }) {
  return (
    <p class="meta">
      <time datetime={article.publishedAt}>{formatReaderDate(article.publishedAt)}</time>
      {article.updatedAt !== article.publishedAt ? (
        <>
          {' · آخر تحديث: '}
          <time datetime={article.updatedAt}>{formatReaderDate(article.updatedAt)}</time>
        </>
      ) : null}
    </p>
  );
}

/** Byline, source line and tags. */
export function ArticleFooter({ article }: { article: Article }) {
  return (
    <footer>
      <p class="byline">{article.author}</p>
      {article.source ? <p class="source">المصدر: {article.source}</p> : null}
      {article.tags.length > 0 ? (
        <ul class="tags" aria-label="الوسوم">
          {article.tags.map((tag) => (
            <li>{tag}</li>
          ))}
        </ul>
      ) : null}
    </footer>
  );
}
