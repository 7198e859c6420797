import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { article } from '../helpers/articles.ts';
import { elementsOf } from '../helpers/html.ts';

const NOW = Date.parse('2024-03-01T00:00:00Z');
const pad = (n: number) => String(n).padStart(2, '0');
/** 45 articles, one a day in January and February 2024; every third one tagged اقتصاد, the rest سياسة. */
const MANY = Array.from({ length: 45 }, (_, i) =>
  article(
    `content/n${i + 1}.md`,
    `---\ntitle: خبر رقم ${i + 1}\nslug: n${i + 1}\ndate: 2024-${i < 31 ? `01-${pad(i + 1)}` : `02-${pad(i - 30)}`}T10:00:00\ntags: [${i % 3 === 0 ? 'اقتصاد' : 'سياسة'}, عام]\n---\n\nنص الخبر ${i + 1}.\n`,
  ),
);
const FUTURE = article(
  'content/future.md',
  '---\ntitle: خبر مجدول\nslug: future\ndate: 2024-04-01T10:00:00\ntags: [اقتصاد]\n---\n\nلاحقاً.\n',
);
const site = testApp({ bindings: env, articles: [...MANY, FUTURE], now: () => NOW });

/** The article links of a list page, in order, and its canonical and pager links. */
async function listOf(path: string) {
  const res = await site.request(path);
  const html = await res.text();
  const elements = await elementsOf(html);
  const attr = (e: (typeof elements)[number], name: string) => e.attributes.find(([n]) => n === name)?.[1];
  // The articles the page's main content links to, in order (a teaser links its photo and its headline).
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  const slugs = [
    ...new Set([...main.matchAll(/<a href="\/articles\/([^"]+)"/g)].map((m) => decodeURIComponent(m[1] ?? ''))),
  ];
  return {
    res,
    html,
    slugs,
    canonical: attr(
      elements.find((e) => e.tag === 'link' && attr(e, 'rel') === 'canonical') ?? { tag: '', attributes: [] },
      'href',
    ),
    newer: attr(
      elements.find((e) => e.tag === 'a' && attr(e, 'rel') === 'prev') ?? { tag: '', attributes: [] },
      'href',
    ),
    older: attr(
      elements.find((e) => e.tag === 'a' && attr(e, 'rel') === 'next') ?? { tag: '', attributes: [] },
      'href',
    ),
  };
}

describe('the front page and its archive', () => {
  it('pages 20 at a time from / to /page/3, each with its own canonical URL and newer/older links', async () => {
    const first = await listOf('/');
    expect(first.slugs).toEqual(Array.from({ length: 20 }, (_, i) => `n${45 - i}`));
    expect(first.canonical).toBe('https://al-ayyam.example/');
    expect(first.newer).toBeUndefined();
    expect(first.older).toBe('/page/2');
    const second = await listOf('/page/2');
    expect(second.res.status).toBe(200);
    expect(second.slugs).toEqual(Array.from({ length: 20 }, (_, i) => `n${25 - i}`));
    expect(second.canonical).toBe('https://al-ayyam.example/page/2');
    expect(second.newer).toBe('/');
    expect(second.older).toBe('/page/3');
    const third = await listOf('/page/3');
    expect(third.slugs).toEqual(['n5', 'n4', 'n3', 'n2', 'n1']);
    expect(third.newer).toBe('/page/2');
    expect(third.older).toBeUndefined();
  });

  it('answers 404 past the last page and for page numbers that are not numbers', async () => {
    for (const path of ['/page/4', '/page/999999', '/page/0', '/page/abc', '/page/-1', '/page/2.5']) {
      const res = await site.request(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).toContain('<h1>الصفحة غير موجودة</h1>');
    }
  });

  it('has one URL per page: /page/1 redirects to /', async () => {
    const res = await site.request('/page/1');
    expect(res.status).toBe(301);
    expect(res.headers.get('Location')).toBe('/');
  });

  it('never lists a scheduled article before its time', async () => {
    const pages = await Promise.all(['/', '/page/2', '/page/3', '/tags/اقتصاد'].map(listOf));
    for (const page of pages) expect(page.slugs).not.toContain('future');
  });
});

describe('tag pages', () => {
  it('list a tag newest first, with raw, percent-encoded or decomposed Arabic in the path', async () => {
    const expected = MANY.filter((a) => a.tags.includes('اقتصاد'))
      .map((a) => a.slug)
      .reverse();
    for (const path of [
      '/tags/اقتصاد',
      `/tags/${encodeURIComponent('اقتصاد')}`,
      `/tags/${'اقتصاد'.normalize('NFD')}`,
    ]) {
      const page = await listOf(path);
      expect(page.res.status, path).toBe(200);
      expect(page.slugs).toEqual(expected);
      expect(page.canonical).toBe(`https://al-ayyam.example/tags/${encodeURIComponent('اقتصاد')}`);
      // The heading says what the page is: a tag.
      expect(page.html).toContain('<h1><span class="kicker">وسم:</span> اقتصاد</h1>');
      expect(page.html).toContain(`href="/tags/${encodeURIComponent('اقتصاد')}/feed.xml"`);
    }
  });

  it('continue at /tags/<tag>/page/N and answer 404 past the end or for unknown tags', async () => {
    const first = await listOf('/tags/عام');
    expect(first.older).toBe(`/tags/${encodeURIComponent('عام')}/page/2`);
    const third = await listOf('/tags/عام/page/3');
    expect(third.slugs).toEqual(['n5', 'n4', 'n3', 'n2', 'n1']);
    expect(third.newer).toBe(`/tags/${encodeURIComponent('عام')}/page/2`);
    expect((await site.request('/tags/عام/page/4')).status).toBe(404);
    expect((await site.request('/tags/لا-يوجد')).status).toBe(404);
    expect((await site.request(`/tags/${'ب'.repeat(500)}`)).status).toBe(404);
    const res = await site.request('/tags/عام/page/1');
    expect(res.status).toBe(301);
    expect(res.headers.get('Location')).toBe(`/tags/${encodeURIComponent('عام')}`);
  });

  it('are linked from article pages, HTML and AMP', async () => {
    for (const path of ['/articles/n1', '/articles/n1/amp']) {
      const html = await (await site.request(path)).text();
      expect(html, path).toContain(`href="/tags/${encodeURIComponent('اقتصاد')}"`);
      expect(html, path).toContain(`href="/tags/${encodeURIComponent('عام')}"`);
    }
  });
});

describe('related articles', () => {
  it('end each article page (HTML and AMP) with up to 3 others sharing a tag, newest first, never itself or a scheduled one', async () => {
    for (const path of ['/articles/n4', '/articles/n4/amp']) {
      const html = await (await site.request(path)).text();
      const block = /مقالات ذات صلة[\s\S]*?<\/(?:aside|section|nav)>/.exec(html)?.[0] ?? '';
      const slugs = [...block.matchAll(/href="\/articles\/([^"]+)"/g)].map((m) => m[1]);
      // n4 has اقتصاد and عام: the three newest published articles sharing one of them, other than n4.
      expect(slugs, path).toEqual(['n45', 'n44', 'n43']);
    }
  });
});
