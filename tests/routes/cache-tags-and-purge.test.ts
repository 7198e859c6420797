/**
 * Ready for Workers Cache: every answer names what it shows in Cache-Tag, shared caches never keep a page past the
 * 60 s the site promises, a publish purges the tags of exactly what it changed, and POST /_purge (behind a secret)
 * passes them to ctx.cache.purge. Workers Cache itself is a fake here: miniflare does not simulate it.
 */
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Section } from '../../src/content/sections.ts';
import type { Article } from '../../src/content/types.ts';
import { publishAuthors, readStoredAuthors } from '../../src/publish/authors.ts';
import { type PublishedState, placeOf } from '../../src/publish/plan.ts';
import { type PublishResult, publishArticles } from '../../src/publish/publish.ts';
import { purgeTagsOf } from '../../src/publish/purge-tags.ts';
import { readPublishedState } from '../../src/publish/write.ts';
import {
  articleTag,
  CHROME_TAG,
  FEEDS_TAG,
  HOME_TAG,
  SITEMAPS_TAG,
  sectionTag,
  tagListTag,
} from '../../src/site/tags.ts';
import { testApp } from '../helpers/app.ts';
import { article } from '../helpers/articles.ts';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const SECTIONS: Section[] = [
  { slug: 'lebanon', name: 'لبنان', tags: ['لبنان'] },
  { slug: 'economy', name: 'اقتصاد', tags: ['اقتصاد'] },
];
const SITE = { sections: SECTIONS };

/** Article `slug`, `day` days into February, about `tag`. */
const story = (slug: string, day: number, tag: string, extra = '', title = `خبر ${slug}`) =>
  article(
    `content/${slug}.md`,
    `---\ntitle: ${title}\nslug: ${slug}\ndate: 2026-02-${String(day).padStart(2, '0')}T10:00:00\ntags: [${tag}]\n${extra}---\n\nنص ${slug}.\n`,
  );
/** 24 articles: every third about the economy, the rest about Lebanon; the newest economy one is top. */
const ARTICLES = Array.from({ length: 24 }, (_, i) =>
  story(`n${i + 1}`, i + 1, i % 3 === 2 ? 'اقتصاد' : 'لبنان', i === 23 ? 'top: true\n' : ''),
);

const tagsOf = (res: Response) => (res.headers.get('Cache-Tag') ?? '').split(',').filter(Boolean);
const directives = (res: Response) =>
  new Map(
    (res.headers.get('Cache-Control') ?? '').split(',').map((d) => {
      const [name = '', value = ''] = d.trim().split('=');
      return [name, value] as const;
    }),
  );

describe('Cache-Tag and Cache-Control', () => {
  const site = testApp({ bindings: env, articles: ARTICLES, site: SITE, now: () => NOW });
  beforeAll(() => site.seed());

  it('names, on each answer, the articles and lists it shows', async () => {
    const page = await site.request('/articles/n5');
    const tags = tagsOf(page);
    // Itself, its related articles and their tag's list, the chrome with the top-news band's article.
    expect(tags).toEqual(
      expect.arrayContaining([articleTag('n5'), articleTag('n23'), tagListTag('لبنان'), CHROME_TAG, articleTag('n24')]),
    );
    expect(tags).not.toContain(articleTag('n3'));

    const front = tagsOf(await site.request('/'));
    expect(front).toEqual(expect.arrayContaining([HOME_TAG, CHROME_TAG, articleTag('n24'), sectionTag('economy')]));
    expect(tagsOf(await site.request('/sections/economy'))).toEqual(
      expect.arrayContaining([sectionTag('economy'), articleTag('n21')]),
    );
    expect(tagsOf(await site.request(`/tags/${encodeURIComponent('اقتصاد')}`))).toContain(tagListTag('اقتصاد'));
    expect(tagsOf(await site.request('/feed.xml'))).toContain(FEEDS_TAG);
    expect(tagsOf(await site.request('/sitemap.xml'))).toEqual([SITEMAPS_TAG]);
    expect(tagsOf(await site.request('/api/articles/n5'))).toEqual([articleTag('n5')]);
    expect(tagsOf(await site.request('/api/front'))).toContain(HOME_TAG);
    // Every tag is what a Cache-Tag header can carry: printable ASCII, no spaces or commas.
    for (const tag of tags) expect(tag).toMatch(/^[!-+\--~]+$/);
  });

  it('never lets a shared cache keep a page, feed, sitemap or JSON past 60 s (no purge is relied on)', async () => {
    for (const path of [
      '/',
      '/articles/n5',
      '/articles/n5/amp',
      '/feed.xml',
      '/sitemap.xml',
      '/api/articles/n5',
      '/api/front',
    ]) {
      const res = await site.request(path);
      expect(res.status, path).toBe(200);
      const cc = directives(res);
      expect(Number(cc.get('max-age')), path).toBeLessThanOrEqual(60);
      expect(Number(cc.get('s-maxage') ?? cc.get('max-age')), path).toBeLessThanOrEqual(60);
      // Serving stale while revalidating would show a page older than 60 s to one reader after each expiry.
      expect(cc.has('stale-while-revalidate'), path).toBe(false);
      expect(cc.get('stale-if-error'), path).toBe('600');
    }
  });
});

describe('the tags a publish purges', () => {
  it('cover every answer that changed when a run edits one article, takes one down and adds one', async () => {
    const seeded = testApp({ bindings: env, articles: ARTICLES, site: SITE, now: () => NOW });
    await seeded.seed();
    const paths = [
      '/',
      '/page/2',
      '/sections/lebanon',
      '/sections/lebanon/page/2',
      '/sections/economy',
      `/tags/${encodeURIComponent('لبنان')}`,
      `/tags/${encodeURIComponent('اقتصاد')}`,
      ...ARTICLES.map((a) => `/articles/${a.slug}`),
      '/articles/n25',
      '/feed.xml',
      '/sitemap.xml',
      '/sitemap-pages.xml',
      '/api/front',
      '/api/articles?limit=5',
      '/api/articles/n10',
    ];
    const before = new Map<string, { body: string; tags: string[] }>();
    for (const path of paths) {
      const res = await seeded.request(path);
      before.set(path, { body: await res.text(), tags: tagsOf(res) });
    }

    // n10 (Lebanon) gets a new title, n11 (Lebanon) is taken down, n25 (Lebanon) is new and the newest.
    const edited = ARTICLES.map((a) => (a.slug === 'n10' ? story('n10', 10, 'لبنان', '', 'عنوان جديد') : a))
      .filter((a) => a.slug !== 'n11')
      .concat(story('n25', 25, 'لبنان'));
    const state = await readPublishedState(env.DB);
    const result = await publishArticles(env.DB, edited, { now: new Date(NOW), state, site: SITE });
    const authors = await publishAuthors(env.DB, [], await readStoredAuthors(env.DB));
    const purged = new Set(purgeTagsOf({ before: state, result, sections: SECTIONS, authors }));

    expect([...purged]).toEqual(
      expect.arrayContaining([articleTag('n10'), articleTag('n11'), articleTag('n25'), FEEDS_TAG, SITEMAPS_TAG]),
    );
    const after = testApp({ bindings: env, now: () => NOW });
    const changed: string[] = [];
    const uncovered: string[] = [];
    for (const path of paths) {
      const res = await after.request(path);
      const was = before.get(path);
      if (!was || (await res.text()) === was.body) continue;
      changed.push(path);
      if (!was.tags.some((tag) => purged.has(tag))) uncovered.push(path);
    }
    // The run changed pages of every kind, and a purge reaches each.
    expect(changed).toEqual(
      expect.arrayContaining([
        '/',
        '/sections/lebanon',
        '/articles/n25',
        '/articles/n10',
        '/articles/n11',
        '/feed.xml',
      ]),
    );
    expect(uncovered).toEqual([]);
    // Precisely: the economy pages, which nothing changed, keep their cached copies; so does the chrome.
    expect(changed).not.toContain('/sections/economy');
    expect(purged.has(CHROME_TAG)).toBe(false);
    for (const path of ['/articles/n3', '/sections/economy', `/tags/${encodeURIComponent('اقتصاد')}`]) {
      expect(
        before.get(path)?.tags.some((tag) => purged.has(tag)),
        path,
      ).toBe(false);
    }
  });
});

/** A fake Workers Cache: records each purge call, answers `success` (default true). */
function fakeCache(success = true) {
  const calls: string[][] = [];
  const cache: CacheContext = {
    purge: async (options) => {
      calls.push(options.tags ?? []);
      return { success, errors: success ? [] : [{ code: 1, message: 'down' }] };
    },
    invalidate: async () => ({ success: true, errors: [] }),
  };
  return { cache, calls };
}

describe('POST /_purge', () => {
  const TOKEN = 'purge-secret-7f3a';
  const post = (app: ReturnType<typeof testApp>, body: unknown, token: string | null = TOKEN) =>
    app.request('/_purge', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token === null ? {} : { Authorization: `Bearer ${token}` }) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('does not exist without the PURGE_TOKEN secret', async () => {
    const { cache, calls } = fakeCache();
    const res = await post(testApp({ bindings: env, cache }), { tags: [HOME_TAG] });
    expect(res.status).toBe(404);
    expect(calls).toEqual([]);
  });

  it('refuses a missing or wrong token, and a body that names no valid tags', async () => {
    const { cache, calls } = fakeCache();
    const app = testApp({ bindings: env, env: { PURGE_TOKEN: TOKEN }, cache });
    const missing = await post(app, { tags: [HOME_TAG] }, null);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({
      error: { code: 'unauthorized', message: 'A valid bearer token is required' },
    });
    expect((await post(app, { tags: [HOME_TAG] }, `${TOKEN}x`)).status).toBe(401);
    expect((await post(app, { tags: [HOME_TAG] }, 'purge-secret-7f3b')).status).toBe(401);
    for (const body of ['not json', {}, { tags: [] }, { tags: ['has space'] }, { tags: ['a,b'] }, { tags: [7] }]) {
      const res = await post(app, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    }
    expect((await post(app, { tags: Array.from({ length: 1_001 }, (_, i) => `t${i}`) })).status).toBe(400);
    expect(calls).toEqual([]);
  });

  it('purges the tags through ctx.cache, 30 a call, each once', async () => {
    const { cache, calls } = fakeCache();
    const app = testApp({ bindings: env, env: { PURGE_TOKEN: TOKEN }, cache });
    const tags = [...Array.from({ length: 64 }, (_, i) => articleTag(`s${i}`)), HOME_TAG, HOME_TAG];
    const res = await post(app, { tags });
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(await res.json()).toEqual({ purged: 65 });
    expect(calls.map((c) => c.length)).toEqual([30, 30, 5]);
    expect(calls.flat()).toEqual([...new Set(tags)]);
  });

  it('answers 503, not 500, when Workers Cache is off or the purge fails', async () => {
    const off = await post(testApp({ bindings: env, env: { PURGE_TOKEN: TOKEN } }), { tags: [HOME_TAG] });
    expect(off.status).toBe(503);
    const failing = fakeCache(false);
    const res = await post(testApp({ bindings: env, env: { PURGE_TOKEN: TOKEN }, cache: failing.cache }), {
      tags: [HOME_TAG],
    });
    expect(res.status).toBe(503);
    expect(failing.calls).toEqual([[HOME_TAG]]);
  });
});

describe('purgeTagsOf', () => {
  const economy = story('e1', 3, 'اقتصاد');
  const stored = (a: Article): PublishedState => ({
    rows: new Map([
      [
        a.slug,
        { slug: a.slug, file: a.file, version: a.version, sourceHash: '', place: placeOf(a), card: null, images: {} },
      ],
    ]),
    takedowns: new Set(),
  });
  const run = (result: Partial<PublishResult>, before: PublishedState = { rows: new Map(), takedowns: new Set() }) =>
    purgeTagsOf({
      before,
      result: { added: [], updated: [], moved: new Set(), removed: [], unchanged: 0, sections: null, ...result },
      sections: SECTIONS,
      authors: { written: [], removed: [] },
    });

  it('purges the lists a taken-down article leaves, whose later pages shift', () => {
    expect(run({ removed: ['e1'] }, stored(economy))).toEqual(
      [articleTag('e1'), tagListTag('اقتصاد'), sectionTag('economy'), HOME_TAG, FEEDS_TAG, SITEMAPS_TAG].sort(),
    );
  });

  it('purges both the lists a moved article leaves and those it joins; an edit in place only the article', () => {
    const moved = story('e1', 3, 'لبنان');
    expect(run({ updated: [moved], moved: new Set(['e1']) }, stored(economy))).toEqual(
      expect.arrayContaining([tagListTag('اقتصاد'), sectionTag('economy'), tagListTag('لبنان'), sectionTag('lebanon')]),
    );
    expect(run({ updated: [story('e1', 3, 'اقتصاد', '', 'عنوان آخر')] }, stored(economy))).toEqual(
      [articleTag('e1'), FEEDS_TAG, SITEMAPS_TAG].sort(),
    );
  });

  it('purges the chrome when a top article joins, the chrome and the sections when the sections change, nothing when nothing did', () => {
    expect(run({ added: [story('t1', 4, 'اقتصاد', 'top: true\n')] })).toContain(CHROME_TAG);
    const sections = { rebuilt: ['culture'], removed: ['economy'], changed: true };
    expect(run({ sections })).toEqual(
      expect.arrayContaining([CHROME_TAG, HOME_TAG, sectionTag('culture'), sectionTag('economy')]),
    );
    expect(run({})).toEqual([]);
  });
});
