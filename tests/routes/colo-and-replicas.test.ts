/**
 * Built for the day the whole region reads one story: a cold isolate finds a page in its colo's cache (the Cache
 * API, shared by the colo's isolates) before reading D1, and every D1 read of a request goes through one session
 * that read replicas can answer.
 */
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { type ColoCache, coloCache } from '../../src/cache/colo.ts';
import { testApp } from '../helpers/app.ts';
import { article } from '../helpers/articles.ts';
import { recordingD1 } from '../helpers/d1.ts';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const ARTICLES = Array.from({ length: 3 }, (_, i) =>
  article(
    `content/c${i}.md`,
    `---\ntitle: خبر ${i}\nslug: c${i}\ndate: 2026-02-2${i}T10:00:00\ntags: [بيروت]\ntop: ${i === 2}\n---\n\nنص ${i}.\n`,
  ),
);
beforeAll(() => testApp({ bindings: env, articles: ARTICLES, now: () => NOW }).seed());

/** An isolate: its own caches, the colo's cache given, D1 recorded. `site` keeps tests' cache keys apart. */
function isolate(colo: ColoCache, site: string, options: { version?: string; now?: number } = {}) {
  const recorder = recordingD1(env.DB);
  const app = testApp({
    bindings: env,
    env: {
      DB: recorder.db,
      SITE_URL: `https://${site}.example`,
      CF_VERSION_METADATA: { id: options.version ?? 'v1', tag: '', timestamp: '' },
    },
    colo,
    now: () => options.now ?? NOW,
  });
  return { app, recorder };
}

describe('the colo cache', () => {
  const colo = coloCache(caches.default);

  it('serves a cold isolate the page another isolate made, with no D1 read, its slots still filled per request', async () => {
    const first = isolate(colo, 'shared');
    const made = await first.app.request('/articles/c1');
    expect(made.status).toBe(200);
    const html = await made.text();
    expect(first.recorder.roundTrips).toBeGreaterThan(0);
    const cold = isolate(colo, 'shared');
    const served = await cold.app.request('/articles/c1');
    expect(served.status).toBe(200);
    expect(await served.text()).toBe(html);
    expect(served.headers.get('ETag')).toBe(made.headers.get('ETag'));
    expect(cold.recorder.roundTrips).toBe(0);
    // The temperature and the date are filled in, never cached inside the template.
    expect(html).toMatch(/<p class="dateline"><time datetime="2026-03-01">/);
    expect(html).not.toContain('<date-slot>');
  });

  it('keys templates by the deployed version, so a deploy never serves an old one', async () => {
    await isolate(colo, 'versions', { version: 'v1' }).app.request('/');
    const next = isolate(colo, 'versions', { version: 'v2' });
    expect((await next.app.request('/')).status).toBe(200);
    expect(next.recorder.roundTrips).toBeGreaterThan(0);
  });

  it('keeps no template past the minute it may be served', async () => {
    await isolate(colo, 'expiry').app.request('/articles/c0');
    const later = isolate(colo, 'expiry', { now: NOW + 61_000 });
    await later.app.request('/articles/c0');
    expect(later.recorder.roundTrips).toBeGreaterThan(0);
  });

  it('does not keep 404s or search pages', async () => {
    expect((await isolate(colo, 'errors').app.request('/articles/none')).status).toBe(404);
    const again = isolate(colo, 'errors');
    expect((await again.app.request('/articles/none')).status).toBe(404);
    expect(again.recorder.roundTrips).toBeGreaterThan(0);
    await isolate(colo, 'search').app.request(`/search?q=${encodeURIComponent('نص')}`);
    const searchAgain = isolate(colo, 'search');
    await searchAgain.app.request(`/search?q=${encodeURIComponent('نص')}`);
    expect(searchAgain.recorder.statements.some((s) => s.sql.includes('article_search MATCH'))).toBe(true);
  });

  it('falls back to D1 when the cache fails, and when there is no Cache API', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const failing = {
      match: () => Promise.reject(new Error('cache down')),
      put: () => Promise.reject(new Error('cache down')),
    } as unknown as Cache;
    for (const cache of [failing, null]) {
      const { app, recorder } = isolate(coloCache(cache), 'failing');
      const res = await app.request('/articles/c2');
      expect(res.status).toBe(200);
      expect(recorder.roundTrips).toBeGreaterThan(0);
    }
    vi.restoreAllMocks();
  });
});

describe('read replicas', () => {
  it('sends every D1 read of a request through one session that replicas may answer', async () => {
    const { app, recorder } = isolate(coloCache(null), 'replicas');
    for (const path of [
      '/',
      '/articles/c1',
      '/tags/بيروت',
      '/api/articles',
      '/feed.xml',
      '/sitemap.xml',
      '/search?q=نص',
    ]) {
      expect((await app.request(path)).status, path).toBe(200);
    }
    expect(recorder.statements.length).toBeGreaterThan(0);
    expect(recorder.statements.filter((s) => s.session !== 'first-unconstrained')).toEqual([]);
    expect(new Set(recorder.sessions)).toEqual(new Set(['first-unconstrained']));
  });
});
