import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/content/types.ts';
import { renderMarkdown } from '../../src/markdown/render.ts';
import { apiArticlePath } from '../../src/paths.ts';
import { absoluteBodyHtml } from '../../src/render/absolute-html.ts';
import { listCursor } from '../../src/site/cursor.ts';
import { testApp } from '../helpers/app.ts';
import { article } from '../helpers/articles.ts';
import { FEATURES, XSS } from '../helpers/fixtures.ts';
import { elementsOf, scriptHazards } from '../helpers/html.ts';

const SITE = 'https://al-ayyam.example';

/** 25 short articles, one a day, every third one top, tags alternating. */
const MANY: Article[] = Array.from({ length: 25 }, (_, i) =>
  article(
    `content/n${i + 1}.md`,
    `---\ntitle: خبر رقم ${i + 1}\nslug: n${i + 1}\ndate: 2024-01-${String(i + 1).padStart(2, '0')}T10:00:00\ntags: [${i % 2 ? 'اقتصاد' : 'سياسة'}]\ntop: ${i % 3 === 0}\n---\n\nنص الخبر ${i + 1}.\n`,
  ),
);
const site = testApp({ bindings: env, articles: [FEATURES, XSS, ...MANY], env: { SITE_URL: SITE } });
const getJson = async (path: string, init?: RequestInit) => {
  const res = await site.request(path, init);
  return { res, body: (await res.json()) as Record<string, unknown> & { items: Record<string, unknown>[] } };
};

describe('GET /api/articles/:slug', () => {
  it('returns the documented shape with absolute URLs from SITE_URL', async () => {
    const { res, body } = await getJson(apiArticlePath(FEATURES.slug), { headers: { Host: 'evil.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Cache-Control')).toMatch(/^public, max-age=60/);
    expect(Object.keys(body)).toEqual([
      'slug',
      'url',
      'ampUrl',
      'title',
      'summary',
      'html',
      'text',
      'lang',
      'dir',
      'image',
      'card',
      'publishedAt',
      'updatedAt',
      'author',
      'authors',
      'source',
      'tags',
      'top',
      'breaking',
      'readingTimeMinutes',
      'live',
      'corrections',
    ]);
    const encoded = encodeURIComponent('كل-العناصر');
    expect(body).toMatchObject({
      slug: 'كل-العناصر',
      url: `${SITE}/articles/${encoded}`,
      ampUrl: `${SITE}/articles/${encoded}/amp`,
      title: 'مقال تجريبي لكل عناصر ماركداون',
      summary: 'مقال اختبار يستعمل كل عناصر التنسيق.',
      lang: 'ar',
      dir: 'rtl',
      image: {
        url: `${SITE}/images/kim-putin-summit.svg`,
        alt: 'رسم توضيحي للاختبار',
        caption: 'تعليق الصورة الرئيسية',
        width: 1200,
        height: 675,
      },
      publishedAt: '2024-05-01T10:00:00+03:00',
      updatedAt: '2024-05-02T08:15:00+03:00',
      author: 'قسم الاختبار',
      source: 'مختبر التحرير',
      tags: ['اختبار', 'تنسيق'],
      top: true,
      readingTimeMinutes: 1,
    });
    expect(JSON.stringify(body)).not.toContain('evil.example');
    // The same sanitized body the page shows, with its URLs absolute (an app shows it away from the site).
    expect(body.html).toBe(
      absoluteBodyHtml(renderMarkdown(FEATURES.body, 'html', FEATURES.bodyImages), `${SITE}/articles/${encoded}`),
    );
    const urls = (await elementsOf(String(body.html))).flatMap(({ attributes }) =>
      attributes.filter(([name]) => name === 'href' || name === 'src').map(([, value]) => value),
    );
    expect(urls).toEqual(
      expect.arrayContaining([`${SITE}/images/kim-putin-summit.svg`, `${SITE}/articles/${encodeURIComponent('خبر')}`]),
    );
    // None left relative: every other URL is external (https, mailto).
    expect(urls.filter((url) => !/^(https|mailto):/.test(url))).toEqual([]);
    expect(body.text).toMatch(/^الفقرة الأولى فيها خط عريض ومائل ومشطوب وكود ورابط خارجي/u);
    expect(body.text).toContain('\n\nالعنوان الثاني\n\n');
    expect(String(body.text)).not.toMatch(/[<>*#~`]/);
  });

  it('computes reading time for Arabic text (about 180 words a minute)', () => {
    const words = Array.from({ length: 900 }, (_, i) => `كلمة${i}`).join(' ');
    const long = article('content/long.md', `---\ntitle: طويل\ndate: 2024-01-01\n---\n\n${words}\n`);
    // Computed when the article is built; served from D1 as stored (FEATURES above reads 1 minute through the API).
    expect(long.readingTimeMinutes).toBe(5);
  });

  it('keeps XSS vectors inert in html and text', async () => {
    const { body } = await getJson(apiArticlePath(XSS.slug));
    expect(body.title).toBe('</title><script>alert(1)</script>');
    expect(await scriptHazards(String(body.html))).toEqual([]);
    expect(String(body.html)).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it.each([
    ['/api/articles/no-such-slug'],
    ['/api/articles/..%2f..%2fwrangler.toml'],
    [`/api/articles/${'x'.repeat(4096)}`],
    ['/api/articles/%E0%A4%A'],
  ])('answers %s with a JSON 404', async (path) => {
    const { res, body } = await getJson(path);
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(body).toEqual({ error: { code: 'not_found', message: 'No published article has this slug' } });
  });

  it('answers unknown API paths with a JSON 404 and other methods with a JSON 405', async () => {
    const missing = await getJson('/api/nothing');
    expect(missing.res.status).toBe(404);
    expect((missing.body.error as { code: string }).code).toBe('not_found');
    const post = await getJson('/api/articles', { method: 'POST' });
    expect(post.res.status).toBe(405);
    expect(post.res.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
    expect(post.body.error).toMatchObject({ code: 'method_not_allowed' });
    const preflight = await site.request('/api/articles', { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });

  it('supports ETag and 304', async () => {
    const first = await site.request(apiArticlePath(FEATURES.slug));
    const etag = first.headers.get('ETag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{16}"$/);
    const again = await site.request(apiArticlePath(FEATURES.slug), { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });
});

describe('GET /api/articles', () => {
  it('lists newest first without html/text, 20 by default, with a next link', async () => {
    const { res, body } = await getJson('/api/articles');
    expect(res.status).toBe(200);
    expect(body.items).toHaveLength(20);
    expect(body.total).toBe(27);
    expect(body.items.map((i) => i.slug).slice(0, 3)).toEqual([XSS.slug, FEATURES.slug, 'n25']);
    for (const item of body.items) {
      expect(item).not.toHaveProperty('html');
      expect(item).not.toHaveProperty('text');
      expect(item).toHaveProperty('readingTimeMinutes');
    }
    expect(String(body.next)).toMatch(/^https:\/\/al-ayyam\.example\/api\/articles\?limit=20&cursor=[\w-]+$/);
  });

  it('walks every article exactly once with cursors', async () => {
    const seen: string[] = [];
    let path: string | null = '/api/articles?limit=7';
    let pages = 0;
    while (path) {
      const { body } = await getJson(path);
      seen.push(...body.items.map((i) => String(i.slug)));
      path = body.next ? String(body.next).replace(SITE, '') : null;
      pages += 1;
    }
    expect(pages).toBe(4);
    expect(seen).toHaveLength(27);
    expect(new Set(seen).size).toBe(27);
  });

  it('supports page numbers', async () => {
    const { body } = await getJson('/api/articles?limit=10&page=3');
    expect(body.items.map((i) => i.slug)).toEqual(['n7', 'n6', 'n5', 'n4', 'n3', 'n2', 'n1']);
    expect(body.next).toBeNull();
    const second = await getJson('/api/articles?limit=10&page=2');
    expect(second.body.next).toBe(`${SITE}/api/articles?limit=10&page=3`);
  });

  it('filters by tag and by top, keeping the filter in the next link', async () => {
    const tagged = await getJson(`/api/articles?tag=${encodeURIComponent('اقتصاد')}&limit=5`);
    expect(tagged.body.total).toBe(12);
    expect(tagged.body.items.every((i) => (i.tags as string[]).includes('اقتصاد'))).toBe(true);
    expect(new URL(String(tagged.body.next)).searchParams.get('tag')).toBe('اقتصاد');
    const top = await getJson('/api/articles?top=true&limit=50');
    expect(top.body.items.map((i) => i.slug)).toEqual([
      'كل-العناصر',
      'n25',
      'n22',
      'n19',
      'n16',
      'n13',
      'n10',
      'n7',
      'n4',
      'n1',
    ]);
    const notTop = await getJson('/api/articles?top=false&limit=50');
    expect(notTop.body.total).toBe(17);
    const none = await getJson('/api/articles?tag=nothing');
    expect(none.body).toEqual({ items: [], total: 0, next: null });
  });

  it.each([
    ['limit=0', '"limit" must be a whole number from 1 to 50, got "0"'],
    ['limit=51', '"limit" must be a whole number from 1 to 50, got "51"'],
    ['limit=abc', '"limit" must be a whole number from 1 to 50, got "abc"'],
    ['limit=-5', '"limit" must be a whole number from 1 to 50, got "-5"'],
    ['limit=2.5', '"limit" must be a whole number from 1 to 50, got "2.5"'],
    ['limit=', '"limit" must be a whole number from 1 to 50, got ""'],
    ['limit=1&limit=2', '"limit" is given more than once'],
    ['cursor=garbage!', '"cursor" is not valid: use the "next" link of a previous page'],
    ['cursor=bm90LWpzb24', '"cursor" is not valid: use the "next" link of a previous page'],
    [`cursor=${btoa('["not a date","x"]')}`, '"cursor" is not valid: use the "next" link of a previous page'],
    ['cursor=abc&page=2', 'use either "cursor" or "page", not both'],
    ['page=0', '"page" must be a whole number from 1 without leading zeros, got "0"'],
    // One page rule for every route (lists and search too): no leading zeros, so a page has one URL.
    ['page=007', '"page" must be a whole number from 1 without leading zeros, got "007"'],
    ['section=lebanon&tag=x', 'use one of "tag", "section" and "author", not several'],
    ['section=lebanon&top=true', '"top" cannot be combined with "section" or "author"'],
    ['author=rana-haddad&tag=x', 'use one of "tag", "section" and "author", not several'],
    ['top=yes', '"top" must be "true" or "false", got "yes"'],
    ['tag=', '"tag" must be a non-empty tag of at most 100 characters'],
    ['tag=%20%20', '"tag" must be a non-empty tag of at most 100 characters'],
    [`tag=${'و'.repeat(101)}`, '"tag" must be a non-empty tag of at most 100 characters'],
  ])('rejects ?%s with a 400 that says what was wrong', async (query, message) => {
    const { res, body } = await getJson(`/api/articles?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(body).toEqual({ error: { code: 'bad_request', message } });
  });

  it('accepts a cursor it issued even for an article that is no longer listed', async () => {
    const cursor = listCursor({ publishedAt: '2024-01-10T10:00:00+02:00', slug: 'zz-gone' });
    const { body } = await getJson(`/api/articles?cursor=${cursor}&limit=3`);
    // Same instant as n10; ties go by slug, descending, so n10 came after the vanished article and is next.
    expect(body.items.map((i) => i.slug)).toEqual(['n10', 'n9', 'n8']);
  });
});
