/** The list of articles on the front page, archive pages and tag pages, and the pager between those pages. */
import type { Child } from 'hono/jsx';
import type { ArticleMeta } from '../content/types.ts';
import { articlePath, listPath } from '../paths.ts';
import { formatReaderDate } from './reader-date.ts';

/** An article in a list, with the URL its headline links to. */
export interface ListedArticle {
  article: ArticleMeta;
  url: string;
}

/** Articles with their page URLs (`articlePath(slug)`). */
export const listed = (articles: ArticleMeta[]): ListedArticle[] =>
  articles.map((article) => ({ article, url: articlePath(article.slug) }));

/** One article in a list: headline link and publication time, then what the list shows of it. */
export function ArticleItem({ article, url, children }: ListedArticle & { children: Child }) {
  return (
    <li>
      <h2>
        <a href={url}>{article.title}</a>
      </h2>
      <p>
        <time datetime={article.publishedAt}>{formatReaderDate(article.publishedAt)}</time>
      </p>
      {children}
    </li>
  );
}

/** Articles newest first: headline link, publication time and summary. */
export function ArticleList({ items }: { items: ListedArticle[] }) {
  if (items.length === 0) return <p>لا توجد مقالات منشورة بعد.</p>;
  return (
    <ol class="list">
      {items.map(({ article, url }) => (
        <ArticleItem article={article} url={url}>
          <p>{article.summary}</p>
        </ArticleItem>
      ))}
    </ol>
  );
}

export interface PagerProps {
  /** The tag whose pages these are, or null for the front page and its archive. */
  tag: string | null;
  /** The current page, 1-based. */
  page: number;
  /** Whether a page of older articles follows. */
  hasOlder: boolean;
}

/** "الأحدث" (rel=prev, to page - 1) and "الأقدم" (rel=next, to page + 1) links; nothing when there is one page. */
export function Pager({ tag, page, hasOlder }: PagerProps) {
  const hasNewer = page > 1;
  if (!hasNewer && !hasOlder) return null;
  return (
    <nav class="pager" aria-label="صفحات الأرشيف">
      {hasNewer ? (
        <a href={listPath(tag, page - 1)} rel="prev">
          الأحدث
        </a>
      ) : null}
      {hasOlder ? (
        <a href={listPath(tag, page + 1)} rel="next">
          الأقدم
        </a>
      ) : null}
    </nav>
  );
}
