import { describe, expect, it } from 'vitest';
import type { Article, ArticleMeta } from '../../src/content/types.ts';
import { renderMarkdown } from '../../src/markdown/render.ts';
import { articleUrls } from '../../src/paths.ts';
import { renderAmpDocument } from '../../src/render/amp-page.tsx';
import { ArticlePage } from '../../src/render/article-page.tsx';
import { renderDocument } from '../../src/render/document.ts';
import type { ArticlePageData } from '../../src/render/page-data.ts';
import { FEATURES, XSS } from '../helpers/fixtures.ts';
import { elementsOf, scriptHazards } from '../helpers/html.ts';
import { HOSTILE, SITE } from './hostile.ts';
import { chrome, SECTIONS, teaser, withoutPhoto, withPhoto } from './page-fixtures.tsx';

const related = (n: number): ArticleMeta[] =>
  Array.from({ length: n }, (_, i) => ({ ...withPhoto(`r${i + 1}`), title: `مقال ذو صلة ${i + 1}` }));

type Extra = Partial<Omit<ArticlePageData, 'related'>> & { related?: ArticleMeta[] };

const pageData = (article: Article, flavor: 'html' | 'amp', extra: Extra): ArticlePageData => ({
  chrome: chrome(),
  article,
  bodyHtml: renderMarkdown(article.body, flavor, article.bodyImages),
  urls: articleUrls(SITE, article),
  kicker: { section: null, tag: null },
  authors: [],
  live: null,
  corrections: [],
  defaultAuthor: false,
  ...extra,
  related: (extra.related ?? []).map(teaser),
});

const flavors = {
  html: (article: Article, extra: Extra = {}) => renderDocument(ArticlePage(pageData(article, 'html', extra))),
  amp: (article: Article, extra: Extra = {}) => renderAmpDocument(pageData(article, 'amp', extra)),
};

async function hrefsIn(html: string, from: string, to: string) {
  const part = html.slice(html.indexOf(from), html.indexOf(to, html.indexOf(from)));
  return (await elementsOf(part))
    .filter((e) => e.tag === 'a')
    .map((e) => e.attributes.find(([n]) => n === 'href')?.[1]);
}

describe.each(['html', 'amp'] as const)('article page (%s)', (flavor) => {
  const render = flavors[flavor];

  it('links every tag to its tag page, percent-encoded', async () => {
    const html = render(FEATURES);
    expect(await hrefsIn(html, '<ul class="tags"', '</ul>')).toEqual([
      `/tags/${encodeURIComponent('اختبار')}`,
      `/tags/${encodeURIComponent('تنسيق')}`,
    ]);
    expect(html).toContain('rel="tag">اختبار</a>');
  });

  it('has a kicker above the headline linking the section and the tag', async () => {
    const html = render(FEATURES, { kicker: { section: SECTIONS[1] ?? null, tag: 'تنسيق' } });
    expect(await hrefsIn(html, '<p class="kicker"', '</p>')).toEqual([
      '/sections/world',
      `/tags/${encodeURIComponent('تنسيق')}`,
    ]);
    expect(html).toContain('<a href="/sections/world">عربي ودولي</a>');
    expect(html.indexOf('class="kicker"')).toBeLessThan(html.indexOf('<h1>'));
    expect(render(FEATURES)).not.toContain('class="kicker"');
    expect(
      await hrefsIn(render(FEATURES, { kicker: { section: null, tag: 'ب' } }), '<p class="kicker"', '</p>'),
    ).toEqual([`/tags/${encodeURIComponent('ب')}`]);
  });

  it('shows the reading time in the dateline', () => {
    expect(render({ ...FEATURES, readingTimeMinutes: 3 })).toContain('<span class="rt">قراءة في 3 دقائق</span>');
    expect(render({ ...FEATURES, readingTimeMinutes: 2 })).toContain('قراءة في دقيقتين');
  });

  it('has share links carrying the canonical URL and the headline, before the lead image', async () => {
    const html = render(XSS);
    const canonical = encodeURIComponent(articleUrls(SITE, XSS).canonical);
    const hrefs = await hrefsIn(html, '<ul class="share"', '</ul>');
    expect(hrefs).toHaveLength(5);
    expect(hrefs[0]).toBe(
      `https://wa.me/?text=${encodeURIComponent(`${XSS.title} ${articleUrls(SITE, XSS).canonical}`)}`,
    );
    expect(hrefs[3]).toBe(`https://www.facebook.com/sharer/sharer.php?u=${canonical}`);
    expect(html).toContain('شارك عبر واتساب');
    expect(html.indexOf('class="share"')).toBeLessThan(html.indexOf('<figure'));
  });

  it('ends with at most 3 related articles under "مقالات ذات صلة", with thumbnails', async () => {
    const html = render(FEATURES, { related: related(4) });
    expect(html).toContain('<h2 id="related-title" class="bar">مقالات ذات صلة</h2>');
    expect(html.indexOf('related-title')).toBeGreaterThan(html.indexOf('</article>'));
    const block = html.slice(html.indexOf('<section class="related"'), html.indexOf('</section>'));
    expect(await hrefsIn(block, '<section', '</section')).toEqual(['/articles/r1', '/articles/r2', '/articles/r3']);
    const images = (await elementsOf(block)).filter((e) => e.tag === (flavor === 'amp' ? 'amp-img' : 'img'));
    expect(images.length).toBeGreaterThanOrEqual(3);
    if (flavor === 'html') {
      for (const img of images.map((e) => Object.fromEntries(e.attributes))) {
        expect(img).toMatchObject({ loading: 'lazy', width: '1600', height: '900' });
      }
    }
  });

  it('shows a related article without a photo as a text card', () => {
    const html = render(FEATURES, { related: [withoutPhoto('plain')] });
    expect(html).toContain('<li class="card np">');
  });

  it('has no related block by default or when there are none', () => {
    expect(render(FEATURES)).not.toContain('مقالات ذات صلة');
  });

  it('shows the sections bar and the breaking bar', () => {
    const breaking = { title: 'خبر عاجل', url: '/articles/b', publishedAt: '2025-11-21T09:05:00+02:00' };
    const html = render(FEATURES, { chrome: chrome({ breaking, currentSection: 'world' }) });
    expect(html).toContain('<nav class="sections" aria-label="الأقسام">');
    expect(html).toContain('<a href="/sections/world" aria-current="page">');
    expect(html).toContain('<strong>عاجل</strong>');
  });

  it('links the site feeds in the head', async () => {
    const html = render(FEATURES);
    const head = html.slice(0, html.indexOf('</head>'));
    const alternates = (await elementsOf(head))
      .filter((e) => e.tag === 'link' && e.attributes.some(([n, v]) => n === 'rel' && v === 'alternate'))
      .map((e) => e.attributes.find(([n]) => n === 'href')?.[1]);
    expect(alternates).toEqual(['/feed.xml', '/feed.json']);
  });

  it('keeps hostile tags, kickers and related titles inert', async () => {
    const html = render(XSS, {
      related: [XSS, HOSTILE],
      kicker: {
        section: { slug: 'x', name: '<script>alert(1)</script>', url: '/sections/x' },
        tag: XSS.tags[0] ?? null,
      },
    });
    expect(await scriptHazards(html)).toEqual([]);
    expect(html).toContain(`<a href="/articles/xss">&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</a>`);
    expect(html).toContain(`href="/tags/${encodeURIComponent('<script>alert(1)</script>')}"`);
  });
});

describe('article page (html)', () => {
  it('keeps the lead photo eager with fetchpriority=high, sized for the article column', async () => {
    const html = flavors.html({ ...FEATURES, image: withPhoto('p').image }, { related: related(2) });
    const imgs = (await elementsOf(html)).filter((e) => e.tag === 'img').map((e) => Object.fromEntries(e.attributes));
    expect(imgs[0]).toMatchObject({ fetchpriority: 'high' });
    expect(imgs[0]).not.toHaveProperty('loading');
    expect(imgs.slice(1).every((i) => i.loading === 'lazy')).toBe(true);
  });
});
