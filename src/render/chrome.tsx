/**
 * Parts every page shares, HTML and AMP alike, none needing JavaScript: the masthead (name, date, temperature,
 * search), the sections bar, the "عاجل" bar, the "أهم الأخبار" band, the footer.
 */
import { SITE_NAME } from '../site.ts';
import type { BreakingNews, Chrome, NewsLink, SectionLink } from './page-data.ts';
import { formatClock } from './reader-date.ts';

export type { NewsLink } from './page-data.ts';

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
 * The top of every page: the masthead (name, the date line, the temperature, search), the sections bar, then
 * the breaking bar and the top-news band when there is something in them. HTML pages get the search form; AMP
 * pages a plain link to the search page (a form on AMP needs the amp-form script). `home` marks the front page's
 * link in the sections bar as the current page.
 */
export function PageTop({ chrome, search, home = false }: { chrome: Chrome; search: 'form' | 'link'; home?: boolean }) {
  return (
    <>
      <header class="site">
        <div class="wrap mast">
          <div class="id">
            <a class="brand" href="/">
              {SITE_NAME}
            </a>
            {chrome.slots.date}
          </div>
          <div class="tools">
            {chrome.slots.temperature}
            {search === 'form' ? (
              <SearchForm id="site-q" name="البحث في الموقع" />
            ) : (
              <a class="search-link" href={SEARCH_PATH}>
                بحث
              </a>
            )}
          </div>
        </div>
        <SectionsNav sections={chrome.sections} current={chrome.currentSection} home={home} />
      </header>
      {chrome.breaking ? <BreakingBar news={chrome.breaking} /> : null}
      <TopNews links={chrome.topNews} />
    </>
  );
}

/**
 * The sections bar: the front page, then every section in nav order, the current one marked. One line that
 * scrolls sideways on a phone (CSS only).
 */
export function SectionsNav({
  sections,
  current,
  home = false,
}: {
  sections: SectionLink[];
  current: string | null;
  home?: boolean;
}) {
  return (
    <nav class="sections" aria-label="الأقسام">
      <ul class="wrap">
        <li>
          <a href="/" aria-current={home ? 'page' : undefined}>
            الرئيسية
          </a>
        </li>
        {sections.map((section) => (
          <li>
            <a href={section.url} aria-current={section.slug === current ? 'page' : undefined}>
              {section.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The red "عاجل" bar: the label ("مباشر" for live coverage), the time and the headline, linking to the article. */
export function BreakingBar({ news }: { news: BreakingNews }) {
  return (
    <aside class="breaking" aria-label="خبر عاجل">
      <p class="wrap">
        <a href={news.url}>
          <strong>{news.live ? 'مباشر' : 'عاجل'}</strong>{' '}
          <time datetime={news.publishedAt}>{formatClock(news.publishedAt)}</time> <span>{news.title}</span>
        </a>
      </p>
    </aside>
  );
}

/** The "أهم الأخبار" band: headline links in one line that scrolls sideways; nothing when empty. */
export function TopNews({ links }: { links: NewsLink[] }) {
  if (links.length === 0) return null;
  return (
    <nav class="top-news" aria-labelledby="top-news-title">
      <div class="wrap">
        <h2 id="top-news-title">أهم الأخبار</h2>
        <ul>
          {links.map((link) => (
            <li>
              <a href={link.url}>{link.title}</a>
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
