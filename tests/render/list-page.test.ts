import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/content/types.ts';
import { renderDocument } from '../../src/render/document.ts';
import { HomePage } from '../../src/render/home-page.tsx';
import { ListPage, type ListPageData } from '../../src/render/list-page.tsx';
import { FEATURES, XSS } from '../helpers/fixtures.ts';
import { elementsOf, scriptHazards } from '../helpers/html.ts';
import { HOSTILE_TEXT, SITE } from './hostile.ts';

const TAG = 'كوريا الشمالية';
const ENC = encodeURIComponent(TAG);

async function render(data: Partial<ListPageData>) {
  const html = renderDocument(
    ListPage({
      tag: null,
      page: 1,
      articles: [FEATURES, XSS],
      hasOlder: false,
      siteUrl: SITE,
      topNews: [],
      temperature: '28.5°C',
      ...data,
    }),
  );
  const elements = await elementsOf(html);
  const attr = (e: { attributes: [string, string][] }, name: string) => e.attributes.find(([n]) => n === name)?.[1];
  const links = elements.filter((e) => e.tag === 'link');
  return {
    html,
    elements,
    canonical: links.filter((e) => attr(e, 'rel') === 'canonical').map((e) => attr(e, 'href')),
    alternates: links
      .filter((e) => attr(e, 'rel') === 'alternate')
      .map((e) => ({ type: attr(e, 'type'), href: attr(e, 'href') })),
    pager: elements
      .filter((e) => e.tag === 'a' && attr(e, 'rel'))
      .map((e) => ({ rel: attr(e, 'rel'), href: attr(e, 'href') })),
    nav: elements.filter((e) => e.tag === 'nav').map((e) => attr(e, 'aria-label')),
    h1: /<h1>([^<]*)<\/h1>/.exec(html)?.[1],
  };
}

const SITE_FEEDS = [
  { type: 'application/rss+xml', href: '/feed.xml' },
  { type: 'application/feed+json', href: '/feed.json' },
];

describe('front page archive (ListPage with no tag)', () => {
  it('page 1 is / with the latest articles, an "older" link to /page/2 and the site feeds', async () => {
    const page = await render({ hasOlder: true });
    expect(page.h1).toBe('آخر الأخبار');
    expect(page.canonical).toEqual([`${SITE}/`]);
    expect(page.alternates).toEqual(SITE_FEEDS);
    expect(page.pager).toEqual([{ rel: 'next', href: '/page/2' }]);
    expect(page.nav).toContain('صفحات الأرشيف');
    expect(page.html).toContain('>الأقدم</a>');
    expect(page.html).not.toContain('>الأحدث</a>');
    expect(page.html).toContain(`<a href="/articles/${encodeURIComponent(FEATURES.slug)}">${FEATURES.title}</a>`);
    expect(page.html).toContain('<title>جريدة الأيام الإلكترونية</title>');
  });

  it('page 2 is /page/2 with "newer" back to / (never /page/1) and "older" to /page/3', async () => {
    const page = await render({ page: 2, hasOlder: true });
    expect(page.canonical).toEqual([`${SITE}/page/2`]);
    expect(page.pager).toEqual([
      { rel: 'prev', href: '/' },
      { rel: 'next', href: '/page/3' },
    ]);
    expect(page.html).toContain('>الأحدث</a>');
    expect(page.html).toMatch(/<title>آخر الأخبار \(الصفحة 2\) \| /);
  });

  it('the last page has only the "newer" link', async () => {
    const page = await render({ page: 3 });
    expect(page.pager).toEqual([{ rel: 'prev', href: '/page/2' }]);
  });

  it('a single page has no pager at all', async () => {
    const page = await render({});
    expect(page.pager).toEqual([]);
    expect(page.nav).not.toContain('صفحات الأرشيف');
  });
});

describe('tag page (ListPage with a tag)', () => {
  it('page 1 is /tags/<tag> with the tag as heading and the tag feed next to the site feeds', async () => {
    const page = await render({ tag: TAG, hasOlder: true });
    expect(page.h1).toBe(TAG);
    expect(page.canonical).toEqual([`${SITE}/tags/${ENC}`]);
    expect(page.alternates).toEqual([...SITE_FEEDS, { type: 'application/rss+xml', href: `/tags/${ENC}/feed.xml` }]);
    expect(page.pager).toEqual([{ rel: 'next', href: `/tags/${ENC}/page/2` }]);
  });

  it('page N is /tags/<tag>/page/N, newer links back to /tags/<tag> from page 2', async () => {
    expect((await render({ tag: TAG, page: 2 })).pager).toEqual([{ rel: 'prev', href: `/tags/${ENC}` }]);
    const page = await render({ tag: TAG, page: 5, hasOlder: true });
    expect(page.canonical).toEqual([`${SITE}/tags/${ENC}/page/5`]);
    expect(page.pager).toEqual([
      { rel: 'prev', href: `/tags/${ENC}/page/4` },
      { rel: 'next', href: `/tags/${ENC}/page/6` },
    ]);
  });

  it('keeps a hostile tag name and hostile articles inert', async () => {
    const page = await render({ tag: '<script>alert(1)</script>', articles: [XSS] });
    expect(page.h1).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(await scriptHazards(page.html)).toEqual([]);
    const hostile = await render({ tag: HOSTILE_TEXT });
    expect(hostile.canonical[0]?.startsWith(`${SITE}/tags/`)).toBe(true);
  });

  it('says so when a page has no articles', async () => {
    const page = await render({ tag: TAG, articles: [] as Article[] });
    expect(page.html).toContain('<p>لا توجد مقالات منشورة بعد.</p>');
  });
});

describe('HomePage', () => {
  it('shares the list markup and links the site feeds; "older" appears when asked', async () => {
    const common = {
      latest: [{ article: FEATURES, url: '/articles/x' }],
      canonicalUrl: `${SITE}/`,
      topNews: [],
      temperature: '',
    };
    const home = renderDocument(HomePage({ ...common, hasOlder: true }));
    const page1 = (await render({ articles: [FEATURES], hasOlder: true })).html;
    const list = (html: string) => /<ol class="list">[\s\S]*?<\/ol>/.exec(html)?.[0];
    expect(list(home)).toBe(list(page1)?.replace(`/articles/${encodeURIComponent(FEATURES.slug)}`, '/articles/x'));
    expect(home).toContain('<a href="/page/2" rel="next">الأقدم</a>');
    expect(home).toMatch(
      /<link rel="alternate" type="application\/rss\+xml" title="جريدة الأيام الإلكترونية" href="\/feed.xml"\/?>/,
    );
    expect(renderDocument(HomePage(common))).not.toContain('rel="next"');
  });
});
