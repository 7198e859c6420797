/** Parts every page shares, HTML and AMP alike: header with search and the temperature, top-news list, footer. */
import type { Child } from 'hono/jsx';
import { SITE_NAME } from '../site.ts';

/** A link in the "أهم الأخبار" list. */
export interface NewsLink {
  title: string;
  url: string;
}

/** The search path, where the header's box and link lead. */
export const SEARCH_PATH = '/search';

/**
 * The archive search box: a plain GET form, usable without JavaScript. `id` names its input, unique per page;
 * `query` refills it; `visibleLabel` shows the label instead of leaving it to screen readers.
 */
export function SearchForm({
  id,
  name,
  query = '',
  visibleLabel = false,
}: {
  id: string;
  /** The landmark's name, distinct per form of a page (the search page has two). */
  name: string;
  query?: string;
  visibleLabel?: boolean;
}) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is too new for older browsers; role="search" works everywhere.
    <form role="search" aria-label={name} action={SEARCH_PATH} method="get" class="search">
      <label for={id} class={visibleLabel ? undefined : 'vh'}>
        ابحث في الأرشيف
      </label>
      <input type="search" id={id} name="q" value={query} dir="auto" />
      <button type="submit">بحث</button>
    </form>
  );
}

/**
 * The site header: name, search and temperature. HTML pages get the search form; AMP pages a plain link to the
 * search page (a form on AMP needs the amp-form script).
 */
export function SiteHeader({ temperature, search }: { temperature: Child; search: 'form' | 'link' }) {
  return (
    <header class="site">
      <div class="wrap">
        <a class="brand" href="/">
          {SITE_NAME}
        </a>
        {temperature}
        {search === 'form' ? (
          <SearchForm id="site-q" name="البحث في الموقع" />
        ) : (
          <a class="search-link" href={SEARCH_PATH}>
            بحث
          </a>
        )}
      </div>
    </header>
  );
}

export function TopNews({ links, currentPath }: { links: NewsLink[]; currentPath?: string | undefined }) {
  if (links.length === 0) return null;
  return (
    <nav class="top-news" aria-labelledby="top-news-title">
      <div class="wrap">
        <h2 id="top-news-title">أهم الأخبار:</h2>
        <ul>
          {links.map((link) => (
            <li>
              <a href={link.url} aria-current={link.url === currentPath ? 'page' : undefined}>
                {link.title}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}

export function SiteFooter() {
  return (
    <footer class="site-footer">
      <div class="wrap">
        <p>
          © {SITE_NAME}. بيانات الطقس من <a href="https://open-meteo.com/">Open-Meteo.com</a> (CC BY 4.0).
        </p>
      </div>
    </footer>
  );
}
