import { describe, expect, it } from 'vitest';
import { articlePath, monthSitemapPath, parseMonthSitemapName } from '../../src/paths.ts';
import {
  NEWS_SITEMAP_LIMIT,
  renderMonthSitemap,
  renderNewsSitemap,
  renderPagesSitemap,
  renderRobotsTxt,
  renderSitemapIndex,
  renderUrlset,
  SITEMAP_URL_LIMIT,
} from '../../src/render/sitemap.ts';
import { FEATURES, XSS } from '../helpers/fixtures.ts';
import { parseXml } from '../helpers/xml.ts';
import { HOSTILE, HOSTILE_CLEAN, HOSTILE_TEXT, SITE } from './hostile.ts';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

describe('sitemap index', () => {
  it('lists each month with articles, with its lastmod, then the pages sitemap, all absolute', () => {
    const xml = renderSitemapIndex(
      SITE,
      [
        { month: '2024-06', count: 2, lastmod: '2024-06-03T07:00:00+03:00' },
        { month: '2023-09', count: 1, lastmod: '2023-09-14T12:00:00+03:00' },
      ],
      '2024-06-03T07:00:00+03:00',
    );
    const index = parseXml(xml).sitemapindex;
    expect(index['@xmlns']).toBe(SITEMAP_NS);
    expect(index.sitemap).toEqual([
      { loc: `${SITE}/sitemaps/2024-06.xml`, lastmod: '2024-06-03T07:00:00+03:00' },
      { loc: `${SITE}/sitemaps/2023-09.xml`, lastmod: '2023-09-14T12:00:00+03:00' },
      { loc: `${SITE}/sitemaps/pages.xml`, lastmod: '2024-06-03T07:00:00+03:00' },
    ]);
  });

  it('splits a month of more than 50,000 articles into parts the caller can serve', () => {
    const xml = renderSitemapIndex(SITE, [
      { month: '2024-01', count: 2 * SITEMAP_URL_LIMIT + 1, lastmod: '2024-01-31T10:00:00+02:00' },
    ]);
    const locs = parseXml(xml).sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
    expect(locs).toEqual([
      `${SITE}/sitemaps/2024-01.xml`,
      `${SITE}/sitemaps/2024-01-2.xml`,
      `${SITE}/sitemaps/2024-01-3.xml`,
      `${SITE}/sitemaps/pages.xml`,
    ]);
    for (const loc of locs.slice(0, 3)) {
      expect(parseMonthSitemapName(loc.split('/').pop() ?? '')).toMatchObject({ month: '2024-01' });
    }
  });

  it('is valid for a site with no articles yet', () => {
    const index = parseXml(renderSitemapIndex(SITE, [])).sitemapindex;
    expect(index.sitemap).toEqual([{ loc: `${SITE}/sitemaps/pages.xml` }]);
  });
});

describe('monthly sitemap names', () => {
  it.each([
    ['2023-09.xml', { month: '2023-09', part: 1 }],
    ['2023-09-2.xml', { month: '2023-09', part: 2 }],
    ['2023-12-10.xml', { month: '2023-12', part: 10 }],
    ['pages.xml', null],
    ['2023-13.xml', null],
    ['2023-09-1.xml', null],
    ['2023-09-01.xml', null],
    ['2023-9.xml', null],
    ['2023-09.xml.gz', null],
  ])('%s', (name, expected) => {
    expect(parseMonthSitemapName(name)).toEqual(expected);
    if (expected) expect(monthSitemapPath(expected.month, expected.part)).toBe(`/sitemaps/${name}`);
  });
});

describe('monthly sitemap', () => {
  it('lists every article given with lastmod = updatedAt, as absolute URLs', () => {
    const set = parseXml(renderMonthSitemap(SITE, [HOSTILE, XSS])).urlset;
    expect(set['@xmlns']).toBe(SITEMAP_NS);
    expect(set.url).toEqual([
      { loc: `${SITE}/articles/${encodeURIComponent(HOSTILE.slug)}`, lastmod: '2024-06-03T07:00:00+03:00' },
      { loc: `${SITE}/articles/xss`, lastmod: XSS.updatedAt },
    ]);
  });

  // Parsing 50,000 URLs takes seconds on a loaded machine: a generous limit, not a performance check.
  it('takes exactly 50,000 URLs and refuses one more, so no file exceeds the limit', () => {
    const many = Array.from({ length: SITEMAP_URL_LIMIT }, (_, i) => ({
      slug: `n${i}`,
      updatedAt: FEATURES.updatedAt,
    }));
    const xml = renderMonthSitemap(SITE, many);
    expect(parseXml(xml).urlset.url).toHaveLength(SITEMAP_URL_LIMIT);
    expect(new TextEncoder().encode(xml).length).toBeLessThan(50 * 1024 * 1024);
    expect(() => renderMonthSitemap(SITE, [...many, { slug: 'one-more', updatedAt: FEATURES.updatedAt }])).toThrow(
      /50001 URLs, more than the 50000/,
    );
    expect(() =>
      renderUrlset(
        SITE,
        Array.from({ length: SITEMAP_URL_LIMIT + 1 }, () => ({ path: '/' })),
      ),
    ).toThrow(RangeError);
  }, 60_000);
});

describe('pages sitemap', () => {
  it('lists the front page, sections, writers, corrections and every tag page, percent-encoded and absolute', () => {
    const tags = [
      { tag: 'كوريا الشمالية', lastmod: '2023-09-14T12:00:00+03:00' },
      { tag: HOSTILE_TEXT },
      { tag: 'a/b?c#d' },
    ];
    const sections = [{ slug: 'world', lastmod: '2023-09-14T09:00:00Z' }];
    const authors = [{ slug: 'rana-haddad', lastmod: null }];
    const set = parseXml(renderPagesSitemap(SITE, '2024-06-03T07:00:00+03:00', tags, sections, authors)).urlset;
    expect(set.url).toEqual([
      { loc: `${SITE}/`, lastmod: '2024-06-03T07:00:00+03:00' },
      { loc: `${SITE}/sections/world`, lastmod: '2023-09-14T09:00:00Z' },
      { loc: `${SITE}/authors` },
      { loc: `${SITE}/authors/rana-haddad` },
      { loc: `${SITE}/corrections` },
      { loc: `${SITE}/tags/${encodeURIComponent('كوريا الشمالية')}`, lastmod: '2023-09-14T12:00:00+03:00' },
      // The lone surrogate in the hostile tag, which percent-encoding cannot express, is sent as U+FFFD.
      { loc: `${SITE}/tags/${encodeURIComponent(HOSTILE_TEXT.replace('\ud800', '\ufffd'))}` },
      { loc: `${SITE}/tags/a%2Fb%3Fc%23d` },
    ]);
    for (const { loc } of set.url) expect(new URL(loc).origin).toBe(SITE);
  });
});

describe('Google News sitemap', () => {
  it('gives each recent article its publication (the paper name exactly), Beirut-offset date and title', () => {
    const set = parseXml(renderNewsSitemap(SITE, [HOSTILE, FEATURES])).urlset;
    expect(set['@xmlns']).toBe(SITEMAP_NS);
    expect(set['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect(set.url).toEqual([
      {
        loc: `${SITE}${articlePath(HOSTILE.slug)}`,
        'news:news': {
          'news:publication': { 'news:name': 'جريدة الأيام الإلكترونية', 'news:language': 'ar' },
          'news:publication_date': '2024-06-02T09:30:00+03:00',
          'news:title': `عنوان ${HOSTILE_CLEAN}`,
        },
      },
      {
        loc: `${SITE}${articlePath(FEATURES.slug)}`,
        'news:news': {
          'news:publication': { 'news:name': 'جريدة الأيام الإلكترونية', 'news:language': 'ar' },
          'news:publication_date': '2024-05-01T10:00:00+03:00',
          'news:title': FEATURES.title,
        },
      },
    ]);
  });

  it('keeps the XSS title as text', () => {
    const set = parseXml(renderNewsSitemap(SITE, [XSS])).urlset;
    expect(set.url[0]['news:news']['news:title']).toBe(XSS.title);
  });

  it('is valid and empty when nothing is recent', () => {
    const set = parseXml(renderNewsSitemap(SITE, [])).urlset;
    expect(set.url).toBeUndefined();
    expect(set['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
  });

  it('lists at most 1,000 articles, the first ones given', () => {
    const many = Array.from({ length: NEWS_SITEMAP_LIMIT + 5 }, (_, i) => ({ ...FEATURES, slug: `n${i}` }));
    const urls = parseXml(renderNewsSitemap(SITE, many)).urlset.url;
    expect(urls).toHaveLength(1000);
    expect(urls[999].loc).toBe(`${SITE}/articles/n999`);
  });
});

describe('robots.txt', () => {
  it('points to the sitemap index and the news sitemap with absolute URLs from SITE_URL', () => {
    const lines = renderRobotsTxt('https://news.example.org').split('\n');
    expect(lines).toContain('Sitemap: https://news.example.org/sitemap.xml');
    expect(lines).toContain('Sitemap: https://news.example.org/news-sitemap.xml');
    expect(lines[0]).toBe('User-agent: *');
  });
});
