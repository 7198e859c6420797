/** The article page: headline, date, lead image, sanitized body, byline, source, tags. */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { Article, ArticleMeta } from '../content/types.ts';
import { Picture } from '../media/picture.ts';
import { type ArticleUrls, tagPath } from '../paths.ts';
import { Layout, type NewsLink } from './layout.tsx';
import { ArticleHeadTags } from './meta.tsx';
import { formatReaderDate } from './reader-date.ts';
import { RelatedArticles } from './related.tsx';

export interface ArticlePageData {
  article: Article;
  /** The body as sanitized HTML, from markdown/render.ts. */
  bodyHtml: string;
  urls: ArticleUrls;
  currentPath: string;
  topNews: NewsLink[];
  temperature: Child;
  /** Up to 3 other articles sharing a tag, newest first, shown after the article; default none. */
  related?: ArticleMeta[];
}

export function ArticlePage(data: ArticlePageData) {
  const { article } = data;
  const image = article.image;
  return (
    <Layout
      title={article.title}
      description={article.summary}
      canonical={data.urls.canonical}
      head={
        <>
          <link rel="amphtml" href={data.urls.amp} />
          <ArticleHeadTags article={article} urls={data.urls} />
        </>
      }
      topNews={data.topNews}
      temperature={data.temperature}
      currentPath={data.currentPath}
    >
      <ArticleContent
        article={article}
        leadImage={
          image?.media ? (
            <Picture image={{ ...image.media, alt: image.alt }} lead />
          ) : image ? (
            <img
              src={image.src}
              alt={image.alt}
              width={image.width ?? undefined}
              height={image.height ?? undefined}
              fetchpriority="high"
              decoding="async"
            />
          ) : null
        }
        body={raw(data.bodyHtml)}
      />
      <RelatedArticles articles={data.related ?? []} />
    </Layout>
  );
}

/**
 * The article itself, shared by the HTML and AMP pages: headline, dateline, lead image figure, body, byline,
 * source and tags (links to their tag pages). `body` is the one raw insertion: output of markdown/render.ts, sanitized there.
 */
export function ArticleContent({ article, leadImage, body }: { article: Article; leadImage: Child; body: Child }) {
  return (
    <article>
      <h1>{article.title}</h1>
      <Dateline article={article} />
      {article.image && leadImage ? (
        <figure>
          {leadImage}
          {article.image.caption ? <figcaption>{article.image.caption}</figcaption> : null}
        </figure>
      ) : null}
      <div class="body">{body}</div>
      <footer>
        <p class="byline">{article.author}</p>
        {article.source ? <p class="source">المصدر: {article.source}</p> : null}
        {article.tags.length > 0 ? (
          <ul class="tags" aria-label="الوسوم">
            {article.tags.map((tag) => (
              <li>
                <a href={tagPath(tag)} rel="tag">
                  {tag}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </footer>
    </article>
  );
}

/** Publication (and update) time, visible between headline and text as Google News expects. */
function Dateline({ article }: { article: Article }) {
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
