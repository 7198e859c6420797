/**
 * The headers every client sees, through the real app (Hono's middleware as configured in src/app.ts), over a
 * D1 seeded by the publish step's code (in memory, through node:sqlite), a memory KV and a down upstream. In
 * Node, so that the mutation run (`npm run test:mutation`) can run it over src/http and src/routes.
 */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../src/deps.ts';
import { SITE_CSS } from '../../src/render/styles.ts';
import { errorResponse } from '../../src/routes/errors.tsx';
import { executionContext, testApp } from '../helpers/app.ts';
import { FEATURES } from '../helpers/fixtures.ts';
import { memoryKv } from '../helpers/memory-kv.ts';
import { fakeUpstream, openMeteoTime } from '../helpers/upstream.ts';
import { memoryD1, nodeBindings } from './support/bindings.ts';

const ARTICLE = `/articles/${encodeURIComponent(FEATURES.slug)}`;
const bindings = nodeBindings({ DB: await memoryD1() });
/** A new app over the real local D1 holding the article: what createApp configures is exercised by each test. */
const site = (options: Omit<Parameters<typeof testApp>[0], 'bindings' | 'articles'> = {}) =>
  testApp({ bindings, articles: [FEATURES], ...options });
const request = (path: string, init?: RequestInit) => site().request(path, init);
const { deps } = site();

async function call(app: Hono<AppEnv>, path: string): Promise<Response> {
  const { ctx, settle } = executionContext();
  const res = await app.fetch(new Request(`https://site.test${path}`), bindings, ctx);
  await settle();
  return res;
}

async function sha256Base64(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

const pageEtag = async () => (await request(ARTICLE)).headers.get('ETag') ?? '';

describe('security headers', () => {
  it.each([
    ['a page', ARTICLE, {}],
    ['the AMP page', `${ARTICLE}/amp`, {}],
    ['a 404 page', '/nope', {}],
    ['a 405 page', '/', { method: 'POST' }],
    ['a 304', '/', { headers: { 'If-None-Match': '*' } }],
    ['JSON', '/api/articles', {}],
    ['a JSON 404', '/api/nope', {}],
    ['a preflight', '/api/articles', { method: 'OPTIONS' }],
  ])('are all on %s', async (_, path, init) => {
    const res = await request(path, init as RequestInit);
    expect(res.headers.get('Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('X-Frame-Options')).toBe('DENY');
    expect(res.headers.get('Permissions-Policy')).toBe('camera=(), microphone=(), geolocation=(), browsing-topics=()');
    expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('X-Powered-By')).toBeNull();
  });

  it("are the site's own set: none of Hono's other defaults", async () => {
    const res = await request(ARTICLE);
    for (const name of [
      'Cross-Origin-Resource-Policy',
      'Cross-Origin-Opener-Policy',
      'Origin-Agent-Cluster',
      'X-DNS-Prefetch-Control',
      'X-Download-Options',
      'X-Permitted-Cross-Domain-Policies',
      'X-XSS-Protection',
    ]) {
      expect(res.headers.get(name), name).toBeNull();
    }
  });

  it('give pages a CSP without script that allows exactly the inline stylesheet, from the first request on', async () => {
    const policy = [
      "default-src 'none'",
      `style-src 'sha256-${await sha256Base64(SITE_CSS)}'`,
      "img-src 'self' https:",
      "connect-src 'self'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; ');
    const one = site();
    for (const path of [ARTICLE, ARTICLE, `${ARTICLE}/amp`, ARTICLE]) {
      const res = await one.request(path);
      if (!path.endsWith('/amp')) expect(res.headers.get('Content-Security-Policy')).toBe(policy);
      expect(res.headers.get('X-Frame-Options')).toBe('DENY');
    }
  });

  it("keep the AMP page's own policy, which allows the AMP runtime", async () => {
    const res = await request(`${ARTICLE}/amp`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Security-Policy')).toBe(
      [
        "default-src 'none'",
        'script-src https://cdn.ampproject.org/',
        "style-src 'unsafe-inline'",
        "img-src 'self' https:",
        'connect-src https://cdn.ampproject.org/',
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
      ].join('; '),
    );
  });
});

describe('conditional requests', () => {
  it('answer If-None-Match: * with 304 and no body, keeping the validators', async () => {
    for (const path of ['/', ARTICLE, '/api/articles', '/api/weather']) {
      const res = await request(path, { headers: { 'If-None-Match': '*' } });
      expect(res.status, path).toBe(304);
      expect(await res.text()).toBe('');
      expect(res.headers.get('ETag'), path).toMatch(/^"[0-9a-f-]+"$/);
      expect(res.headers.get('Vary'), path).toBe('Accept-Encoding');
    }
  });

  it('answer the page ETag with 304 and anything else with the page', async () => {
    const etag = await pageEtag();
    expect((await request(ARTICLE, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    expect((await request(ARTICLE, { headers: { 'If-None-Match': '"0-0"' } })).status).toBe(200);
  });

  it('vary on Accept-Encoding, so a cache never serves compressed bytes to a client that cannot read them', async () => {
    for (const path of ['/', ARTICLE, `${ARTICLE}/amp`, '/api/articles', `/api/articles/${FEATURES.slug}`]) {
      expect((await request(path)).headers.get('Vary'), path).toBe('Accept-Encoding');
    }
  });
});

describe('methods', () => {
  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])(
    '%s on a page or an unknown path is a 405 page allowing reads',
    async (method) => {
      for (const path of [ARTICLE, '/nope']) {
        const res = await request(path, { method });
        expect(res.status).toBe(405);
        expect(res.headers.get('Allow')).toBe('GET, HEAD');
        expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
        expect(await res.text()).toContain('<h1>طريقة الطلب غير مسموحة</h1>');
      }
    },
  );

  it('POST on the API is a JSON 405 allowing reads and preflight, readable cross-origin', async () => {
    const res = await request('/api/articles', { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(await res.json()).toEqual({
      error: { code: 'method_not_allowed', message: 'POST is not allowed; use GET or HEAD' },
    });
  });

  it('HEAD answers like GET without a body', async () => {
    const res = await request(ARTICLE, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('ETag')).toBe(await pageEtag());
    expect(await res.text()).toBe('');
  });
});

describe('CORS on the API', () => {
  it.each(['/api/articles', '/api/weather', '/api/articles/no-such', '/api/nope', '/api'])(
    'lets any origin read %s',
    async (path) => {
      const res = await request(path, { headers: { Origin: 'https://partner.example' } });
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
      // So that a web app can keep its copy and revalidate it with If-None-Match.
      expect(res.headers.get('Access-Control-Expose-Headers')).toBe('ETag');
    },
  );

  it('answers a preflight with the methods, the request header and a day of caching', async () => {
    const res = await request('/api/articles', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://partner.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'If-None-Match',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Access-Control-Allow-Methods')).toBe('GET,HEAD,OPTIONS');
    expect(res.headers.get('Access-Control-Allow-Headers')).toBe('If-None-Match');
    expect(res.headers.get('Access-Control-Max-Age')).toBe('86400');
    expect(await res.text()).toBe('');
  });

  it('is not sent with pages', async () => {
    expect((await request(ARTICLE)).headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect((await request(ARTICLE, { method: 'OPTIONS' })).status).toBe(405);
  });
});

describe('the temperature', () => {
  const MINUTE = 60_000;
  const now = Date.parse('2026-11-29T09:00:00Z');
  const at = (msAgo: number) => new Date(now - msAgo).toISOString();

  /** An app whose KV holds `value` (or nothing), its upstream down, its clock at `now`. */
  async function withStored(value: object | null) {
    const kv = memoryKv();
    if (value) await kv.binding.put('v1:weather:beirut', JSON.stringify(value));
    const app = site({ env: { WEATHER_KV: kv.binding }, now: () => now });
    return (path: string) => app.request(path);
  }
  const reading = (tempC: number, observedAgo: number, fetchedAgo = observedAgo) => ({
    tempC,
    observedAt: at(observedAgo),
    fetchedAt: at(fetchedAgo),
    source: 'open-meteo',
  });

  it('is refreshed after the response when stale, and the next page shows the new value', async () => {
    const kv = memoryKv();
    await kv.binding.put('v1:weather:beirut', JSON.stringify(reading(16, 20 * MINUTE)));
    const upstream = fakeUpstream({ kind: 'ok', tempC: 24, time: openMeteoTime(now) });
    // An upstream slower than the page: the refresh outlives the response, so it must be handed to waitUntil.
    const slow: typeof upstream.fetch = async (input, init) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return upstream.fetch(input, init);
    };
    const app = site({ env: { WEATHER_KV: kv.binding }, now: () => now, upstream: slow });
    expect(await (await app.request('/')).text()).toContain('<b>16.0°C</b>');
    expect(kv.puts.map((p) => JSON.parse(p.value).tempC)).toEqual([16, 24]);
    expect(await (await app.request('/')).text()).toContain('<b>24.0°C</b>');
  });

  it('is shown in every page header from the stored value', async () => {
    const get = await withStored(reading(21, 5 * MINUTE));
    for (const path of ['/', ARTICLE, '/nope']) {
      expect(await (await get(path)).text(), path).toContain('<p class="temp"><b>21.0°C</b> درجة الحرارة في بيروت</p>');
    }
  });

  it('is served to apps as JSON, fresh', async () => {
    const get = await withStored(reading(28.5, 2 * MINUTE));
    const res = await get('/api/weather');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=60, s-maxage=60');
    expect(await res.json()).toEqual({
      city: 'بيروت',
      tempC: 28.5,
      unit: '°C',
      observedAt: at(2 * MINUTE),
      fetchedAt: at(2 * MINUTE),
      stale: false,
      source: 'open-meteo',
    });
  });

  it.each([
    ['not refreshed for over 15 minutes', reading(16, 5 * MINUTE, 15 * MINUTE + 1)],
    ['observed over 3 hours ago', reading(16, 3 * 60 * MINUTE + 1, 5 * MINUTE)],
  ])('is stale when %s', async (_, value) => {
    const body = (await (await (await withStored(value))('/api/weather')).json()) as { stale: boolean; tempC: number };
    expect(body).toMatchObject({ stale: true, tempC: 16 });
  });

  it('is fresh at exactly 15 minutes and 3 hours', async () => {
    const get = await withStored(reading(16, 3 * 60 * MINUTE, 15 * MINUTE));
    expect(await (await get('/api/weather')).json()).toMatchObject({ stale: false });
  });

  it('is all nulls, stale, when nothing is known', async () => {
    expect(await (await (await withStored(null))('/api/weather')).json()).toEqual({
      city: 'بيروت',
      tempC: null,
      unit: '°C',
      observedAt: null,
      fetchedAt: null,
      stale: true,
      source: null,
    });
  });
});

describe('error answers', () => {
  const errors = new Hono<AppEnv>()
    .get('/gone', (c) => errorResponse(c, deps, 410))
    .get('/busy', (c) => errorResponse(c, deps, 503))
    .get('/api/gone', (c) => errorResponse(c, deps, 410))
    .get('/api/busy', (c) => errorResponse(c, deps, 503));

  it('410: an Arabic page for people and a JSON "gone" for apps, cached briefly', async () => {
    const page = await call(errors, '/gone');
    expect(page.status).toBe(410);
    expect(page.headers.get('Cache-Control')).toBe('public, max-age=30, s-maxage=60');
    expect(await page.text()).toContain('<h1>لم يعد هذا المقال متاحاً</h1>');
    const json = await call(errors, '/api/gone');
    expect(json.status).toBe(410);
    expect(((await json.json()) as { error: { code: string } }).error.code).toBe('gone');
  });

  it('503: says when to come back and is never stored', async () => {
    for (const path of ['/busy', '/api/busy']) {
      const res = await call(errors, path);
      expect(res.status).toBe(503);
      expect(res.headers.get('Retry-After')).toBe('60');
      expect(res.headers.get('Cache-Control')).toBe('no-store');
    }
    expect(await (await call(errors, '/busy')).text()).toContain('تعذّر علينا الوصول إلى أرشيف المقالات الآن');
    expect(await (await call(errors, '/api/busy')).json()).toEqual({
      error: { code: 'unavailable', message: 'The service is unavailable for a moment; try again shortly' },
    });
  });

  it('404: a page cached briefly, with the live header and its own validator', async () => {
    const res = await request('/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=30, s-maxage=60');
    expect(res.headers.get('ETag')).toMatch(/^"[0-9a-f]{16}-[0-9a-f]{16}-[0-9a-f]{16}"$/);
    expect(await res.text()).toContain('درجة الحرارة في بيروت');
  });

  it('404 under /api (and /api itself): JSON naming the path', async () => {
    for (const path of ['/api', '/api/nope']) {
      const res = await request(path);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: 'not_found', message: `Nothing at ${path}` } });
    }
  });

  it('503 when D1 cannot be reached: an Arabic page or JSON naming the archive, with Retry-After', async () => {
    const down = async () => {
      throw new Error('D1_ERROR: Network connection lost.');
    };
    const statement = { bind: () => statement, all: down, first: down, run: down, raw: down };
    const unreachable = { prepare: () => statement, batch: down, withSession: () => unreachable };
    const broken = site({ env: { DB: unreachable as unknown as D1Database } });
    const page = await broken.request(ARTICLE);
    expect(page.status).toBe(503);
    expect(page.headers.get('Retry-After')).toBe('60');
    expect(page.headers.get('Content-Type')).toContain('text/html');
    expect(await page.text()).toContain('lang="ar"');
    const json = await broken.request('/api/articles');
    expect(json.status).toBe(503);
    expect(await json.json()).toEqual({
      error: { code: 'unavailable', message: 'The article archive is unavailable; retry shortly' },
    });
  });

  it('500: never stored, an Arabic page or a JSON error without internals', async () => {
    // Rows that are not articles: an unexpected failure, not an unavailable archive.
    const garbage = async () => ({ results: [{ slug: 'x', tags: '{not json', image: null }], success: true, meta: {} });
    const statement = { bind: () => statement, all: garbage, first: garbage, run: garbage, raw: garbage };
    const brokenDb = {
      prepare: () => statement,
      batch: async () => [await garbage(), await garbage()],
      withSession: () => brokenDb,
    };
    const broken = site({ env: { DB: brokenDb as unknown as D1Database } });
    const callBroken = (path: string) => broken.request(path);
    const page = await callBroken(ARTICLE);
    expect(page.status).toBe(500);
    expect(page.headers.get('Cache-Control')).toBe('no-store');
    expect(await page.text()).toContain('<h1>خطأ في الخادم</h1>');
    const json = await callBroken('/api/articles');
    expect(json.status).toBe(500);
    expect(json.headers.get('Cache-Control')).toBe('no-store');
    expect(await json.json()).toEqual({
      error: { code: 'internal_error', message: 'Something went wrong on our side' },
    });
  });
});
