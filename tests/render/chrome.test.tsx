import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../src/render/document.ts';
import { ErrorPage } from '../../src/render/error-page.tsx';
import type { Chrome } from '../../src/render/page-data.ts';
import { type ElementInfo, elementsOf, scriptHazards } from '../helpers/html.ts';
import { HOSTILE_TEXT } from './hostile.ts';
import { chrome, SECTIONS } from './page-fixtures.tsx';

const attr = (e: ElementInfo, name: string) => e.attributes.find(([n]) => n === name)?.[1];
const render = (c: Chrome) => renderDocument(ErrorPage({ status: 404, chrome: c }));

/** The part of the page between `from` and the end of the element it opens (`until`). */
const part = (html: string, from: string, until: string) => {
  const at = html.indexOf(from);
  return at === -1 ? '' : html.slice(at, html.indexOf(until, at) + until.length);
};

async function sectionsNav(html: string) {
  const nav = part(html, '<nav class="sections"', '</nav>');
  const links = (await elementsOf(nav)).filter((e) => e.tag === 'a');
  return {
    nav,
    links: links.map((a) => ({ href: attr(a, 'href'), current: attr(a, 'aria-current') })),
    names: [...nav.matchAll(/<a [^>]*>([^<]*)<\/a>/g)].map((m) => m[1]),
  };
}

describe('masthead', () => {
  it('links the site name home, with the date line, the temperature and the search form', () => {
    const html = render(chrome());
    const header = part(html, '<header class="site"', '</header>');
    expect(header).toContain('<a class="brand" href="/">جريدة الأيام الإلكترونية</a>');
    expect(header).toContain('<p class="dateline">الجمعة، 21 تشرين الثاني 2025</p>');
    expect(header).toContain('28.5°C');
    expect(header).toContain('<form role="search" aria-label="البحث في الموقع" action="/search" method="get"');
    expect(header.indexOf('dateline')).toBeGreaterThan(header.indexOf('class="brand"'));
  });
});

describe('sections bar', () => {
  it('is a nav named "الأقسام": the front page first, then every section in order', async () => {
    const { nav, links, names } = await sectionsNav(render(chrome()));
    expect(nav).toContain('aria-label="الأقسام"');
    expect(names).toEqual(['الرئيسية', ...SECTIONS.map((s) => s.name)]);
    expect(links.map((l) => l.href)).toEqual(['/', '/sections/lebanon', '/sections/world', '/sections/economy']);
    expect(links.every((l) => l.current === undefined)).toBe(true);
  });

  it("marks the current section's link, and only it, as the current page", async () => {
    const { links } = await sectionsNav(render(chrome({ currentSection: 'world' })));
    expect(links.filter((l) => l.current === 'page').map((l) => l.href)).toEqual(['/sections/world']);
  });

  it('escapes section names', async () => {
    const hostile = [{ slug: 'x', name: HOSTILE_TEXT, url: '/sections/x' }];
    const html = render(chrome({ sections: hostile }));
    expect(await scriptHazards(html)).toEqual([]);
    expect(html).toContain('&lt;b&gt;هام&lt;/b&gt;');
  });
});

describe('breaking bar', () => {
  const breaking = { title: 'انفجار في المرفأ', url: '/articles/breaking', publishedAt: '2025-11-21T09:05:00+02:00' };

  it('is a red "عاجل" bar linking to the article, with its time, right under the header', async () => {
    const html = render(chrome({ breaking }));
    const bar = part(html, '<aside class="breaking"', '</aside>');
    expect(bar).toContain('aria-label="خبر عاجل"');
    expect(bar).toContain('<strong>عاجل</strong>');
    expect(bar).toContain('<time datetime="2025-11-21T09:05:00+02:00">9:05 ص</time>');
    const links = (await elementsOf(bar)).filter((e) => e.tag === 'a');
    expect(links.map((a) => attr(a, 'href'))).toEqual(['/articles/breaking']);
    expect(bar).toContain('انفجار في المرفأ');
    expect(html.indexOf('class="breaking"')).toBeGreaterThan(html.indexOf('</header>'));
    expect(html.indexOf('class="breaking"')).toBeLessThan(html.indexOf('<main'));
  });

  it('is absent when there is no breaking news', () => {
    const html = render(chrome());
    expect(html).not.toContain('class="breaking"');
    expect(html).not.toContain('عاجل');
  });

  it('escapes the headline', async () => {
    const html = render(chrome({ breaking: { ...breaking, title: '<script>alert(1)</script>' } }));
    expect(await scriptHazards(html)).toEqual([]);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('top-news band', () => {
  const topNews = [
    { title: 'الخبر الأول', url: '/articles/1' },
    { title: 'الخبر الثاني', url: '/articles/2' },
  ];

  it('is a nav labelled "أهم الأخبار" with the headline links, after the breaking bar', async () => {
    const html = render(chrome({ topNews, breaking: { title: 'ع', url: '/articles/b', publishedAt: 'x' } }));
    const band = part(html, '<nav class="top-news"', '</nav>');
    expect(band).toContain('aria-labelledby="top-news-title"');
    expect(band).toContain('<h2 id="top-news-title">أهم الأخبار</h2>');
    expect((await elementsOf(band)).filter((e) => e.tag === 'a').map((a) => attr(a, 'href'))).toEqual([
      '/articles/1',
      '/articles/2',
    ]);
    expect(html.indexOf('class="top-news"')).toBeGreaterThan(html.indexOf('class="breaking"'));
  });

  it('is hidden when empty', () => {
    expect(render(chrome())).not.toContain('أهم الأخبار');
  });
});
