/**
 * What a request costs in D1 and when published changes show, through the app over an in-memory D1 (node:sqlite
 * behind the publish step's adapter: the same SQL as local D1). In Node, so that the mutation run covers the
 * page routes' freshness rules.
 */
import { describe, expect, it } from 'vitest';
import { ARCHIVE_FRESH_MS } from '../../src/cache/isolate.ts';
import type { Article } from '../../src/content/types.ts';
import { publishArticles } from '../../src/publish/publish.ts';
import { testApp } from '../helpers/app.ts';
import { article } from '../helpers/articles.ts';
import { recordingD1 } from '../helpers/d1.ts';
import { memoryD1, nodeBindings } from './support/bindings.ts';

const env = nodeBindings({ DB: await memoryD1() });

const make = (slug: string, date: string, extra = '') =>
  article(
    `content/${slug}.md`,
    `---\ntitle: عنوان ${slug}\nslug: ${slug}\ndate: ${date}\ntags: [لبنان]\n${extra}---\n\nنص ${slug}.\n`,
  );

/** One isolate: an app with its own caches and clock, reading this file's D1 through a recorder. */
function isolate(start: string) {
  const clock = { now: Date.parse(start) };
  const recorder = recordingD1(env.DB);
  const site = testApp({ bindings: env, env: { DB: recorder.db }, now: () => clock.now });
  return {
    clock,
    recorder,
    get: site.request,
    publish: (articles: Article[]) => publishArticles(env.DB, articles, { now: new Date(clock.now) }),
  };
}

const A = make('a', '2024-01-01T10:00:00', 'top: true\n');
const B = make('b', '2024-01-02T10:00:00');

describe('D1 queries per request', () => {
  it('a cold isolate serves an article page with at most 2, a warm one with none', async () => {
    const site = isolate('2025-01-01T00:00:00Z');
    await site.publish([A, B]);
    site.recorder.reset();
    expect((await site.get('/articles/a')).status).toBe(200);
    expect(site.recorder.roundTrips).toBeLessThanOrEqual(2);
    site.recorder.reset();
    expect((await site.get('/articles/a')).status).toBe(200);
    expect((await site.get('/articles/a/amp')).status).toBe(200);
    expect((await site.get('/api/articles/a')).status).toBe(200);
    expect(site.recorder.roundTrips).toBe(0);
  });

  it.each(['/', '/api/articles', '/api/articles?tag=لبنان&limit=5'])(
    'a cold isolate serves %s with at most 2',
    async (path) => {
      const site = isolate('2025-01-01T00:00:00Z');
      await site.publish([A, B]);
      site.recorder.reset();
      expect((await site.get(path)).status).toBe(200);
      expect(site.recorder.roundTrips).toBeLessThanOrEqual(2);
    },
  );
});

describe('the top-news list', () => {
  it('shows the articles marked top, and only those, on every page but their own and the front page', async () => {
    const site = isolate('2025-01-01T00:00:00Z');
    await site.publish([A, B]);
    for (const path of ['/articles/b', '/articles/b/amp', '/tags/لبنان']) {
      const html = await (await site.get(path)).text();
      const start = html.indexOf('id="top-news-title"');
      expect(start, path).toBeGreaterThan(0);
      const list = html.slice(start, html.indexOf('</ul>', start));
      expect(list, path).toContain('href="/articles/a"');
      expect(list, path).not.toContain('/articles/b');
    }
    // On its own page the only top article is not in the band, so there is none; the front page shows it as the lead.
    expect(await (await site.get('/articles/a')).text()).not.toContain('id="top-news-title"');
    const front = await (await site.get('/')).text();
    expect(front).not.toContain('id="top-news-title"');
    expect(front).toMatch(/<article class="lead[^"]*">[\s\S]*?href="\/articles\/a"/);
  });
});

describe('publishing without a deploy', () => {
  it('shows an edited article on every route within 60 seconds', async () => {
    const site = isolate('2025-01-01T00:00:00Z');
    await site.publish([A, B]);
    for (const path of ['/', '/articles/a', '/articles/a/amp', '/api/articles/a', '/api/articles']) {
      expect(await (await site.get(path)).text(), path).toContain('عنوان a');
    }
    const edited = { ...make('a', '2024-01-01T10:00:00', 'top: true\n'), title: 'عنوان مصحح' };
    await site.publish([{ ...edited, version: `${edited.version}-fixed` }, B]);
    // The isolate keeps what it read for the minute less the replica lag budget (50 s), then reads again.
    site.clock.now += ARCHIVE_FRESH_MS - 1_000;
    expect(await (await site.get('/articles/a')).text()).toContain('عنوان a');
    site.clock.now += 2_000;
    for (const path of ['/', '/articles/a', '/articles/a/amp', '/api/articles/a', '/api/articles']) {
      const text = await (await site.get(path)).text();
      expect(text, path).toContain('عنوان مصحح');
      expect(text, path).not.toContain('عنوان a<');
    }
  });

  it('answers 410 Gone for a taken-down article and drops it from every list', async () => {
    const site = isolate('2025-01-01T00:00:00Z');
    await site.publish([A, B]);
    expect(await (await site.get('/')).text()).toContain('/articles/b');
    // Pages the isolate has already served are kept for their URL only while what they were made from is fresh.
    expect((await site.get('/articles/b')).status).toBe(200);
    expect((await site.get('/articles/b/amp')).status).toBe(200);
    await site.publish([A]);
    site.clock.now += 61_000;
    const page = await site.get('/articles/b');
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('<h1>لم يعد هذا المقال متاحاً</h1>');
    expect((await site.get('/articles/b/amp')).status).toBe(410);
    const json = await site.get('/api/articles/b');
    expect(json.status).toBe(410);
    expect(await json.json()).toEqual({ error: { code: 'gone', message: 'This article was taken down' } });
    expect(await (await site.get('/')).text()).not.toContain('/articles/b');
    const list = (await (await site.get('/api/articles?tag=لبنان')).json()) as {
      items: { slug: string }[];
      total: number;
    };
    expect(list.items.map((i) => i.slug)).toEqual(['a']);
    expect(list.total).toBe(1);
    expect((await site.get('/articles/never-existed')).status).toBe(404);
  });
});

describe('scheduled publishing', () => {
  it('holds an article back everywhere until its minute, then shows it without a publish run', async () => {
    const site = isolate('2024-06-01T08:00:00Z');
    // 12:00 in Beirut (UTC+3 in June) is 09:00 UTC.
    const later = make('later', '2024-06-01T12:00:00', 'top: true\n');
    await site.publish([A, B, later]);
    for (const path of ['/articles/later', '/articles/later/amp', '/api/articles/later']) {
      expect((await site.get(path)).status, path).toBe(404);
    }
    // Every page's top-news list, and the tag page, gain the article at its minute, even when already served.
    for (const path of ['/', '/articles/a', '/tags/لبنان']) {
      expect(await (await site.get(path)).text(), path).not.toContain('/articles/later');
    }
    const before = (await (await site.get('/api/articles')).json()) as { items: { slug: string }[]; total: number };
    expect(before.total).toBe(2);

    site.clock.now = Date.parse('2024-06-01T08:59:59Z');
    expect((await site.get('/articles/later')).status).toBe(404);
    site.clock.now = Date.parse('2024-06-01T09:00:00Z');
    expect((await site.get('/articles/later')).status).toBe(200);
    for (const path of ['/', '/articles/a', '/tags/لبنان']) {
      expect(await (await site.get(path)).text(), path).toContain('/articles/later');
    }
    const after = (await (await site.get('/api/articles')).json()) as { items: { slug: string }[]; total: number };
    expect(after.items[0]?.slug).toBe('later');
    expect(after.total).toBe(3);
  });
});
