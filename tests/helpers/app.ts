/**
 * The one app builder: the real app over the bindings a test hands in, with `articles` published into their D1 by
 * the publish step's own code (before the first request), a fake weather upstream (down unless given) and its own
 * isolate caches. `env`: bindings requests see instead (a failing D1, a counting KV).
 */
import { createApp } from '../../src/app.ts';
import { type ColoCache, NO_COLO_CACHE } from '../../src/cache/colo.ts';
import { createIsolateCaches } from '../../src/cache/isolate.ts';
import type { SiteConfig } from '../../src/content/sections.ts';
import type { Article, Author } from '../../src/content/types.ts';
import type { Secrets } from '../../src/deps.ts';
import { publishAuthors, readStoredAuthors } from '../../src/publish/authors.ts';
import { publishArticles } from '../../src/publish/publish.ts';
import { createWeatherService } from '../../src/weather/service.ts';
import type { FetchFn } from '../../src/weather/upstream.ts';

/**
 * An ExecutionContext whose `settle` waits for what waitUntil was given, as the runtime would; with `cache`, the
 * Workers Cache a Worker that enabled it sees (miniflare has none yet).
 */
export function executionContext(cache?: CacheContext) {
  const pending: Promise<unknown>[] = [];
  const ctx = {
    waitUntil: (p: Promise<unknown>) => pending.push(p),
    passThroughOnException() {},
    props: {},
    ...(cache ? { cache } : {}),
  };
  return { ctx: ctx as unknown as ExecutionContext, settle: async () => void (await Promise.all(pending.splice(0))) };
}

export function testApp(options: {
  bindings: Env;
  articles?: Article[];
  env?: Partial<Env & Secrets>;
  upstream?: FetchFn;
  now?: () => number;
  /** content/site.yaml to publish with the articles (its sections). */
  site?: SiteConfig;
  /** Writers (content/authors/) to publish before the articles. */
  authors?: Author[];
  /** The colo's cache: none unless a test gives one (caches.default works in workerd). */
  colo?: ColoCache;
  /** Workers Cache as `ctx.cache` (a fake: miniflare does not simulate it). */
  cache?: CacheContext;
}) {
  const { bindings, articles, upstream, now = Date.now, site, authors, colo = NO_COLO_CACHE } = options;
  const weather = createWeatherService({ fetch: upstream ?? (async () => new Response('down', { status: 503 })), now });
  const deps = { weather, now, caches: createIsolateCaches(), colo };
  const app = createApp(deps);
  let seeded: Promise<unknown> | undefined;
  const seed = () =>
    (seeded ??= (async () => {
      if (authors) await publishAuthors(bindings.DB, authors, await readStoredAuthors(bindings.DB));
      if (articles) await publishArticles(bindings.DB, articles, { now: new Date(now()), ...(site ? { site } : {}) });
    })());
  const env = { ...bindings, ...options.env };
  const request = async (path: string, init?: RequestInit) => {
    await seed();
    const { ctx, settle } = executionContext(options.cache);
    const res = await app.fetch(new Request(new URL(path, 'https://site.test'), init), env, ctx);
    await settle();
    return res;
  };
  return { app, deps, env, seed, request };
}
