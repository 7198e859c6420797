import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { ampPath, articlePath } from '../../src/paths.ts';
import { testApp } from '../helpers/app.ts';
import { FEATURES, XSS } from '../helpers/fixtures.ts';
import { elementsOf } from '../helpers/html.ts';

const SITE = 'https://al-ayyam.example';
const site = testApp({ bindings: env, articles: [FEATURES, XSS], env: { SITE_URL: SITE } });
const HOSTILE = { headers: { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'http' } };

async function page(path: string) {
  const res = await site.request(path, HOSTILE);
  const html = await res.text();
  const elements = await elementsOf(html);
  const attr = (tag: string, match: [string, string], name: string) =>
    elements
      .filter((e) => e.tag === tag && e.attributes.some(([n, v]) => n === match[0] && v === match[1]))
      .map((e) => e.attributes.find(([n]) => n === name)?.[1]);
  const ld = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)?.[1] ?? 'null');
  return { res, html, attr, ld };
}

const canonical = `${SITE}/articles/${encodeURIComponent(FEATURES.slug)}`;

describe.each([
  ['HTML page', articlePath(FEATURES.slug)],
  ['AMP page', ampPath(FEATURES.slug)],
])('structured data and sharing tags on the %s', (_, path) => {
  it('has JSON-LD NewsArticle that parses and matches the article', async () => {
    const { ld } = await page(path);
    expect(ld).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: FEATURES.title,
      description: FEATURES.summary,
      inLanguage: 'ar',
      datePublished: '2024-05-01T10:00:00+03:00',
      dateModified: '2024-05-02T08:15:00+03:00',
      author: [{ '@type': 'Organization', name: 'قسم الاختبار' }],
      publisher: {
        '@type': 'Organization',
        name: 'جريدة الأيام الإلكترونية',
        logo: { '@type': 'ImageObject', url: `${SITE}/images/logo.png`, width: 600, height: 60 },
      },
      image: [{ '@type': 'ImageObject', url: `${SITE}/images/kim-putin-summit.svg`, width: 1200, height: 675 }],
      mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
      keywords: 'اختبار, تنسيق',
    });
  });

  it('has Open Graph, article and Twitter tags and a description', async () => {
    const { attr } = await page(path);
    const og = (p: string) => attr('meta', ['property', p], 'content');
    expect(og('og:type')).toEqual(['article']);
    expect(og('og:title')).toEqual([FEATURES.title]);
    expect(og('og:description')).toEqual([FEATURES.summary]);
    expect(og('og:image')).toEqual([`${SITE}/images/kim-putin-summit.svg`]);
    expect(og('og:url')).toEqual([canonical]);
    expect(og('article:published_time')).toEqual(['2024-05-01T10:00:00+03:00']);
    expect(og('article:modified_time')).toEqual(['2024-05-02T08:15:00+03:00']);
    expect(og('article:tag')).toEqual(['اختبار', 'تنسيق']);
    const named = (n: string) => attr('meta', ['name', n], 'content');
    expect(named('twitter:card')).toEqual(['summary_large_image']);
    expect(named('twitter:title')).toEqual([FEATURES.title]);
    expect(named('description')).toEqual([FEATURES.summary]);
  });

  it('builds canonical and og:url from SITE_URL even with a hostile Host header', async () => {
    const { html, attr } = await page(path);
    expect(attr('link', ['rel', 'canonical'], 'href')).toEqual([canonical]);
    expect(html).not.toContain('evil.example');
  });
});

describe('HTML and AMP link to each other', () => {
  it('the HTML page links to its AMP version', async () => {
    const { attr } = await page(articlePath(FEATURES.slug));
    expect(attr('link', ['rel', 'amphtml'], 'href')).toEqual([`${canonical}/amp`]);
  });

  it('the AMP page carries the mandatory AMP markup', async () => {
    const { res, html } = await page(ampPath(FEATURES.slug));
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(html).toMatch(/^<!DOCTYPE html><html ⚡ lang="ar" dir="rtl"><head><meta charset="utf-8"\/>/);
    expect(html).toContain('<script async="" src="https://cdn.ampproject.org/v0.js"></script>');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    expect(html).toContain('<style amp-boilerplate="">body{-webkit-animation:-amp-start 8s');
    expect(html).toContain('<noscript><style amp-boilerplate="">body{-webkit-animation:none');
    expect(html.match(/<style amp-custom/g)).toHaveLength(1);
    // Plain <img> only as the no-JavaScript fallback inside <noscript>.
    expect(html.replace(/<noscript>[\s\S]*?<\/noscript>/g, '')).not.toMatch(/<img\b/);
  });

  it('the AMP page has the same header, headline, date, lead image, body, byline and source', async () => {
    const { html } = await page(ampPath(FEATURES.slug));
    for (const part of [
      'درجة الحرارة في بيروت',
      '<nav class="sections" aria-label="الأقسام">',
      `<h1>${FEATURES.title}</h1>`,
      '<time datetime="2024-05-01T10:00:00+03:00">',
      '<amp-img src="/images/kim-putin-summit.svg" alt="رسم توضيحي للاختبار" width="1200" height="675" layout="responsive"><noscript><img src="/images/kim-putin-summit.svg" alt="رسم توضيحي للاختبار" width="1200" height="675" decoding="async"/></noscript></amp-img>',
      '<figcaption>تعليق الصورة الرئيسية</figcaption>',
      '<h2 id="العنوان-الثاني">العنوان الثاني</h2>',
      '<span class="img-fill"><amp-img src="https://images.example/photo.jpg" alt="صورة بعيدة" title="صورة من الخارج" layout="fill" object-fit="contain"></amp-img></span>',
      '<p class="byline">قسم الاختبار</p>',
      '<p class="source">المصدر: مختبر التحرير</p>',
    ]) {
      expect(html, part).toContain(part);
    }
  });

  it('the AMP page allows the AMP runtime in its CSP and nothing else', async () => {
    const { res } = await page(ampPath(FEATURES.slug));
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain('script-src https://cdn.ampproject.org/');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('unknown AMP pages are 404', async () => {
    expect((await site.request('/articles/nope/amp')).status).toBe(404);
  });

  it('JSON-LD cannot be broken out of by a title containing </script>', async () => {
    const { html, ld } = await page(ampPath(XSS.slug));
    expect(ld.headline).toBe('</title><script>alert(1)</script>');
    expect(html.match(/<\/script>/g)).toHaveLength(2); // v0.js and the JSON-LD block
  });
});
