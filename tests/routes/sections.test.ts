/** Sections (content/site.yaml): their pages, feeds, sitemap entries and JSON, and how publishing keeps their lists. */
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Section, SiteConfig } from '../../src/content/sections.ts';
import type { Article } from '../../src/content/types.ts';
import { publishArticles } from '../../src/publish/publish.ts';
import { sectionBlocksSql } from '../../src/store/front.ts';
import { LIST_QUERIES } from '../../src/store/lists.ts';
import { testApp } from '../helpers/app.ts';
import { article } from '../helpers/articles.ts';
import { elementsOf } from '../helpers/html.ts';

const SITE_URL = 'https://al-ayyam.example';
const NOW = Date.parse('2024-04-01T00:00:00Z');
const SECTIONS: Section[] = [
  { slug: 'lebanon', name: 'لبنان', tags: ['لبنان', 'بيروت'] },
  { slug: 'world', name: 'عربي ودولي', tags: ['دولي'] },
  { slug: 'economy', name: 'اقتصاد', tags: ['اقتصاد'] },
  { slug: 'culture', name: 'ثقافة', tags: ['ثقافة'] },
];
const SITE: SiteConfig = { sections: SECTIONS };

/** 50 articles, one every 12 hours: even ones about Lebanon, every fifth about Beirut, odd ones economy or world. */
const tagsOf = (i: number) => [
  ...(i % 2 === 0 ? ['لبنان'] : i % 3 === 0 ? ['اقتصاد'] : ['دولي']),
  ...(i % 5 === 0 ? ['بيروت'] : []),
];
const ARTICLES: Article[] = Array.from({ length: 50 }, (_, k) => {
  const i = k + 1;
  const time = new Date(Date.parse('2024-03-01T00:00:00Z') + i * 12 * 3_600_000).toISOString().slice(0, 19);
  return article(
    `content/s${i}.md`,
    `---\ntitle: خبر رقم ${i}\nslug: s${i}\ndate: ${time}Z\ntags: [${tagsOf(i).join(', ')}]\ntop: ${i % 7 === 0}\n---\n\nنص الخبر ${i}.\n`,
  );
});
const newestFirst = (a: Article, b: Article) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt);
const inSection = (slug: string) =>
  ARTICLES.filter((a) => a.tags.some((t) => SECTIONS.find((s) => s.slug === slug)?.tags.includes(t)))
    .sort(newestFirst)
    .map((a) => a.slug);
const LEBANON = inSection('lebanon');

const site = testApp({ bindings: env, articles: ARTICLES, site: SITE, env: { SITE_URL }, now: () => NOW });
beforeAll(() => site.seed());

const hrefsOf = async (html: string) =>
  (await elementsOf(html)).filter((e) => e.tag === 'a').map((e) => e.attributes.find(([n]) => n === 'href')?.[1]);
/** The articles a page's main content links to, in order (not the top-news band or the breaking bar). */
const articleLinks = async (page: string) =>
  (await hrefsOf(page.slice(page.indexOf('<main'), page.indexOf('</main>')))).flatMap((h) =>
    h && /^\/articles\/s\d+$/.test(h) ? [h.slice('/articles/'.length)] : [],
  );

describe('GET /sections/:slug', () => {
  it('shows the section newest first, 20 a page, its lead first, with its own canonical URL and the bar marking it', async () => {
    expect(LEBANON.length).toBeGreaterThan(20);
    const res = await site.request('/sections/lebanon');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<link rel="canonical" href="${SITE_URL}/sections/lebanon"/>`);
    expect(html).toMatch(/<h1[^>]*>لبنان<\/h1>/);
    expect([...new Set(await articleLinks(html))].slice(0, 20)).toEqual(LEBANON.slice(0, 20));
    expect(html).toMatch(/<nav[^>]*aria-label="الأقسام"/);
    expect(html).toMatch(
      /<a[^>]*href="\/sections\/lebanon"[^>]*aria-current="page"|<a[^>]*aria-current="page"[^>]*href="\/sections\/lebanon"/,
    );
    expect(html).toContain(`href="/sections/lebanon/feed.xml"`);

    const second = await site.request('/sections/lebanon/page/2');
    expect(second.status).toBe(200);
    const page2 = await second.text();
    expect(page2).toContain(`<link rel="canonical" href="${SITE_URL}/sections/lebanon/page/2"/>`);
    expect(
      [...new Set(await articleLinks(page2))].filter((s) => LEBANON.includes(s)).slice(0, LEBANON.length - 20),
    ).toEqual(LEBANON.slice(20, 40));
  });

  it('answers 404 past the last page and for an unknown section, and sends page 1 to its one URL', async () => {
    const last = Math.ceil(LEBANON.length / 20);
    expect((await site.request(`/sections/lebanon/page/${last + 1}`)).status).toBe(404);
    expect((await site.request('/sections/nowhere')).status).toBe(404);
    expect((await site.request('/sections/nowhere/page/2')).status).toBe(404);
    const one = await site.request('/sections/lebanon/page/1');
    expect(one.status).toBe(301);
    expect(one.headers.get('Location')).toBe('/sections/lebanon');
  });

  it('shows a configured section no article has yet as an empty page, not a 404', async () => {
    const res = await site.request('/sections/culture');
    expect(res.status).toBe(200);
  });
});

describe('a section in feeds, sitemaps and JSON', () => {
  it('has an RSS feed of its articles only; an unknown section has none', async () => {
    const res = await site.request('/sections/economy/feed.xml');
    expect(res.status).toBe(200);
    const links = [...(await res.text()).matchAll(/<link>[^<]*\/articles\/(s\d+)<\/link>/g)].map((m) => m[1]);
    expect(links).toEqual(inSection('economy'));
    expect((await site.request('/sections/nowhere/feed.xml')).status).toBe(404);
  });

  it('is listed in the pages sitemap', async () => {
    const xml = await (await site.request('/sitemaps/pages.xml')).text();
    for (const s of SECTIONS) expect(xml).toContain(`<loc>${SITE_URL}/sections/${s.slug}</loc>`);
  });

  it('filters /api/articles by section, and refuses an unknown one with a 400', async () => {
    const res = await site.request('/api/articles?section=lebanon&limit=50');
    const body = (await res.json()) as { items: { slug: string }[]; total: number };
    expect(body.total).toBe(LEBANON.length);
    expect(body.items.map((a) => a.slug)).toEqual(LEBANON);
    const bad = await site.request('/api/articles?section=nowhere');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: { code: 'bad_request', message: '"section" names no section: see /api/sections, got "nowhere"' },
    });
  });

  it('lists the sections in nav order at /api/sections', async () => {
    const res = await site.request('/api/sections');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const body = (await res.json()) as { items: { slug: string; name: string; url: string; feedUrl: string }[] };
    expect(body.items.map((s) => [s.slug, s.name])).toEqual(SECTIONS.map((s) => [s.slug, s.name]));
    expect(body.items[0]).toMatchObject({
      url: `${SITE_URL}/sections/lebanon`,
      feedUrl: `${SITE_URL}/sections/lebanon/feed.xml`,
    });
  });
});

describe('GET /api/front', () => {
  it("gives the front page's structure, with no article twice and each section block its own", async () => {
    const res = await site.request('/api/front');
    expect(res.status).toBe(200);
    expect(res.headers.get('ETag')).toMatch(/^"[0-9a-f]{16}"$/);
    type Item = { slug: string; top: boolean };
    const body = (await res.json()) as {
      lead: Item;
      top: Item[];
      sections: { slug: string; items: Item[] }[];
      latest: Item[];
      next: string | null;
    };
    const tops = ARTICLES.filter((a) => a.top)
      .sort(newestFirst)
      .map((a) => a.slug);
    expect(body.lead.slug).toBe(tops[0]);
    expect(body.top.map((a) => a.slug)).toEqual(tops.slice(1, 5));
    const all = [body.lead, ...body.top, ...body.sections.flatMap((s) => s.items), ...body.latest].map((a) => a.slug);
    expect(new Set(all).size).toBe(all.length);
    for (const block of body.sections) {
      expect(block.items.length).toBeGreaterThan(0);
      expect(block.items.length).toBeLessThanOrEqual(4);
      for (const item of block.items) expect(inSection(block.slug)).toContain(item.slug);
    }
    // A section with nothing to show is left out.
    expect(body.sections.map((s) => s.slug)).not.toContain('culture');
    expect(body.next).toBe(`${SITE_URL}/api/articles?page=2`);
  });
});

describe('publishing sections', () => {
  it("rebuilds a section's list when site.yaml changes its tags, and moves an article whose tags change", async () => {
    const db = env.DB;
    const count = async (list: string) =>
      (await db.prepare('SELECT count(*) AS n FROM listings WHERE list = ?1').bind(list).first<number>('n')) ?? 0;
    await site.seed();
    expect(await count('s:economy')).toBe(inSection('economy').length);
    const wider: SiteConfig = {
      sections: SECTIONS.map((s) => (s.slug === 'economy' ? { ...s, tags: ['اقتصاد', 'دولي'] } : s)),
    };
    await publishArticles(db, ARTICLES, { now: new Date(NOW), site: wider });
    const economyOrWorld = ARTICLES.filter((a) => a.tags.includes('اقتصاد') || a.tags.includes('دولي'));
    expect(await count('s:economy')).toBe(economyOrWorld.length);
    const { results } = await db
      .prepare("SELECT seq FROM listings WHERE list = 's:economy' ORDER BY seq")
      .all<{ seq: number }>();
    expect(results.map((r) => r.seq)).toEqual(economyOrWorld.map((_, i) => i + 1));

    // s1 (world) becomes a Lebanon story: it leaves the world section and joins Lebanon's.
    const moved = ARTICLES.map((a) => (a.slug === 's1' ? { ...a, tags: ['لبنان'], version: 'moved' } : a));
    await publishArticles(db, moved, { now: new Date(NOW), site: wider });
    const lists = await db
      .prepare("SELECT list FROM listings WHERE slug = 's1' AND list LIKE 's:%' ORDER BY list")
      .all<{ list: string }>();
    expect(lists.results.map((r) => r.list)).toEqual(['s:lebanon']);
  });
});

describe('section lists are index ranges', () => {
  it.each([
    ['a section page', LIST_QUERIES.after, ['s:lebanon', NOW, NOW + 1, '', 21]],
    ['a section page by number', LIST_QUERIES.numbered, ['s:lebanon', NOW, 20, 20]],
    ["the front page's section blocks", sectionBlocksSql(2), [NOW, 12, 's:lebanon', 's:world']],
  ])('%s', async (_, sql, params) => {
    await site.seed();
    const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .bind(...(params as unknown[]))
      .all<{ detail: string }>();
    const details = plan.results.map((row) => row.detail);
    const fullScans = details.filter(
      (d) => /^SCAN (a|l|listings|articles)\b/.test(d) && !/USING (COVERING )?INDEX|USING PRIMARY KEY/.test(d),
    );
    expect(fullScans, details.join('\n')).toEqual([]);
    expect(
      details.filter((d) => d.includes('TEMP B-TREE')),
      details.join('\n'),
    ).toEqual([]);
  });
});
