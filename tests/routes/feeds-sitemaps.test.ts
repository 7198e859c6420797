import { env } from 'cloudflare:test';
import { extractFromJson, extractFromXml } from '@extractus/feed-extractor';
import { describe, expect, it } from 'vitest';
import { publishArticles } from '../../src/publish/publish.ts';
import { SITE_NAME } from '../../src/site.ts';
import { testApp } from '../helpers/app.ts';
import { article } from '../helpers/articles.ts';
import { XSS } from '../helpers/fixtures.ts';
import { parseXml } from '../helpers/xml.ts';

const SITE = 'https://news.example';
// 12:00 UTC on 10 June 2024 (15:00 in Beirut).
const NOW = Date.parse('2024-06-10T12:00:00Z');
const make = (slug: string, date: string, extra = '') =>
  article(
    `content/${slug}.md`,
    `---\ntitle: عنوان ${slug}\nslug: ${slug}\ndate: ${date}\n${extra}---\n\nنص ${slug} مع [رابط](/articles/${slug}).\n`,
  );
/** 60 articles, one every 12 hours back from 2024-06-10 09:00 Beirut, across May and June. */
const MANY = Array.from({ length: 60 }, (_, i) => {
  const at = new Date(Date.parse('2024-06-10T06:00:00Z') - i * 12 * 3600_000);
  return make(`m${i}`, `${at.toISOString().slice(0, 19)}Z`, `tags: [${i % 2 ? 'اقتصاد' : 'سياسة'}]\n`);
});
const FUTURE = make('future', '2024-06-11T10:00:00', 'tags: [اقتصاد]\n');
const GONE = make('gone', '2024-06-09T10:00:00', 'tags: [اقتصاد]\n');
const HOSTILE = {
  ...XSS,
  slug: 'xss',
  publishedAt: '2024-05-01T10:00:00+03:00',
  updatedAt: '2024-05-01T10:00:00+03:00',
};
const site = testApp({
  bindings: env,
  articles: [...MANY, FUTURE, GONE, HOSTILE],
  now: () => NOW,
  env: { SITE_URL: SITE },
});
// GONE was published, then its file removed: taken down before any request.
const ready = site.seed().then(() => publishArticles(env.DB, [...MANY, FUTURE, HOSTILE], { now: new Date(NOW) }));
const get = async (path: string, init?: RequestInit) => {
  await ready;
  return site.request(path, init);
};

describe('feeds', () => {
  it('/feed.xml is RSS 2.0 of the 50 newest articles, readable by a feed parser, with absolute URLs', async () => {
    const res = await get('/feed.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/rss+xml; charset=utf-8');
    expect(res.headers.get('Cache-Control')).toMatch(/^public, max-age=60/);
    const xml = await res.text();
    const doc = parseXml(xml);
    const items = doc.rss.channel.item;
    expect(items).toHaveLength(50);
    expect(items[0].link).toBe(`${SITE}/articles/m0`);
    expect(items[0].guid['@isPermaLink']).toBe('true');
    expect(items[0]['content:encoded']).toContain(`href="${SITE}/articles/m0"`);
    expect(doc.rss.channel.language).toBe('ar');
    expect(doc.rss.channel['atom:link']['@href']).toBe(`${SITE}/feed.xml`);
    const feed = extractFromXml(xml, { descriptionMaxLen: 0 });
    expect(feed.entries?.map((e) => e.link)).toEqual(MANY.slice(0, 50).map((a) => `${SITE}/articles/${a.slug}`));
    expect(xml).not.toContain('/articles/future');
    expect(xml).not.toContain('/articles/gone');
  });

  it('/feed.json is JSON Feed 1.1 with the same items', async () => {
    const res = await get('/feed.json');
    expect(res.headers.get('Content-Type')).toBe('application/feed+json; charset=utf-8');
    const json = (await res.json()) as {
      version: string;
      language: string;
      items: { url: string; content_html: string }[];
    };
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.language).toBe('ar');
    expect(json.items.map((i) => i.url)).toEqual(MANY.slice(0, 50).map((a) => `${SITE}/articles/${a.slug}`));
    const feed = extractFromJson(json);
    expect(feed.entries).toHaveLength(50);
  });

  it('/tags/<tag>/feed.xml carries only that tag; an unknown tag has no feed', async () => {
    const xml = await (await get(`/tags/${encodeURIComponent('اقتصاد')}/feed.xml`)).text();
    const links = extractFromXml(xml).entries?.map((e) => e.link) ?? [];
    expect(links).toEqual(MANY.filter((a) => a.tags.includes('اقتصاد')).map((a) => `${SITE}/articles/${a.slug}`));
    expect((await get('/tags/لا-يوجد/feed.xml')).status).toBe(404);
  });

  it('answer 304 to a client that has the current version', async () => {
    const first = await get('/feed.xml');
    const etag = first.headers.get('ETag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    const again = await get('/feed.xml', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });

  it('keep hostile article text escaped and the XML well-formed', async () => {
    const res = await get('/sitemaps/2024-05.xml');
    expect(parseXml(await res.text()).urlset.url.map((u: { loc: string }) => u.loc)).toContain(`${SITE}/articles/xss`);
    const all = await get(`/tags/${encodeURIComponent('<script>alert(1)</script>')}/feed.xml`);
    expect(all.status).toBe(200);
    const xml = await all.text();
    const doc = parseXml(xml);
    expect(doc.rss.channel.item[0].title).toBe('</title><script>alert(1)</script>');
    expect(xml).not.toContain('<script>');
  });
});

describe('sitemaps', () => {
  it('/sitemap.xml indexes one sitemap per month plus the pages sitemap, with absolute URLs', async () => {
    const res = await get('/sitemap.xml');
    expect(res.headers.get('Content-Type')).toBe('application/xml; charset=utf-8');
    const locs = parseXml(await res.text()).sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
    expect(locs).toEqual([
      `${SITE}/sitemaps/2024-05.xml`,
      `${SITE}/sitemaps/2024-06.xml`,
      `${SITE}/sitemaps/pages.xml`,
    ]);
  });

  it('lists every published article exactly once across the monthly sitemaps, and nothing else', async () => {
    const seen: string[] = [];
    for (const month of ['2024-05', '2024-06']) {
      const doc = parseXml(await (await get(`/sitemaps/${month}.xml`)).text());
      for (const url of doc.urlset.url) {
        seen.push(url.loc);
        expect(url.lastmod).toMatch(/^2024-0[56]-\d\dT\d\d:\d\d:\d\d\+03:00$/);
      }
    }
    const expected = [...MANY, HOSTILE].map((a) => `${SITE}/articles/${encodeURIComponent(a.slug)}`);
    expect(seen.sort()).toEqual(expected.sort());
    expect((await get('/sitemaps/2024-07.xml')).status).toBe(404);
    expect((await get('/sitemaps/nonsense.xml')).status).toBe(404);
  });

  it('/sitemaps/pages.xml lists the front page and every tag page', async () => {
    const doc = parseXml(await (await get('/sitemaps/pages.xml')).text());
    const locs = doc.urlset.url.map((u: { loc: string }) => u.loc);
    expect(locs[0]).toBe(`${SITE}/`);
    expect(locs).toContain(`${SITE}/tags/${encodeURIComponent('اقتصاد')}`);
    expect(locs).toContain(`${SITE}/tags/${encodeURIComponent('سياسة')}`);
  });

  it('/news-sitemap.xml lists only the last 48 hours, with the paper name and the Beirut offset', async () => {
    const doc = parseXml(await (await get('/news-sitemap.xml')).text());
    const urls = doc.urlset.url;
    // One article every 12 hours, the newest 3 hours old: 4 within 48 hours (3, 15, 27 and 39 hours old).
    expect(urls.map((u: { loc: string }) => u.loc)).toEqual(
      ['m0', 'm1', 'm2', 'm3'].map((s) => `${SITE}/articles/${s}`),
    );
    const news = urls[0]['news:news'];
    expect(news['news:publication']['news:name']).toBe(SITE_NAME);
    expect(news['news:publication']['news:language']).toBe('ar');
    expect(news['news:publication_date']).toBe('2024-06-10T09:00:00+03:00');
    expect(news['news:title']).toBe('عنوان m0');
  });

  it('robots.txt points at the sitemap index and the news sitemap with absolute URLs', async () => {
    const res = await get('/robots.txt');
    expect(res.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
    const text = await res.text();
    expect(text).toContain(`Sitemap: ${SITE}/sitemap.xml\n`);
    expect(text).toContain(`Sitemap: ${SITE}/news-sitemap.xml\n`);
  });
});
