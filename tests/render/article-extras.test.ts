import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/content/types.ts';
import { renderMarkdown } from '../../src/markdown/render.ts';
import { articleUrls } from '../../src/paths.ts';
import { renderAmpDocument } from '../../src/render/amp-page.tsx';
import { ArticlePage } from '../../src/render/article-page.tsx';
import { renderDocument } from '../../src/render/document.ts';
import { FEATURES, XSS } from '../helpers/fixtures.ts';
import { elementsOf, scriptHazards } from '../helpers/html.ts';
import { HOSTILE, SITE } from './hostile.ts';

const related = (n: number): Article[] =>
  Array.from({ length: n }, (_, i) => ({ ...FEATURES, slug: `r${i + 1}`, title: `مقال ذو صلة ${i + 1}` }));

const flavors = {
  html: (article: Article, rel?: Article[]) =>
    renderDocument(
      ArticlePage({
        article,
        bodyHtml: renderMarkdown(article.body, 'html', article.bodyImages),
        urls: articleUrls(SITE, article),
        currentPath: '/',
        topNews: [],
        temperature: '',
        ...(rel ? { related: rel } : {}),
      }),
    ),
  amp: (article: Article, rel?: Article[]) =>
    renderAmpDocument({
      article,
      bodyAmp: renderMarkdown(article.body, 'amp', article.bodyImages),
      urls: articleUrls(SITE, article),
      topNews: [],
      temperature: '',
      ...(rel ? { related: rel } : {}),
    }),
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

  it('ends with at most 3 related articles under "مقالات ذات صلة", after the article', async () => {
    const html = render(FEATURES, related(4));
    expect(html).toContain('<h2 id="related-title">مقالات ذات صلة</h2>');
    expect(html.indexOf('related-title')).toBeGreaterThan(html.indexOf('</article>'));
    expect(await hrefsIn(html, '<section class="related"', '</section>')).toEqual([
      '/articles/r1',
      '/articles/r2',
      '/articles/r3',
    ]);
  });

  it('has no related block by default or when there are none', () => {
    expect(render(FEATURES)).not.toContain('مقالات ذات صلة');
    expect(render(FEATURES, [])).not.toContain('مقالات ذات صلة');
  });

  it('links the site feeds in the head', async () => {
    const html = render(FEATURES);
    const head = html.slice(0, html.indexOf('</head>'));
    const alternates = (await elementsOf(head))
      .filter((e) => e.tag === 'link' && e.attributes.some(([n, v]) => n === 'rel' && v === 'alternate'))
      .map((e) => e.attributes.find(([n]) => n === 'href')?.[1]);
    expect(alternates).toEqual(['/feed.xml', '/feed.json']);
  });

  it('keeps hostile tags and related titles inert', async () => {
    const html = render(XSS, [XSS, HOSTILE]);
    expect(await scriptHazards(html)).toEqual([]);
    expect(html).toContain(`<a href="/articles/xss">&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</a>`);
    expect(html).toContain(`href="/tags/${encodeURIComponent('<script>alert(1)</script>')}"`);
  });
});
