/**
 * Sitemaps (https://www.sitemaps.org/protocol.html): the index, monthly article sitemaps, the pages sitemap and
 * the Google News sitemap. Every URL is absolute from SITE_URL; every text goes through lib/xml.ts.
 */
import type { ArticleMeta } from '../content/types.ts';
import { xmlText } from '../lib/xml.ts';
import {
  AUTHORS_PATH,
  absoluteUrl,
  articlePath,
  authorPath,
  CORRECTIONS_PATH,
  listPath,
  monthSitemapPath,
  NEWS_SITEMAP_PATH,
  PAGES_SITEMAP_PATH,
  SITEMAP_INDEX_PATH,
  sectionPath,
} from '../paths.ts';
import { SITE_LANG, SITE_NAME } from '../site.ts';

/** Most URLs one sitemap (or sitemap index) may list. */
export const SITEMAP_URL_LIMIT = 50_000;
/** Most articles Google reads from a news sitemap. */
export const NEWS_SITEMAP_LIMIT = 1_000;
/** How far back the news sitemap reaches: 48 hours. */
export const NEWS_WINDOW_MS = 48 * 3600_000;

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

/** One month that has articles: `YYYY-MM` (Beirut time, as `publishedAt` is written), count and newest change. */
export interface SitemapMonth {
  month: string;
  /** Articles published that month. */
  count: number;
  /** The newest `updatedAt` among them (ISO 8601). */
  lastmod: string;
}

/** A URL in a urlset, as a site path or absolute URL. */
export interface SitemapUrl {
  path: string;
  lastmod?: string | null;
}

function checkSize(what: string, n: number) {
  if (n > SITEMAP_URL_LIMIT) {
    throw new RangeError(`${what}: ${n} URLs, more than the ${SITEMAP_URL_LIMIT} one sitemap may hold`);
  }
}

const lastmodElement = (lastmod: string | null | undefined) =>
  lastmod ? `<lastmod>${xmlText(lastmod)}</lastmod>` : '';

/**
 * The sitemap index: each month's sitemap (split into parts of SITEMAP_URL_LIMIT articles when a month has more;
 * see monthSitemapPath) with its lastmod, then the pages sitemap. `months` is in the order to list them.
 */
export function renderSitemapIndex(siteUrl: string, months: SitemapMonth[], pagesLastmod?: string | null): string {
  const entries: string[] = [];
  for (const { month, count, lastmod } of months) {
    const parts = Math.max(1, Math.ceil(count / SITEMAP_URL_LIMIT));
    for (let part = 1; part <= parts; part++) {
      entries.push(
        `<sitemap><loc>${xmlText(absoluteUrl(siteUrl, monthSitemapPath(month, part)))}</loc>${lastmodElement(lastmod)}</sitemap>`,
      );
    }
  }
  entries.push(
    `<sitemap><loc>${xmlText(absoluteUrl(siteUrl, PAGES_SITEMAP_PATH))}</loc>${lastmodElement(pagesLastmod)}</sitemap>`,
  );
  checkSize('renderSitemapIndex', entries.length);
  return `${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">\n${entries.join('\n')}\n</sitemapindex>\n`;
}

/** A urlset of the given URLs. Throws a RangeError above SITEMAP_URL_LIMIT: the caller pages instead. */
export function renderUrlset(siteUrl: string, urls: SitemapUrl[]): string {
  checkSize('renderUrlset', urls.length);
  const entries = urls.map(
    ({ path, lastmod }) => `<url><loc>${xmlText(absoluteUrl(siteUrl, path))}</loc>${lastmodElement(lastmod)}</url>`,
  );
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}">\n${entries.join('\n')}\n</urlset>\n`;
}

/**
 * One part of a month's sitemap: every article given, with lastmod = updatedAt. Part N of a month holds the
 * articles from offset (N - 1) × SITEMAP_URL_LIMIT, at most SITEMAP_URL_LIMIT of them.
 */
export function renderMonthSitemap(siteUrl: string, articles: Pick<ArticleMeta, 'slug' | 'updatedAt'>[]): string {
  return renderUrlset(
    siteUrl,
    articles.map((a) => ({ path: articlePath(a.slug), lastmod: a.updatedAt })),
  );
}

/** A tag with the newest `updatedAt` of its articles. */
export interface SitemapTag {
  tag: string;
  lastmod?: string | null;
}

/** The front page, every section, writer and tag page, with their newest change when known. */
export function renderPagesSitemap(
  siteUrl: string,
  homeLastmod: string | null,
  tags: SitemapTag[],
  sections: { slug: string; lastmod: string | null }[] = [],
  authors: { slug: string; lastmod: string | null }[] = [],
): string {
  return renderUrlset(siteUrl, [
    { path: listPath(null), lastmod: homeLastmod },
    ...sections.map(({ slug, lastmod }) => ({ path: sectionPath(slug), lastmod })),
    ...(authors.length > 0 ? [{ path: AUTHORS_PATH, lastmod: null }] : []),
    ...authors.map(({ slug, lastmod }) => ({ path: authorPath(slug), lastmod })),
    { path: CORRECTIONS_PATH, lastmod: null },
    ...tags.map(({ tag, lastmod }) => ({ path: listPath(tag), lastmod: lastmod ?? null })),
  ]);
}

/**
 * The Google News sitemap of the given articles (those published in the last NEWS_WINDOW_MS, newest first: the
 * caller selects them), at most NEWS_SITEMAP_LIMIT. news:name is SITE_NAME exactly as the site shows it;
 * news:publication_date keeps the Beirut offset of `publishedAt`. Well-formed when there is nothing to list.
 */
export function renderNewsSitemap(
  siteUrl: string,
  articles: Pick<ArticleMeta, 'slug' | 'title' | 'publishedAt'>[],
): string {
  const publication = `<news:publication><news:name>${xmlText(SITE_NAME)}</news:name><news:language>${SITE_LANG}</news:language></news:publication>`;
  const entries = articles
    .slice(0, NEWS_SITEMAP_LIMIT)
    .map(
      (a) =>
        `<url><loc>${xmlText(absoluteUrl(siteUrl, articlePath(a.slug)))}</loc><news:news>${publication}` +
        `<news:publication_date>${xmlText(a.publishedAt)}</news:publication_date>` +
        `<news:title>${xmlText(a.title)}</news:title></news:news></url>`,
    );
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${entries.join('\n')}\n</urlset>\n`;
}

/** robots.txt: everything allowed, and where the sitemap index and the news sitemap are (absolute URLs). */
export function renderRobotsTxt(siteUrl: string): string {
  const index = absoluteUrl(siteUrl, SITEMAP_INDEX_PATH);
  return `User-agent: *\nAllow: /\n\nSitemap: ${index}\nSitemap: ${absoluteUrl(siteUrl, NEWS_SITEMAP_PATH)}\n`;
}
