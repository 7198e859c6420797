/**
 * Writers' pages, live coverage and corrections through the real app over the local D1: HTML, JSON, JSON-LD, feeds
 * and sitemaps, by the clock.
 */
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Author } from '../../src/content/types.ts';
import { CORRECTIONS_QUERY } from '../../src/store/corrections.ts';
import { testApp } from '../helpers/app.ts';
import { article } from '../helpers/articles.ts';
import { CORRECTED, LIVE, NEWSROOM_NOW, RANA } from '../helpers/fixtures.ts';
import { elementsOf, scriptHazards } from '../helpers/html.ts';

const SITE_URL = 'https://al-ayyam.example';
const WRITER: Author = {
  ...RANA,
  file: 'content/authors/rana-haddad.md',
  photo: null,
  // As the content check writes them: whole URLs, quotes percent-encoded.
  links: ['https://x.com/rana', 'https://example.com/%22quoted%22'],
  bio: 'تكتب عن **بيروت**. <script>alert(1)</script>',
};
const context = { authors: new Map([[RANA.slug, RANA]]), now: NEWSROOM_NOW };
/** 25 articles by the writer, one a day in January 2026: two pages of her articles. */
const HERS = Array.from({ length: 25 }, (_, i) =>
  article(
    `content/r${i + 1}.md`,
    `---\ntitle: تقرير رقم ${i + 1}\nslug: r${i + 1}\ndate: 2026-01-${String(i + 1).padStart(2, '0')}T10:00:00\nauthors: [rana-haddad]\ntags: [بيروت]\n---\n\nنص ${i + 1}.\n`,
    context,
  ),
);
const clock = NEWSROOM_NOW;
const site = testApp({
  bindings: env,
  articles: [LIVE, CORRECTED, ...HERS],
  authors: [WRITER],
  env: { SITE_URL },
  now: () => clock,
});
beforeAll(() => site.seed());

const html = async (path: string) => {
  const res = await site.request(path);
  return { res, text: await res.text() };
};
const jsonLd = (text: string) =>
  JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(text)?.[1] ?? 'null') as Record<
    string,
    unknown
  >;

describe("a writer's page", () => {
  it('shows their name, role, bio (sanitized), links with rel="me" and their articles, newest first, 20 a page', async () => {
    const { res, text } = await html('/authors/rana-haddad');
    expect(res.status).toBe(200);
    expect(text).toContain(`<link rel="canonical" href="${SITE_URL}/authors/rana-haddad"/>`);
    expect(text).toMatch(/<h1[^>]*>رنا حداد<\/h1>/);
    expect(text).toContain('مراسلة في بيروت');
    expect(text).toContain('<strong>بيروت</strong>');
    expect(text).not.toContain('<script>alert(1)</script>');
    expect(await scriptHazards(text)).toEqual([]);
    const links = (await elementsOf(text)).filter(
      (e) => e.tag === 'a' && e.attributes.some(([n, v]) => n === 'rel' && v?.includes('me')),
    );
    expect(links.map((e) => e.attributes.find(([n]) => n === 'href')?.[1])).toEqual([
      'https://x.com/rana',
      'https://example.com/%22quoted%22',
    ]);
    const main = text.slice(text.indexOf('<main'), text.indexOf('</main>'));
    const slugs = [...new Set([...main.matchAll(/href="\/articles\/([^"#]+)"/g)].map((m) => m[1]))];
    expect(slugs).toEqual([
      'live-parliament',
      ...HERS.map((a) => a.slug)
        .reverse()
        .slice(0, 19),
    ]);
    expect(text).toContain('href="/authors/rana-haddad/page/2"');
    expect((await html('/authors/rana-haddad/page/2')).res.status).toBe(200);
    expect((await html('/authors/rana-haddad/page/3')).res.status).toBe(404);
    expect((await html('/authors/nobody')).res.status).toBe(404);
  });

  it('has a feed, a place in the sitemap and in /authors, and filters the API', async () => {
    const feed = await html('/authors/rana-haddad/feed.xml');
    expect(feed.res.status).toBe(200);
    expect(feed.text).toContain('<title>رنا حداد | جريدة الأيام الإلكترونية</title>');
    // Items credit the writer, in RSS and in JSON Feed (with her page).
    expect(feed.text).toContain('<dc:creator>رنا حداد</dc:creator>');
    const jsonFeed = (await (await site.request('/feed.json')).json()) as { items: { authors: unknown[] }[] };
    expect(jsonFeed.items[0]?.authors).toEqual([{ name: 'رنا حداد', url: `${SITE_URL}/authors/rana-haddad` }]);
    expect((await html('/authors/nobody/feed.xml')).res.status).toBe(404);
    expect((await html('/sitemaps/pages.xml')).text).toContain(`<loc>${SITE_URL}/authors/rana-haddad</loc>`);
    const index = await html('/authors');
    expect(index.res.status).toBe(200);
    expect(index.text).toContain('href="/authors/rana-haddad"');
    const api = (await (await site.request('/api/articles?author=rana-haddad&limit=50')).json()) as {
      total: number;
      items: { authors: unknown[] }[];
    };
    expect(api.total).toBe(26);
    expect(api.items[0]?.authors).toEqual([
      { slug: 'rana-haddad', name: 'رنا حداد', url: `${SITE_URL}/authors/rana-haddad`, role: 'مراسلة في بيروت' },
    ]);
    const bad = await site.request('/api/articles?author=nobody');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe(
      '"author" names no author: see /authors, got "nobody"',
    );
  });

  it('is what bylines link to, and JSON-LD names the writer as a Person with their page', async () => {
    const { text } = await html('/articles/r3');
    expect(text).toMatch(/<a[^>]*href="\/authors\/rana-haddad"[^>]*>رنا حداد<\/a>/);
    const authors = jsonLd(text).author as Record<string, string>[];
    expect(authors).toContainEqual(
      expect.objectContaining({ '@type': 'Person', name: 'رنا حداد', url: `${SITE_URL}/authors/rana-haddad` }),
    );
    // A desk byline is an Organization.
    const desk = jsonLd((await html('/articles/budget-corrected')).text).author as Record<string, string>[];
    expect(desk).toEqual([
      expect.objectContaining({ '@type': 'Organization', name: 'تحرير جريدة الأيام الإلكترونية' }),
    ]);
  });

  it("finds a writer's articles by searching their name", async () => {
    const api = (await (await site.request(`/api/search?q=${encodeURIComponent('رنا حداد')}&limit=50`)).json()) as {
      total: number;
    };
    expect(api.total).toBe(26);
  });
});

describe('live coverage', () => {
  it("shows the updates newest first under stable anchors, the badge while live and the last update's time", async () => {
    const { text } = await html('/articles/live-parliament');
    const ids = [...text.matchAll(/id="(update-[\d-]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['update-20260311-0930', 'update-1215', 'update-1130', 'update-1005']);
    expect(text).toContain('مباشر');
    expect(text).toContain('استئناف الجلسة في اليوم التالي');
    expect(text).toContain('<meta property="article:modified_time" content="2026-03-11T09:30:00+02:00"/>');
    // The code block's line is text of an update, not an update.
    expect(text).not.toContain('id="update-1220"');
  });

  it('is a LiveBlogPosting with its updates as BlogPostings that have a headline and a date', async () => {
    const ld = jsonLd((await html('/articles/live-parliament')).text);
    expect(ld['@type']).toBe('LiveBlogPosting');
    expect(ld.coverageStartTime).toBe('2026-03-10T10:00:00+02:00');
    expect(ld.coverageEndTime).toBeUndefined();
    const updates = ld.liveBlogUpdate as Record<string, string>[];
    expect(updates).toHaveLength(4);
    for (const update of updates) {
      expect(update['@type']).toBe('BlogPosting');
      expect(update.headline).toBeTruthy();
      expect(update.datePublished).toMatch(/^2026-03-1[01]T/);
    }
  });

  it('gives apps its updates as JSON, and leads the breaking bar while live', async () => {
    const body = (await (await site.request('/api/articles/live-parliament')).json()) as {
      live: {
        active: boolean;
        start: string;
        end: null;
        updates: { id: string; time: string; title: string; html: string }[];
      };
    };
    expect(body.live.active).toBe(true);
    expect(body.live.updates.map((u) => u.id)).toEqual([
      'update-1005',
      'update-1130',
      'update-1215',
      'update-20260311-0930',
    ]);
    expect(body.live.updates[1]?.html).toContain('86 نائباً');
    const front = (await html('/')).text;
    expect(/<aside class="breaking"[\s\S]*?<\/aside>/.exec(front)?.[0]).toContain('href="/articles/live-parliament"');
    // Days after its breaking window, the open coverage still leads the bar.
    expect(clock - Date.parse('2026-03-10T08:00:00Z')).toBeGreaterThan(6 * 3_600_000);
  });
});

describe('corrections', () => {
  it('end the article in a "تصحيح" box, with dates, sanitized inline markdown, JSON-LD and JSON', async () => {
    const { text } = await html('/articles/budget-corrected');
    expect(text).toContain('تصحيح');
    expect(text).toContain('<strong>5%</strong>');
    expect(text).toContain('href="https://example.com/statement"');
    const ld = jsonLd(text);
    expect(ld.dateModified).toBe('2026-02-02T08:00:00+02:00');
    expect(ld.correction).toEqual([
      expect.objectContaining({ '@type': 'CorrectionComment', datePublished: '2026-02-01T15:30:00+02:00' }),
      expect.objectContaining({ '@type': 'CorrectionComment', datePublished: '2026-02-02T08:00:00+02:00' }),
    ]);
    const body = (await (await site.request('/api/articles/budget-corrected')).json()) as {
      updatedAt: string;
      corrections: unknown[];
    };
    expect(body.updatedAt).toBe('2026-02-02T08:00:00+02:00');
    expect(body.corrections).toHaveLength(2);
  });

  it('are listed newest first at /corrections and its feed, each linking to its article', async () => {
    const { res, text } = await html('/corrections');
    expect(res.status).toBe(200);
    const first = text.indexOf('العجز');
    const second = text.indexOf('اسم الوزير');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(text).toContain('href="/articles/budget-corrected"');
    expect((await html('/corrections/page/2')).res.status).toBe(404);
    const feed = await html('/corrections/feed.xml');
    expect(feed.res.headers.get('Content-Type')).toBe('application/rss+xml; charset=utf-8');
    expect(feed.text.match(/<item>/g)).toHaveLength(2);
  });

  it('do not move the article up any list: it keeps its place by publication date', async () => {
    const api = (await (await site.request('/api/articles?limit=3')).json()) as { items: { slug: string }[] };
    expect(api.items.map((a) => a.slug)).toEqual(['live-parliament', 'budget-corrected', 'r25']);
  });

  it('are read from an index, newest first, never by scanning the table', async () => {
    const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${CORRECTIONS_QUERY}`)
      .bind(clock, 21, 0)
      .all<{ detail: string }>();
    const details = results.map((r) => r.detail);
    expect(
      details.filter((d) => /^SCAN (c|a|corrections|articles)\b/.test(d) && !/USING/.test(d)),
      details.join('\n'),
    ).toEqual([]);
    expect(
      details.filter((d) => d.includes('TEMP B-TREE')),
      details.join('\n'),
    ).toEqual([]);
  });
});
