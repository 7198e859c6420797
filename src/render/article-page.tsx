/**
 * The article page: kicker, headline, dateline with reading time, share links, lead image, sanitized body,
 * byline, source, tags, then related articles.
 */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { Article } from '../content/types.ts';
import { Picture } from '../media/picture.ts';
import { tagPath } from '../paths.ts';
import { Layout } from './layout.tsx';
import { ArticleHeadTags } from './meta.tsx';
import type { ArticlePageData } from './page-data.ts';
import { formatReaderDate } from './reader-date.ts';
import { readingTime } from './reading-time.ts';
import { RelatedArticles } from './related.tsx';
import { ShareLinks } from './share-links.tsx';

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
      chrome={data.chrome}
    >
      <div class="art">
        <ArticleContent
          article={article}
          kicker={data.kicker}
          canonical={data.urls.canonical}
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
        <RelatedArticles teasers={data.related} />
      </div>
    </Layout>
  );
}

export interface ArticleContentProps {
  article: Article;
  kicker: ArticlePageData['kicker'];
  /** The article's canonical URL, which the share links carry. */
  canonical: string;
  leadImage: Child;
  body: Child;
}

/**
 * The article itself, shared by the HTML and AMP pages: kicker, headline, dateline and reading time, share links,
 * lead image figure, body, byline, source and tags (links to their tag pages). `body` is the one raw insertion:
 * output of markdown/render.ts, sanitized there.
 */
export function ArticleContent({ article, kicker, canonical, leadImage, body }: ArticleContentProps) {
  return (
    <article class="story">
      <header>
        <Kicker kicker={kicker} />
        <h1>{article.title}</h1>
        <Dateline article={article} />
        <ShareLinks title={article.title} url={canonical} />
      </header>
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

/** Above the headline: the article's section and its first tag, each linking to its page; nothing without either. */
function Kicker({ kicker }: { kicker: ArticlePageData['kicker'] }) {
  if (!kicker.section && kicker.tag === null) return null;
  return (
    <p class="kicker">
      {kicker.section ? <a href={kicker.section.url}>{kicker.section.name}</a> : null}
      {kicker.tag !== null ? <a href={tagPath(kicker.tag)}>{kicker.tag}</a> : null}
    </p>
  );
}

/** Publication (and update) time, visible between headline and text as Google News expects, and reading time. */
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
      <span class="rt">{readingTime(article.readingTimeMinutes)}</span>
    </p>
  );
}
