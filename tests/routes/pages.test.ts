import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { articlePath } from '../../src/paths.ts';
import { publishArticles } from '../../src/publish/publish.ts';
import { elementsOf, scriptHazards } from '../helpers/html.ts';
import { putFixtureMedia, withFixtureMedia } from '../helpers/media.ts';
import { SEED_ARTICLE_PATH, SEED_SLUG } from '../helpers/seed.ts';

const fetchSite = (path: string, init?: RequestInit) =>
  exports.default.fetch(new Request(`https://site.test${path}`, init));
const SEED = SEED_ARTICLE_PATH;
// The real content/, published into this file's D1 by the publish step's own code; served by the deployed entry.
// Lead photos get the fixture's variants in R2, as the Node publisher would give them theirs.
const articles = inject('contentArticles').map((a) => (a.image ? withFixtureMedia(a) : a));
beforeAll(async () => {
  await putFixtureMedia(env.MEDIA);
  await publishArticles(env.DB, articles, { now: new Date(), site: inject('contentSite') });
});

async function sha256Base64(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

describe('GET /', () => {
  it('shows the masthead, the sections bar and the seed as the lead story, with every article linked', async () => {
    const res = await fetchSite('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toMatch(/^<!DOCTYPE html><html lang="ar" dir="rtl">/);
    expect(html).toContain('<a class="brand" href="/">جريدة الأيام الإلكترونية</a>');
    expect(html).toContain('درجة الحرارة في بيروت');
    expect(html).toMatch(/<p class="dateline"><time datetime="\d{4}-\d{2}-\d{2}">/);
    expect(html).toMatch(/<nav class="sections" aria-label="الأقسام">[\s\S]*?href="\/sections\/world">عربي ودولي<\/a>/);
    // The seed is the only top article: it leads, and the front page has no top-news band repeating it.
    expect(html).toMatch(/<article class="lead[^"]*">[\s\S]*?قلق أميركا وحلفائها إزاء قمة &quot; كيم _ بوتين &quot;/);
    expect(html).not.toContain('id="top-news-title"');
    const hrefs = (await elementsOf(html))
      .filter((e) => e.tag === 'a')
      .map((e) => e.attributes.find(([n]) => n === 'href')?.[1]);
    for (const a of articles) expect(hrefs).toContain(articlePath(a.slug));
  });
});

describe('GET /articles/:slug', () => {
  it('serves the seed article with every part of the seed page, in order', async () => {
    const res = await fetchSite(SEED);
    expect(res.status).toBe(200);
    const html = await res.text();
    const order = [
      'درجة الحرارة في بيروت',
      // The kicker above the headline: its section, then its first tag.
      '<a href="/sections/world">عربي ودولي</a>',
      `href="/tags/${encodeURIComponent('روسيا')}"`,
      '<h1>قلق أميركا وحلفائها إزاء قمة &quot; كيم _ بوتين &quot;</h1>',
      // The byline sits under the headline, with the dateline.
      '<p class="byline">تحرير جريدة الأيام الإلكترونية</p>',
      '<time datetime="2023-09-14T12:00:00+03:00">الخميس، 14 أيلول 2023 في 12:00 م بتوقيت بيروت</time>',
      '<figure><picture><source type="image/avif" srcset="/media/img/',
      'alt="رسم توضيحي لطاولة مفاوضات',
      '<figcaption>رسم توضيحي لقمة مركز فوستوشني الفضائي',
      '<p>قلق أميركا وحلفائها إزاء قمة &quot; كيم _ بوتين &quot;/ جريدة الأيام الإلكترونية في لقاءٍ وصف بالقمة',
      'بينما وصفت كوريا الجنوبية القمة',
      '<p class="source">المصدر: روسيا اليوم + مواقع</p>',
      `<li><a href="/tags/${encodeURIComponent('كوريا الشمالية')}" rel="tag">كوريا الشمالية</a></li>`,
    ];
    let at = 0;
    for (const part of order) {
      const found = html.indexOf(part, at);
      expect(found, part).toBeGreaterThan(at - 1);
      at = found;
    }
    expect(html).toContain('width="1600" height="900"');
    expect(html).toContain('<main id="main" class="wrap">');
    expect(html).toContain('<a class="skip" href="#main">');
    expect(await scriptHazards(html)).toEqual([]);
  });

  it('finds Arabic slugs however they are encoded (raw UTF-8 path, NFD)', async () => {
    expect((await fetchSite(`/articles/${SEED_SLUG}`)).status).toBe(200);
    const nfd = encodeURIComponent(SEED_SLUG.normalize('NFD'));
    expect((await fetchSite(`/articles/${nfd}`)).status).toBe(200);
  });

  it.each([
    ['an unknown slug', '/articles/no-such-article'],
    ['a traversal attempt', '/articles/..%2f..%2fwrangler.toml'],
    ['a 4 KB slug', `/articles/${'ب'.repeat(4096)}`],
    ['malformed percent-encoding', '/articles/%E0%A4%A'],
    ['a lone percent sign', '/articles/%'],
    ['an empty slug', '/articles/'],
    ['an unknown path', '/no/such/page'],
  ])('answers %s with an Arabic 404 page', async (_, path) => {
    const res = await fetchSite(path);
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('<h1>الصفحة غير موجودة</h1>');
  });
});

describe('HTTP behaviour', () => {
  it('answers HEAD like GET without a body', async () => {
    const get = await fetchSite(SEED);
    const head = await fetchSite(SEED, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('ETag')).toBe(get.headers.get('ETag'));
    expect(head.headers.get('Content-Type')).toBe(get.headers.get('Content-Type'));
    expect(await head.text()).toBe('');
    expect((await fetchSite('/missing', { method: 'HEAD' })).status).toBe(404);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('answers %s with 405 and Allow', async (method) => {
    const res = await fetchSite(SEED, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe('GET, HEAD');
    expect(await res.text()).toContain('طريقة الطلب غير مسموحة');
  });

  it('sends a strong ETag and 304 on If-None-Match', async () => {
    const first = await fetchSite(SEED);
    const etag = first.headers.get('ETag');
    // The template's hash, the temperature line's and the date line's.
    expect(etag).toMatch(/^"[0-9a-f]{16}-[0-9a-f]{16}-[0-9a-f]{16}"$/);
    const again = await fetchSite(SEED, { headers: { 'If-None-Match': etag ?? '' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('ETag')).toBe(etag);
    const other = await fetchSite(SEED, { headers: { 'If-None-Match': '"something-else"' } });
    expect(other.status).toBe(200);
    // Different pages have different validators.
    expect((await fetchSite('/')).headers.get('ETag')).not.toBe(etag);
  });

  it('keeps news pages a minute in any cache, and stale only while the site fails (cache-tags-and-purge.test.ts)', async () => {
    expect((await fetchSite(SEED)).headers.get('Cache-Control')).toBe(
      'public, max-age=60, s-maxage=60, stale-if-error=600',
    );
  });

  it.each([
    ['a page', SEED, {}],
    ['a 404', '/nope', {}],
    ['a 405', '/', { method: 'POST' }],
    ['a 304', '/', { headers: { 'If-None-Match': '*' } }],
  ])('sets security headers on %s', async (_, path, init) => {
    const res = await fetchSite(path, init as RequestInit);
    expect(res.headers.get('Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/script-src|unsafe-inline/);
  });

  it("allows exactly the page's own inline stylesheet in the CSP", async () => {
    const res = await fetchSite(SEED);
    const html = await res.text();
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(css.length).toBeGreaterThan(1000);
    expect(res.headers.get('Content-Security-Policy')).toContain(`style-src 'sha256-${await sha256Base64(css)}'`);
  });

  it('builds canonical URLs from SITE_URL, never from Host or X-Forwarded-Host', async () => {
    const res = await fetchSite(SEED, { headers: { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example' } });
    const html = await res.text();
    expect(html).toContain(`<link rel="canonical" href="${env.SITE_URL}${SEED}"/>`);
    expect(html).not.toContain('evil.example');
  });
});

describe('every article in content/', () => {
  it.each(articles.map((a) => [a.file, a] as const))(
    '%s renders with headline, date, body and byline',
    async (_, a) => {
      const res = await fetchSite(articlePath(a.slug));
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(`<time datetime="${a.publishedAt}">`);
      expect(html).toContain(`<p class="byline">`);
      expect(html).toMatch(/<div class="body">[\s\S]*<p>/);
      if (a.image) expect(html).toContain('<figure>');
    },
  );
});

describe('every route through the deployed entry', () => {
  it.each([
    ['/', 200, 'text/html; charset=utf-8'],
    [SEED, 200, 'text/html; charset=utf-8'],
    [`${SEED}/amp`, 200, 'text/html; charset=utf-8'],
    ['/api/articles', 200, 'application/json; charset=utf-8'],
    [`/api/articles/${SEED.slice('/articles/'.length)}`, 200, 'application/json; charset=utf-8'],
    ['/api/weather', 200, 'application/json; charset=utf-8'],
    ['/api/articles?limit=500', 400, 'application/json; charset=utf-8'],
    ['/api/articles/missing', 404, 'application/json; charset=utf-8'],
    ['/missing', 404, 'text/html; charset=utf-8'],
  ])('GET %s answers %i %s', async (path, status, type) => {
    const res = await fetchSite(path);
    expect(res.status).toBe(status);
    expect(res.headers.get('Content-Type')).toBe(type);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });
});
