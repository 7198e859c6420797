/** The search page (/search): the form, then results with marked snippets, or why there are none. Never indexed. */
import type { Child } from 'hono/jsx';
import type { ArticleMeta } from '../content/types.ts';
import type { SnippetSegment } from '../search/snippet.ts';
import { ArticleItem } from './article-list.tsx';
import { SEARCH_PATH, SearchForm } from './chrome.tsx';
import { Layout, type NewsLink } from './layout.tsx';

/** A result: the article, the URL its headline links to and its snippet. */
export interface SearchResult {
  article: ArticleMeta;
  url: string;
  snippet: SnippetSegment[];
}

/** What the page shows under the form. */
export type SearchOutcome =
  /** No query yet: just the form. */
  | { kind: 'form' }
  /** A query that cannot be searched (too long, no letters): the Arabic message from `parseQuery`. */
  | { kind: 'problem'; message: string }
  /** A page of results (maybe none). `total` is a lower bound when `capped`. */
  | { kind: 'results'; results: SearchResult[]; total: number; capped: boolean; page: number; hasNext: boolean };

export interface SearchPageData {
  /** The query as the reader typed it, to refill the form. */
  query: string;
  outcome: SearchOutcome;
  topNews: NewsLink[];
  temperature: Child;
}

/** The URL of page `page` of the results for `query` (page 1 has no page parameter). */
function searchPath(query: string, page = 1): string {
  const params = new URLSearchParams({ q: query });
  if (page > 1) params.set('page', String(page));
  return `${SEARCH_PATH}?${params}`;
}

/** "n results" with the Arabic number agreement; "أكثر من n نتيجة" when the count is a lower bound. */
function resultCount(total: number, capped: boolean): string {
  if (capped) return `أكثر من ${total} نتيجة`;
  if (total === 1) return 'نتيجة واحدة';
  if (total === 2) return 'نتيجتان';
  const rest = total % 100;
  return rest >= 3 && rest <= 10 ? `${total} نتائج` : `${total} نتيجة`;
}

/** A snippet: matched words in <mark>, all text escaped by JSX. */
function Snippet({ segments }: { segments: SnippetSegment[] }) {
  if (segments.length === 0) return null;
  return <p>{segments.map((s) => (s.mark ? <mark>{s.text}</mark> : s.text))}</p>;
}

function Results({ query, outcome }: { query: string; outcome: Extract<SearchOutcome, { kind: 'results' }> }) {
  const { results, total, capped, page, hasNext } = outcome;
  if (results.length === 0) {
    return <p class="search-status">لم نعثر على نتائج لـ«{query}». جرّب كلمات أخرى أو أقل.</p>;
  }
  return (
    <>
      <p class="search-status">
        {resultCount(total, capped)}
        {page > 1 ? ` (الصفحة ${page})` : ''}
      </p>
      <ol class="list">
        {results.map(({ article, url, snippet }) => (
          <ArticleItem article={article} url={url}>
            <Snippet segments={snippet} />
          </ArticleItem>
        ))}
      </ol>
      {page > 1 || hasNext ? (
        <nav class="pager" aria-label="صفحات النتائج">
          {page > 1 ? (
            <a href={searchPath(query, page - 1)} rel="prev">
              السابق
            </a>
          ) : null}
          {hasNext ? (
            <a href={searchPath(query, page + 1)} rel="next">
              التالي
            </a>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

/** The whole search page: `noindex`, no canonical URL, the form first whatever the outcome. */
export function SearchPage(data: SearchPageData) {
  const { query, outcome } = data;
  const searched = outcome.kind === 'results';
  const page = searched && outcome.page > 1 ? ` (الصفحة ${outcome.page})` : '';
  return (
    <Layout
      title={searched ? `نتائج البحث عن «${query}»${page}` : 'البحث في الأرشيف'}
      description="البحث في أرشيف الأخبار."
      canonical={null}
      noindex
      topNews={data.topNews}
      temperature={data.temperature}
    >
      <h1>البحث في الأرشيف</h1>
      <SearchForm id="search-q" name="البحث في الأرشيف" query={query} visibleLabel />
      {outcome.kind === 'problem' ? <p class="search-status">{outcome.message}</p> : null}
      {outcome.kind === 'results' ? <Results query={query} outcome={outcome} /> : null}
    </Layout>
  );
}
