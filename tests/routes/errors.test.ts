import { createExecutionContext, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import type { ArticleStore } from '../../src/content/store.ts';
import { createWeatherService } from '../../src/weather/service.ts';

/** A store whose backend is broken: every call throws, as a failed KV or R2 read would. */
const brokenStore: ArticleStore = {
  getArticle: () => Promise.reject(new Error('backend down')),
  listArticles: () => Promise.reject(new Error('backend down')),
};

const app = createApp({
  store: brokenStore,
  weather: createWeatherService({ fetch: async () => new Response('down', { status: 503 }), now: Date.now }),
  now: Date.now,
});
const request = (path: string) => app.fetch(new Request(`https://site.test${path}`), env, createExecutionContext());

describe('unexpected failures', () => {
  it('show people an Arabic error page that is not cached', async () => {
    const res = await request('/articles/x');
    expect(res.status).toBe(500);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('<h1>خطأ في الخادم</h1>');
    expect(html).not.toContain('backend down');
  });

  it('give API clients a JSON error without internals', async () => {
    const res = await request('/api/articles');
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      error: { code: 'internal_error', message: 'Something went wrong on our side' },
    });
  });
});
