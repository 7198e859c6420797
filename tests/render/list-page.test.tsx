import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../src/render/document.ts';
import { ListPage } from '../../src/render/list-page.tsx';
import type { ListKind, ListPageData } from '../../src/render/page-data.ts';
import { FIT } from '../../src/render/teaser.tsx';
import { FEATURES, XSS } from '../helpers/fixtures.ts';
import { type ElementInfo, elementsOf, scriptHazards } from '../helpers/html.ts';
import { HOSTILE_TEXT, SITE } from './hostile.ts';
import { chrome, SECTIONS, teaser, withoutPhoto, withPhoto } from './page-fixtures.tsx';

const TAG = 'كوريا الشمالية';
const ENC = encodeURIComponent(TAG);
const LEBANON = SECTIONS[0] as (typeof SECTIONS)[number];

async function render(data: Partial<ListPageData> & { list: ListKind }) {
  const html = renderDocument(
    ListPage({
      chrome: chrome(),
      page: 1,
      lead: null,
      teasers: [teaser(FEATURES), teaser(XSS)],
      hasOlder: false,
      canonicalUrl: `${SITE}/x`,
      ...data,
    }),
  );
  const elements = await elementsOf(html);
  const attr = (e: ElementInfo, name: string) => e.attributes.find(([n]) => n === name)?.[1];
  const links = elements.filter((e) => e.tag === 'link');
  return {
    html,
    elements,
    canonical: links.filter((e) => attr(e, 'rel') === 'canonical').map((e) => attr(e, 'href')),
    alternates: links
      .filter((e) => attr(e, 'rel') === 'alternate')
      .map((e) => ({ type: attr(e, 'type'), href: attr(e, 'href') })),
    pager: elements
      .filter((e) => e.tag === 'a' && attr(e, 'rel') && attr(e, 'rel') !== 'tag')
      .map((e) => ({ rel: attr(e, 'rel'), href: attr(e, 'href') })),
    nav: elements.filter((e) => e.tag === 'nav').map((e) => attr(e, 'aria-label')),
    h1: /<h1>(.*?)<\/h1>/.exec(html)?.[1],
    images: elements.filter((e) => e.tag === 'img').map((e) => Object.fromEntries(e.attributes)),
  };
}

const SITE_FEEDS = [
  { type: 'application/rss+xml', href: '/feed.xml' },
  { type: 'application/feed+json', href: '/feed.json' },
];
const ARCHIVE = { kind: 'archive' } as const;

describe('archive pages (/page/N)', () => {
  it('page 2 has "newer" back to / (never /page/1), "older" to /page/3, and the site feeds', async () => {
    const page = await render({ list: ARCHIVE, page: 2, hasOlder: true, canonicalUrl: `${SITE}/page/2` });
    expect(page.h1).toBe('آخر الأخبار');
    expect(page.canonical).toEqual([`${SITE}/page/2`]);
    expect(page.alternates).toEqual(SITE_FEEDS);
    expect(page.pager).toEqual([
      { rel: 'prev', href: '/' },
      { rel: 'next', href: '/page/3' },
    ]);
    expect(page.nav).toContain('صفحات الأرشيف');
    expect(page.html).toContain('>الأحدث</a>');
    expect(page.html).toMatch(/<title>آخر الأخبار \(الصفحة 2\) \| /);
    expect(page.html).toContain(`<a href="/articles/${encodeURIComponent(FEATURES.slug)}">${FEATURES.title}</a>`);
  });

  it('the last page has only the "newer" link; a single page has no pager at all', async () => {
    expect((await render({ list: ARCHIVE, page: 3 })).pager).toEqual([{ rel: 'prev', href: '/page/2' }]);
    const single = await render({ list: ARCHIVE });
    expect(single.pager).toEqual([]);
    expect(single.nav).not.toContain('صفحات الأرشيف');
  });
});

describe('tag pages', () => {
  it('say what they are: the kicker "وسم:" then the tag as heading; the tag feed next to the site feeds', async () => {
    const page = await render({ list: { kind: 'tag', tag: TAG }, hasOlder: true, canonicalUrl: `${SITE}/tags/${ENC}` });
    expect(page.h1).toBe(`<span class="kicker">وسم:</span> ${TAG}`);
    expect(page.html).toContain(`<title>${TAG} | جريدة الأيام الإلكترونية</title>`);
    expect(page.canonical).toEqual([`${SITE}/tags/${ENC}`]);
    expect(page.alternates).toEqual([...SITE_FEEDS, { type: 'application/rss+xml', href: `/tags/${ENC}/feed.xml` }]);
    expect(page.pager).toEqual([{ rel: 'next', href: `/tags/${ENC}/page/2` }]);
  });

  it('page N links /tags/<tag>/page/N±1, newer back to /tags/<tag> from page 2', async () => {
    expect((await render({ list: { kind: 'tag', tag: TAG }, page: 2 })).pager).toEqual([
      { rel: 'prev', href: `/tags/${ENC}` },
    ]);
    const page = await render({ list: { kind: 'tag', tag: TAG }, page: 5, hasOlder: true });
    expect(page.pager).toEqual([
      { rel: 'prev', href: `/tags/${ENC}/page/4` },
      { rel: 'next', href: `/tags/${ENC}/page/6` },
    ]);
    expect(page.html).toMatch(/<title>كوريا الشمالية \(الصفحة 5\) \| /);
  });

  it('keeps a hostile tag name and hostile articles inert', async () => {
    const page = await render({ list: { kind: 'tag', tag: '<script>alert(1)</script>' }, teasers: [teaser(XSS)] });
    expect(page.h1).toBe('<span class="kicker">وسم:</span> &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(await scriptHazards(page.html)).toEqual([]);
    const hostile = await render({ list: { kind: 'tag', tag: HOSTILE_TEXT } });
    expect(await scriptHazards(hostile.html)).toEqual([]);
  });

  it('says so when a page has no articles', async () => {
    const page = await render({ list: { kind: 'tag', tag: TAG }, teasers: [] });
    expect(page.html).toContain('<p>لا توجد مقالات منشورة بعد.</p>');
    expect(page.html).not.toContain('<ol');
  });
});

describe('section pages', () => {
  const section = { kind: 'section', section: LEBANON } as const;

  it("are headed by the section's name, link its feed, and mark it in the sections bar", async () => {
    const page = await render({
      list: section,
      chrome: chrome({ currentSection: 'lebanon' }),
      canonicalUrl: `${SITE}/sections/lebanon`,
    });
    expect(page.h1).toBe('لبنان');
    expect(page.html).toContain('<title>لبنان | جريدة الأيام الإلكترونية</title>');
    expect(page.canonical).toEqual([`${SITE}/sections/lebanon`]);
    expect(page.alternates).toEqual([
      ...SITE_FEEDS,
      { type: 'application/rss+xml', href: '/sections/lebanon/feed.xml' },
    ]);
    expect(page.html).toContain('<a href="/sections/lebanon" aria-current="page">لبنان</a>');
  });

  it('open page 1 with the lead story large, its photo eager; the teasers follow with lazy thumbnails', async () => {
    const page = await render({
      list: section,
      lead: teaser(withPhoto('lead')),
      teasers: [teaser(withPhoto('a')), teaser(withoutPhoto('b'))],
    });
    expect(page.html).toContain('<div class="hero"><article class="lead">');
    const [lead, ...thumbs] = page.images;
    expect(lead).toMatchObject({ fetchpriority: 'high', sizes: FIT.lead.sizes });
    expect(lead).not.toHaveProperty('loading');
    expect(thumbs).toHaveLength(1);
    expect(thumbs[0]).toMatchObject({ loading: 'lazy', sizes: FIT.listThumb.sizes, width: '1600', height: '900' });
    expect(page.html).toContain('<li class="row np">');
    expect(page.html).toContain('<ol class="rows two">');
  });

  it('page through /sections/<slug>/page/N', async () => {
    expect((await render({ list: section, hasOlder: true })).pager).toEqual([
      { rel: 'next', href: '/sections/lebanon/page/2' },
    ]);
    const page = await render({ list: section, page: 2, hasOlder: true });
    expect(page.pager).toEqual([
      { rel: 'prev', href: '/sections/lebanon' },
      { rel: 'next', href: '/sections/lebanon/page/3' },
    ]);
    expect(page.html).toMatch(/<title>لبنان \(الصفحة 2\) \| /);
    expect(page.html).not.toContain('class="hero"');
  });
});
