import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app.ts';
import { NO_COLO_CACHE } from '../../src/cache/colo.ts';
import { createIsolateCaches } from '../../src/cache/isolate.ts';
import { executionContext, testApp } from '../helpers/app.ts';
import { article } from '../helpers/articles.ts';

const A = article('content/a.md', '---\ntitle: خبر محفوظ\ndate: 2024-01-01T10:00:00\nslug: a\n---\n\nنص.\n');

/** A D1 binding whose every call fails the way `mode` says, or answers rows that are not articles. */
function brokenD1(mode: 'error' | 'hang' | 'garbage'): D1Database {
  const answer = () => {
    if (mode === 'error') return Promise.reject(new Error('D1_ERROR: Network connection lost (secret internals)'));
    if (mode === 'hang') return new Promise<never>(() => {});
    return Promise.resolve({ results: [{ slug: 'a', tags: '{not json', image: null }], success: true, meta: {} });
  };
  const statement = { bind: () => statement, all: answer, first: answer, run: answer, raw: answer };
  const reader = {
    prepare: () => statement,
    batch: async (statements: unknown[]) => Promise.all(statements.map(() => answer())),
  };
  return { ...reader, withSession: () => reader } as unknown as D1Database;
}

afterEach(() => vi.restoreAllMocks());

describe('when D1 fails and the isolate has no copy', () => {
  for (const mode of ['error', 'hang'] as const) {
    it(`answers people with an Arabic 503 page that is not cached (D1 ${mode})`, async () => {
      const log = vi.spyOn(console, 'error').mockImplementation(() => {});
      const site = testApp({ bindings: env, articles: [A], env: { DB: brokenD1(mode) } });
      const res = await site.request('/articles/a');
      expect(res.status).toBe(503);
      expect(res.headers.get('Retry-After')).toBe('60');
      expect(res.headers.get('Cache-Control')).toBe('no-store');
      expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
      const html = await res.text();
      expect(html).toContain('<html lang="ar" dir="rtl">');
      expect(html).toContain('<h1>الخدمة غير متاحة مؤقتاً</h1>');
      expect(html).not.toContain('internals');
      expect(log).toHaveBeenCalledWith(
        'archive unavailable',
        'GET',
        '/articles/a',
        expect.stringMatching(/^(article|list): (D1_ERROR|no answer within 2000 ms)/),
      );
    });
  }

  it('answers API clients with a JSON 503', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const site = testApp({ bindings: env, articles: [A], env: { DB: brokenD1('error') } });
    for (const path of ['/api/articles', '/api/articles/a']) {
      const res = await site.request(path);
      expect(res.status, path).toBe(503);
      expect(res.headers.get('Retry-After')).toBe('60');
      expect(res.headers.get('Cache-Control')).toBe('no-store');
      expect(await res.json()).toEqual({
        error: { code: 'unavailable', message: 'The article archive is unavailable; retry shortly' },
      });
    }
  });
});

describe('when D1 fails after the isolate has read a page', () => {
  it('serves the page it has, for as long as D1 is down', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    let clock = Date.parse('2024-06-01T00:00:00Z');
    const healthy = testApp({ bindings: env, articles: [A], now: () => clock });
    await healthy.seed();
    // One isolate: the same app and caches, first with a working D1, then a broken one.
    const dbFor = { current: env.DB };
    const request = (path: string) =>
      healthy.app.fetch(new Request(`https://site.test${path}`), { ...healthy.env, DB: dbFor.current }, {
        waitUntil: () => {},
        passThroughOnException: () => {},
        props: {},
      } as unknown as ExecutionContext);
    const first = await request('/articles/a');
    expect(first.status).toBe(200);
    const before = await first.text();
    dbFor.current = brokenD1('error');
    clock += 10 * 60_000;
    const later = await request('/articles/a');
    expect(later.status).toBe(200);
    expect(await later.text()).toBe(before);
    expect(log).toHaveBeenCalledWith(
      'serving a stale copy after a failed reload:',
      expect.stringContaining('D1_ERROR'),
    );
  });
});

describe('unexpected failures', () => {
  it('show people an Arabic 500 page that is not cached, without internals', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const site = testApp({ bindings: env, articles: [A], env: { DB: brokenD1('garbage') } });
    const res = await site.request('/');
    expect(res.status).toBe(500);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('<h1>خطأ في الخادم</h1>');
    expect(html).not.toContain('not json');
  });

  it('give API clients a JSON error without internals', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const site = testApp({ bindings: env, articles: [A], env: { DB: brokenD1('garbage') } });
    const res = await site.request('/api/articles');
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      error: { code: 'internal_error', message: 'Something went wrong on our side' },
    });
  });
  it("answer in the route's shape even when the error answer itself fails, never the runtime's plain text", async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    // A bug in the header's temperature: every page and every error page that fills it throws.
    const weather = { current: () => Promise.reject(new Error('bug in the header')), refresh: vi.fn() };
    const app = createApp({ weather, now: Date.now, caches: createIsolateCaches(), colo: NO_COLO_CACHE });
    const { ctx } = executionContext();
    const fetchPath = (path: string) => app.fetch(new Request(`https://site.test${path}`), env, ctx);
    for (const path of ['/', '/no-such-page']) {
      const res = await fetchPath(path);
      expect(res.status, path).toBe(500);
      expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('Cache-Control')).toBe('no-store');
      expect(await res.text()).toContain('<h1>خطأ في الخادم</h1>');
    }
    expect(log).toHaveBeenCalledWith('the error answer failed too', 'GET', '/', expect.any(Error));
  });
});

describe('an article body that reached D1 without the content check', () => {
  it('is refused before marked runs: an Arabic error page at once, and a log line naming the problem', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const bomb = article(
      'content/bomb.md',
      '---\ntitle: قنبلة\ndate: 2024-01-01T10:00:00\nslug: bomb\n---\n\nنص عادي.\n',
    );
    const site = testApp({ bindings: env, articles: [bomb] });
    await site.seed();
    await env.DB.prepare('UPDATE articles SET body = ?1 WHERE slug = ?2')
      .bind(`${'>'.repeat(2_000)} نص`, 'bomb')
      .run();
    for (const path of ['/articles/bomb', '/articles/bomb/amp', '/api/articles/bomb']) {
      const res = await site.request(path);
      expect(res.status, path).toBe(500);
      expect(res.headers.get('Cache-Control')).toBe('no-store');
      expect(await res.text()).not.toContain('RangeError');
    }
    expect(log).toHaveBeenCalledWith(
      'article body over the render limits',
      '/articles/bomb',
      expect.stringMatching(/^line 1: /),
    );
  });
});
