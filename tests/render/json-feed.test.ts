import { extractFromJson } from '@extractus/feed-extractor';
import { describe, expect, it } from 'vitest';
import { articleUrls, JSON_FEED_PATH } from '../../src/paths.ts';
import { siteFeedChannel, tagFeedChannel } from '../../src/render/feed-data.ts';
import { renderJsonFeed } from '../../src/render/json-feed.ts';
import { SITE_NAME } from '../../src/site.ts';
import { FEATURES, XSS } from '../helpers/fixtures.ts';
import { elementsOf, scriptHazards } from '../helpers/html.ts';
import { ENTRIES, HOSTILE, HOSTILE_CLEAN, SITE } from './hostile.ts';

const text = renderJsonFeed(SITE, siteFeedChannel(SITE, JSON_FEED_PATH), ENTRIES);
const feed = JSON.parse(text);
const canonical = (a: typeof FEATURES) => articleUrls(SITE, a).canonical;

describe('JSON Feed 1.1', () => {
  it('reads as a feed in a maintained feed parser (@extractus/feed-extractor)', () => {
    const parsed = extractFromJson(text, { descriptionMaxLen: 0 });
    expect(parsed.title).toBe(SITE_NAME);
    expect(parsed.link).toBe(`${SITE}/`);
    expect(parsed.language).toBe('ar');
    expect(parsed.entries?.map((e) => e.link)).toEqual(ENTRIES.map((e) => canonical(e.article)));
    expect(parsed.entries?.map((e) => e.id)).toEqual(ENTRIES.map((e) => canonical(e.article)));
    expect(parsed.entries?.map((e) => e.published)).toEqual(
      ENTRIES.map((e) => new Date(e.article.publishedAt).toISOString()),
    );
  });

  it('has the 1.1 version, home page, its own URL and language at feed level', () => {
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe(SITE_NAME);
    expect(feed.home_page_url).toBe(`${SITE}/`);
    expect(feed.feed_url).toBe(`${SITE}/feed.json`);
    expect(feed.language).toBe('ar');
  });

  it('gives each item the same facts as the RSS item', () => {
    const { content_html, ...item } = feed.items[2];
    expect(item).toEqual({
      id: canonical(FEATURES),
      url: canonical(FEATURES),
      title: FEATURES.title,
      summary: FEATURES.summary,
      image: `${SITE}/images/kim-putin-summit.svg`,
      tags: ['اختبار', 'تنسيق'],
      date_published: '2024-05-01T10:00:00+03:00',
      date_modified: '2024-05-02T08:15:00+03:00',
      authors: [{ name: 'قسم الاختبار' }],
      language: 'ar',
    });
    expect(content_html).toContain('<h2 id="العنوان-الثاني">');
  });

  it('carries the body with absolute URLs in content_html', async () => {
    const urls = (await elementsOf(feed.items[0].content_html)).flatMap((e) =>
      e.attributes.filter(([n]) => n === 'href' || n === 'src').map(([, v]) => v),
    );
    expect(urls).toContain(`${SITE}/articles/${encodeURIComponent('خبر')}`);
    expect(urls).toContain(`${SITE}/images/test-photo.jpg`);
    expect(urls).toContain('//cdn.example/x.js');
    for (const url of urls) expect(url).toMatch(/^(https:|mailto:|\/\/)/);
  });

  it('cleans hostile text the same way as the XML feeds and keeps the XSS fixtures as text', async () => {
    const [hostile, xss] = feed.items;
    expect(hostile.title).toBe(`عنوان ${HOSTILE_CLEAN}`);
    expect(hostile.summary).toBe(`ملخص ${HOSTILE_CLEAN}`);
    expect(hostile.authors).toEqual([{ name: `كاتب ${HOSTILE_CLEAN}` }]);
    expect(hostile.tags).toEqual([HOSTILE_CLEAN, 'أ&ب']);
    expect(hostile.id).toBe(canonical(HOSTILE));
    // No lone surrogate survives to be written as a \ud800 escape.
    expect(text).not.toMatch(/\\ud[89ab]/i);
    expect(xss.title).toBe(XSS.title);
    expect(await scriptHazards(xss.content_html)).toEqual([]);
  });

  it('is valid with no items, and for a tag', () => {
    const tag = 'روسيا';
    const empty = JSON.parse(renderJsonFeed(SITE, tagFeedChannel(SITE, tag, '/tags/x/feed.json'), []));
    expect(empty.items).toEqual([]);
    expect(empty.home_page_url).toBe(`${SITE}/tags/${encodeURIComponent(tag)}`);
    expect(extractFromJson(empty).entries).toEqual([]);
  });
});
