/** An app instance over chosen articles and a fake weather upstream, run against the real bindings in workerd. */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { createApp } from '../../src/app.ts';
import { createMemoryStore } from '../../src/content/store.ts';
import type { Article } from '../../src/content/types.ts';
import type { Env } from '../../src/env.ts';
import { createWeatherService } from '../../src/weather/service.ts';
import type { FetchFn } from '../../src/weather/upstream.ts';

export interface TestAppOptions {
  articles: Article[];
  /** The weather upstream; by default it is down (503). */
  upstream?: FetchFn;
  now?: () => number;
  env?: Partial<Env>;
}

export function testApp({ articles, upstream, now = () => Date.now(), env: overrides = {} }: TestAppOptions) {
  const weather = createWeatherService({ fetch: upstream ?? (async () => new Response('down', { status: 503 })), now });
  const app = createApp({ store: createMemoryStore(articles), weather, now });
  const testEnv = { ...env, ...overrides } as Env;
  return {
    app,
    weather,
    env: testEnv,
    /** Requests a path (or URL) and waits for background work (waitUntil) to finish. */
    async request(path: string, init?: RequestInit): Promise<Response> {
      const ctx = createExecutionContext();
      const res = await app.fetch(new Request(new URL(path, 'https://site.test'), init), testEnv, ctx);
      await waitOnExecutionContext(ctx);
      return res;
    },
  };
}
