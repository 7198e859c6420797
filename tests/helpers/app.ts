/**
 * The real app over the real local D1 (seeded by the publish step's own code) and a fake weather upstream, run
 * against the real bindings in workerd. D1 storage is per test file: one file, one set of published articles.
 */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { createApp } from '../../src/app.ts';
import { createIsolateCaches } from '../../src/cache/isolate.ts';
import type { Article } from '../../src/content/types.ts';
import { publishArticles } from '../../src/publish/publish.ts';
import { createWeatherService } from '../../src/weather/service.ts';
import type { FetchFn } from '../../src/weather/upstream.ts';

export interface TestAppOptions {
  /** Published into the file's D1 before the first request (what D1 then holds: others are taken down). */
  articles: Article[];
  /** The weather upstream; by default it is down (503). */
  upstream?: FetchFn;
  now?: () => number;
  env?: Partial<Env>;
}

export function testApp({ articles, upstream, now = () => Date.now(), env: overrides = {} }: TestAppOptions) {
  const weather = createWeatherService({ fetch: upstream ?? (async () => new Response('down', { status: 503 })), now });
  const caches = createIsolateCaches();
  const app = createApp({ weather, now, caches });
  const testEnv = { ...env, ...overrides } as Env;
  let seeded: Promise<unknown> | undefined;
  const seed = () => {
    seeded ??= publishArticles(env.DB, articles, { now: new Date(now()) });
    return seeded;
  };
  return {
    app,
    weather,
    caches,
    env: testEnv,
    /** Publishes the articles into D1 (once); `request` does it first. */
    seed,
    /** Requests a path (or URL) and waits for background work (waitUntil) to finish. */
    async request(path: string, init?: RequestInit): Promise<Response> {
      await seed();
      const ctx = createExecutionContext();
      const res = await app.fetch(new Request(new URL(path, 'https://site.test'), init), testEnv, ctx);
      await waitOnExecutionContext(ctx);
      return res;
    },
  };
}
