/**
 * Built for the day the whole region reads one story: a cold isolate finds a page in its colo's cache (the Cache
 * API, shared by the colo's isolates) before reading D1, and every D1 read of a request goes through one session
 * that read replicas can answer.
 */
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { type ColoCache, coloCache } from '../../src/cache/colo.ts';
import { ARCHIVE_FRESH_MS, PROMISED_FRESHNESS_MS, REPLICA_LAG_BUDGET_MS } from '../../src/cache/isolate.ts';
import { ARTICLE_QUERIES } from '../../src/store/articles.ts';
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
function isolate(
  colo: ColoCache,
  site: string,
  options: { version?: string; now?: number | (() => number); db?: D1Database } = {},
) {
  const recorder = recordingD1(options.db ?? env.DB);
  const { now = NOW } = options;
  const app = testApp({
    bindings: env,
    env: {
      DB: recorder.db,
      SITE_URL: `https://${site}.example`,
      CF_VERSION_METADATA: { id: options.version ?? 'v1', tag: '', timestamp: '' },
    },
    colo,
    now: typeof now === 'number' ? () => now : now,
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

  it('shares a 404 the primary gave with the colo for the rest of its minute, and never a search page', async () => {
    const lookups = (recorder: ReturnType<typeof recordingD1>) =>
      recorder.statements.filter((s) => s.sql === ARTICLE_QUERIES.article && s.params[0] === 'none').length;
    const first = isolate(colo, 'errors');
    expect((await first.app.request('/articles/none')).status).toBe(404);
    expect(lookups(first.recorder)).toBe(1);
    // Another isolate of the colo answers 404 without asking D1 about the slug (its page still shows its chrome).
    const again = isolate(colo, 'errors', { now: NOW + PROMISED_FRESHNESS_MS - 1 });
    const res = await again.app.request('/articles/none');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('الصفحة غير موجودة');
    expect(lookups(again.recorder)).toBe(0);
    // A minute after the primary said so, the slug is asked again: it may have been published since.
    const later = isolate(colo, 'errors', { now: NOW + PROMISED_FRESHNESS_MS });
    expect((await later.app.request('/articles/none')).status).toBe(404);
    expect(lookups(later.recorder)).toBe(1);
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

/**
 * D1 as a read replica that has not yet received `hidden` answers it: every read of a replica session says
 * `served_by_primary: false`, and the replica answers for `hidden` as for a slug it does not hold. A 'first-primary'
 * session reads the database itself.
 */
function laggingReplica(db: D1Database, hidden: string): D1Database {
  const asReplica = <T extends D1Result>(result: T): T => ({
    ...result,
    meta: { ...result.meta, served_by_primary: false },
  });
  const replicaSession = (session: D1DatabaseSession) => {
    const inner = new WeakMap<object, D1PreparedStatement>();
    const wrap = (statement: D1PreparedStatement): D1PreparedStatement => {
      const wrapped = {
        bind: (...values: unknown[]) =>
          wrap(statement.bind(...values.map((v) => (v === hidden ? `${hidden}-not-replicated-yet` : v)))),
        all: async () => asReplica(await statement.all()),
        first: (column?: string) => statement.first(column as string),
        raw: () => statement.raw(),
        run: async () => asReplica(await statement.run()),
      };
      inner.set(wrapped, statement);
      return wrapped as unknown as D1PreparedStatement;
    };
    return {
      prepare: (sql: string) => wrap(session.prepare(sql)),
      batch: async (list: D1PreparedStatement[]) =>
        (await session.batch(list.map((s) => inner.get(s) ?? s))).map(asReplica),
      getBookmark: () => null,
    };
  };
  return {
    prepare: (sql: string) => db.prepare(sql),
    batch: (list: D1PreparedStatement[]) => db.batch(list),
    withSession: (constraint: D1SessionConstraint) =>
      constraint === 'first-primary' ? db.withSession(constraint) : replicaSession(db.withSession(constraint)),
  } as unknown as D1Database;
}

describe('a replica behind the primary', () => {
  it('never answers 404 for a story the replica has not received: the primary is asked again', async () => {
    const { app, recorder } = isolate(coloCache(null), 'lagging', { db: laggingReplica(env.DB, 'c1') });
    const page = await app.request('/articles/c1');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('خبر 1');
    expect(recorder.sessions).toContain('first-primary');
    const json = await app.request('/api/articles/c1');
    expect(json.status).toBe(200);
    expect(((await json.json()) as { title: string }).title).toBe('خبر 1');
    // What the replica holds is not asked twice.
    recorder.reset();
    expect((await app.request('/articles/c0')).status).toBe(200);
    expect(recorder.sessions).toEqual(['first-unconstrained']);
  });

  it('answers 404 for a slug the primary does not hold either, and trusts the primary for the whole minute', async () => {
    let clock = NOW;
    const { app, recorder } = isolate(coloCache(null), 'lagging-missing', {
      db: laggingReplica(env.DB, 'none'),
      now: () => clock,
    });
    expect((await app.request('/articles/none')).status).toBe(404);
    expect(recorder.sessions.filter((s) => s === 'first-primary')).toHaveLength(1);
    recorder.reset();
    clock = NOW + PROMISED_FRESHNESS_MS - 1;
    expect((await app.request('/articles/none')).status).toBe(404);
    expect(recorder.sessions).not.toContain('first-primary');
    clock = NOW + PROMISED_FRESHNESS_MS;
    expect((await app.request('/articles/none')).status).toBe(404);
    expect(recorder.sessions).toContain('first-primary');
  });

  it('does not ask the primary again when the primary answered "missing" (D1 without replicas, local D1)', async () => {
    const { app, recorder } = isolate(coloCache(null), 'primary-missing');
    expect((await app.request('/articles/none')).status).toBe(404);
    expect(recorder.sessions).not.toContain('first-primary');
  });

  it('trusts a read for the promised minute less the replica lag budget, so a publish a lagging replica shows late still shows within 60 s', async () => {
    // The documented budget (docs/operations.md): 10 s, twice the lag the traffic model assumes.
    expect(REPLICA_LAG_BUDGET_MS).toBe(10_000);
    expect(ARCHIVE_FRESH_MS + REPLICA_LAG_BUDGET_MS).toBe(PROMISED_FRESHNESS_MS);
    let clock = NOW;
    const { app, recorder } = isolate(coloCache(null), 'freshness', { now: () => clock });
    expect((await app.request('/articles/c2')).status).toBe(200);
    recorder.reset();
    clock = NOW + ARCHIVE_FRESH_MS - 1;
    expect((await app.request('/articles/c2')).status).toBe(200);
    expect(recorder.roundTrips).toBe(0);
    clock = NOW + ARCHIVE_FRESH_MS;
    expect((await app.request('/articles/c2')).status).toBe(200);
    expect(recorder.roundTrips).toBeGreaterThan(0);
  });
});
