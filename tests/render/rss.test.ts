import { extractFromXml } from '@extractus/feed-extractor';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/markdown/render.ts';
import { articleUrls } from '../../src/paths.ts';
import { siteFeedChannel, tagFeedChannel } from '../../src/render/feed-data.ts';
import { renderRss } from '../../src/render/rss.ts';
import { SITE_NAME } from '../../src/site.ts';
import { FEATURES, XSS } from '../helpers/fixtures.ts';
import { elementsOf, scriptHazards } from '../helpers/html.ts';
import { withFixtureMedia } from '../helpers/media.ts';
import { parseXml } from '../helpers/xml.ts';
import { ENTRIES, HOSTILE, HOSTILE_CLEAN, SITE } from './hostile.ts';

const NOW = Date.parse('2024-07-01T00:00:00Z');
const xml = renderRss(SITE, siteFeedChannel(SITE), ENTRIES, { now: NOW });
const rss = parseXml(xml).rss;
const items = rss.channel.item;
const canonical = (a: typeof FEATURES) => articleUrls(SITE, a).canonical;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
/** HTML text back to plain text (the five escapes the feed uses). */
const fromHtml = (html: string) => html.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);
const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} ([+-]\d{4}|GMT)$/;

describe('RSS 2.0 feed', () => {
  it('reads as a feed in a maintained feed parser (@extractus/feed-extractor)', () => {
    const feed = extractFromXml(xml, { descriptionMaxLen: 0 });
    expect(feed.title).toBe(SITE_NAME);
    expect(feed.link).toBe(`${SITE}/`);
    expect(feed.language).toBe('ar');
    expect(feed.entries?.map((e) => e.link)).toEqual(ENTRIES.map((e) => canonical(e.article)));
    expect(feed.entries?.map((e) => e.id)).toEqual(ENTRIES.map((e) => canonical(e.article)));
    expect(feed.entries?.map((e) => e.published)).toEqual(
      ENTRIES.map((e) => new Date(e.article.publishedAt).toISOString()),
    );
    expect(feed.entries?.[1]?.title).toBe(XSS.title);
  });

  it('has the channel elements: language ar, atom:link self, lastBuildDate, ttl', () => {
    const { channel } = rss;
    expect(rss['@version']).toBe('2.0');
    expect(channel.title).toBe(SITE_NAME);
    expect(channel.link).toBe(`${SITE}/`);
    expect(channel.description).toContain(SITE_NAME);
    expect(channel.language).toBe('ar');
    expect(channel['atom:link']).toEqual({
      '@href': `${SITE}/feed.xml`,
      '@rel': 'self',
      '@type': 'application/rss+xml',
    });
    // The newest change among the items (HOSTILE, updated 2024-06-03), not the time of rendering.
    expect(channel.lastBuildDate).toBe('Mon, 03 Jun 2024 07:00:00 +0300');
    expect(channel.ttl).toBe('5');
  });

  it('gives each item its title, absolute link, permalink guid, RFC 822 pubDate in Beirut time and summary', () => {
    const item = items[2];
    expect(item.title).toBe(FEATURES.title);
    expect(item.link).toBe(`${SITE}/articles/${encodeURIComponent(FEATURES.slug)}`);
    expect(item.guid).toEqual({ '#text': item.link, '@isPermaLink': 'true' });
    expect(item.pubDate).toBe('Wed, 01 May 2024 10:00:00 +0300');
    expect(Date.parse(item.pubDate)).toBe(Date.parse(FEATURES.publishedAt));
    for (const i of items) expect(i.pubDate).toMatch(RFC_822);
    expect(rss.channel.lastBuildDate).toMatch(RFC_822);
    expect(item.description).toBe(FEATURES.summary);
    expect(extractFromXml(xml, { descriptionMaxLen: 0 }).entries?.[2]?.description).toBe(FEATURES.summary);
  });

  it('lists every tag as a category, the author as dc:creator and the lead image as media:content', () => {
    const item = items[2];
    expect(item.category).toEqual(['اختبار', 'تنسيق']);
    expect(item['dc:creator']).toBe('قسم الاختبار');
    expect(item['media:content']).toEqual({
      '@url': `${SITE}/images/kim-putin-summit.svg`,
      '@medium': 'image',
      '@type': 'image/svg+xml',
      '@width': '1200',
      '@height': '675',
      'media:description': 'رسم توضيحي للاختبار',
    });
    expect(items[0]['media:content']['@type']).toBe('image/jpeg');
  });

  it('carries the full body in content:encoded with every site URL made absolute', async () => {
    const body = items[0]['content:encoded'];
    const urls = (await elementsOf(body)).flatMap((e) =>
      e.attributes.filter(([n]) => n === 'href' || n === 'src').map(([, v]) => v),
    );
    const page = canonical(HOSTILE);
    expect(urls).toEqual([
      `${SITE}/articles/${encodeURIComponent('خبر')}`,
      `${page}#${encodeURIComponent('الخلفية')}`,
      `${SITE}/articles/${encodeURIComponent('مجلد')}/${encodeURIComponent('ملف')}`,
      '//cdn.example/x.js',
      // HTMLRewriter reports attribute values as written: the body's own escaping is kept.
      'https://example.com/?a=1&amp;b=2',
      'mailto:desk@example.com',
      `${SITE}/images/test-photo.jpg`,
    ]);
    // The real rendered body of the feature article: its local image and internal link are absolute too.
    const features = await elementsOf(items[2]['content:encoded']);
    const featureUrls = features.flatMap((e) => e.attributes.filter(([n]) => n === 'href' || n === 'src'));
    expect(featureUrls.length).toBeGreaterThan(3);
    for (const [, url] of featureUrls) expect(url).toMatch(/^(https:\/\/|mailto:)/);
    expect(featureUrls).toContainEqual(['src', `${SITE}/images/kim-putin-summit.svg`]);
  });

  it('makes every URL of a body photo absolute, srcset candidates included', async () => {
    const photo = withFixtureMedia(FEATURES);
    const entry = { article: photo, bodyHtml: renderMarkdown(photo.body, 'html', photo.bodyImages) };
    const feed = parseXml(renderRss(SITE, siteFeedChannel(SITE), [entry], { now: NOW })).rss;
    const elements = await elementsOf(feed.channel.item[0]['content:encoded']);
    const urls = elements.flatMap((e) =>
      e.attributes.flatMap(([name, value]) =>
        name === 'srcset' ? value.split(', ').map((c) => c.split(' ')[0]) : name === 'src' ? [value] : [],
      ),
    );
    expect(urls).toContain(`${SITE}/media/img/0a1b2c3d4e5f6a7b/480.avif`);
    expect(urls).toContain(`${SITE}/media/img/0a1b2c3d4e5f6a7b/1200.jpg`);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  it('keeps hostile text (]]>, &, markup, controls, RTL override) escaped, parseable and clean', async () => {
    const item = items[0];
    expect(item.title).toBe(`عنوان ${HOSTILE_CLEAN}`);
    // description is HTML to readers: the summary arrives as HTML text with no element in it.
    expect(fromHtml(item.description)).toBe(`ملخص ${HOSTILE_CLEAN}`);
    expect(await elementsOf(item.description)).toEqual([]);
    expect(item['dc:creator']).toBe(`كاتب ${HOSTILE_CLEAN}`);
    expect(item.category).toEqual([HOSTILE_CLEAN, 'أ&ب']);
    expect(item['media:content']['media:description']).toBe(`صورة ${HOSTILE_CLEAN}`);
    expect(item['content:encoded']).toContain(
      HOSTILE_CLEAN.replace('&', '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    );
    expect(xml).not.toMatch(/<!\[CDATA\[/);
  });

  it('keeps the XSS fixtures as text: titles read back exactly, the body is inert HTML', async () => {
    const item = items[1];
    expect(item.title).toBe('</title><script>alert(1)</script>');
    expect(fromHtml(item.description)).toBe(XSS.summary);
    expect(await elementsOf(item.description)).toEqual([]);
    expect(item['dc:creator']).toBe(XSS.author);
    expect(item.category).toEqual(XSS.tags);
    expect(await scriptHazards(item['content:encoded'])).toEqual([]);
  });

  it('serves a tag feed with the tag page as link and its own self URL', () => {
    const tag = 'كوريا الشمالية';
    const tagXml = renderRss(SITE, tagFeedChannel(SITE, tag), [ENTRIES[2] as (typeof ENTRIES)[number]], { now: NOW });
    const feed = extractFromXml(tagXml);
    const encoded = encodeURIComponent(tag);
    expect(feed.title).toBe(`${tag} | ${SITE_NAME}`);
    expect(feed.link).toBe(`${SITE}/tags/${encoded}`);
    expect(parseXml(tagXml).rss.channel['atom:link']['@href']).toBe(`${SITE}/tags/${encoded}/feed.xml`);
    expect(feed.entries).toHaveLength(1);
  });

  it('is a valid feed with no items, built at `now`', () => {
    const empty = renderRss(SITE, siteFeedChannel(SITE), [], { now: NOW, ttl: 15 });
    const { channel } = parseXml(empty).rss;
    expect(channel.item).toBeUndefined();
    expect(channel.lastBuildDate).toBe('Mon, 01 Jul 2024 00:00:00 GMT');
    expect(channel.ttl).toBe('15');
    expect(extractFromXml(empty).entries).toEqual([]);
  });

  it('makes every URL in the feed absolute, on SITE_URL', () => {
    const other = renderRss('https://news.example.org/', siteFeedChannel('https://news.example.org/'), ENTRIES, {
      now: NOW,
    });
    const { channel } = parseXml(other).rss;
    expect(channel.link).toBe('https://news.example.org/');
    for (const i of channel.item) {
      expect(i.link.startsWith('https://news.example.org/articles/')).toBe(true);
      expect(i['media:content']['@url'].startsWith('https://news.example.org/images/')).toBe(true);
    }
  });
});
