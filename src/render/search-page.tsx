/** The search page (/search): the form, then results with marked snippets, or why there are none. Never indexed. */
import type { SnippetSegment } from '../search/snippet.ts';
import { SEARCH_PATH, SearchForm } from './chrome.tsx';
import { Layout } from './layout.tsx';
import type { SearchOutcome, SearchPageData } from './page-data.ts';
import { FIT, TeaserItem } from './teaser.tsx';

export type { SearchOutcome, SearchPageData, SearchResult } from './page-data.ts';

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
  return <p class="sum">{segments.map((s) => (s.mark ? <mark>{s.text}</mark> : s.text))}</p>;
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
      <ol class="rows two">
        {results.map(({ snippet, ...teaser }) => (
          <TeaserItem teaser={teaser} look="row" level={2} fit={FIT.listThumb}>
            <Snippet segments={snippet} />
          </TeaserItem>
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
      chrome={data.chrome}
    >
      <h1>البحث في الأرشيف</h1>
      <SearchForm id="search-q" name="البحث في الأرشيف" query={query} visibleLabel />
      {outcome.kind === 'problem' ? <p class="search-status">{outcome.message}</p> : null}
      {outcome.kind === 'results' ? <Results query={query} outcome={outcome} /> : null}
    </Layout>
  );
}
