/**
 * The article page: kicker, headline, byline, dateline with reading time, share links, lead image, sanitized body,
 * live updates, corrections, source, tags, then related articles.
 */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { Article } from '../content/types.ts';
import { Picture } from '../media/picture.ts';
import { tagPath } from '../paths.ts';
import { ampBodyHtml } from './absolute-html.ts';
import { Byline } from './byline.tsx';
import { CorrectionBox } from './correction-box.tsx';
import { Layout } from './layout.tsx';
import { LiveStatus, LiveUpdates } from './live.tsx';
import { ArticleHeadTags } from './meta.tsx';
import type { ArticlePageData } from './page-data.ts';
import { formatReaderDate } from './reader-date.ts';
import { readingTime } from './reading-time.ts';
import { RelatedArticles } from './related.tsx';
import { ShareLinks } from './share-links.tsx';

export function ArticlePage(data: ArticlePageData) {
  const image = data.article.image;
  return (
    <Layout
      title={data.article.title}
      description={data.article.summary}
      canonical={data.urls.canonical}
      head={
        <>
          <link rel="amphtml" href={data.urls.amp} />
          <ArticleHeadTags data={data} />
        </>
      }
      chrome={data.chrome}
    >
      <div class="art">
        <ArticleContent
          data={data}
          amp={false}
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
        />
        <RelatedArticles teasers={data.related} />
      </div>
    </Layout>
  );
}

export interface ArticleContentProps {
  data: ArticlePageData;
  /** The AMP page: `bodyHtml`, the updates' and the corrections' HTML are AMP markup, and updates go in a live list. */
  amp: boolean;
  leadImage: Child;
}

/**
 * The article itself, shared by the HTML and AMP pages: kicker, live status, headline, byline, dateline and reading
 * time, share links, lead image figure, body (a live article's intro), its live updates, the corrections box, then
 * source and tags (links to their tag pages). `markup` is the one raw insertion: HTML from markdown/render.ts,
 * sanitized there.
 */
export function ArticleContent({ data, amp, leadImage }: ArticleContentProps) {
  const { article, live } = data;
  const markup = (html: string) => raw(amp ? ampBodyHtml(html, data.urls.canonical) : html);
  return (
    <article class="story">
      <header>
        <Kicker kicker={data.kicker} />
        {live ? <LiveStatus live={live} /> : null}
        <h1>{article.title}</h1>
        <Byline article={article} authors={data.authors} defaultAuthor={data.defaultAuthor} />
        <Dateline article={article} live={live !== null} />
        <ShareLinks title={article.title} url={data.urls.canonical} />
      </header>
      {article.image && leadImage ? (
        <figure>
          {leadImage}
          {article.image.caption ? <figcaption>{article.image.caption}</figcaption> : null}
        </figure>
      ) : null}
      <div class="body">{markup(data.bodyHtml)}</div>
      {live ? <LiveUpdates live={live} amp={amp} markup={markup} /> : null}
      <CorrectionBox corrections={data.corrections} markup={markup} />
      <footer>
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

/**
 * Publication (and update) time, visible between headline and text as Google News expects, and reading time. A
 * live article shows its start alone: the status line above the headline has its newest update, and a live page
 * is not read through once.
 */
function Dateline({ article, live }: { article: Article; live: boolean }) {
  return (
    <p class="meta">
      <time datetime={article.publishedAt}>{formatReaderDate(article.publishedAt)}</time>
      {!live && article.updatedAt !== article.publishedAt ? (
        <>
          {' · آخر تحديث: '}
          <time datetime={article.updatedAt}>{formatReaderDate(article.updatedAt)}</time>
        </>
      ) : null}
      {live ? null : <span class="rt">{readingTime(article.readingTimeMinutes)}</span>}
    </p>
  );
}
