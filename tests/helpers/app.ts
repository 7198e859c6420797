/**
 * The one app builder: the real app over the bindings a test hands in (workerd's local D1, KV and R2; in Node, an
 * in-memory D1 or wrangler's platform proxy, tests/node/support/bindings.ts), with the articles published into
 * that D1 by the publish step's own code, a fake weather upstream (down unless given) and its own isolate caches.
 */
import { createApp } from '../../src/app.ts';
import { createIsolateCaches } from '../../src/cache/isolate.ts';
import type { Article } from '../../src/content/types.ts';
import { publishArticles } from '../../src/publish/publish.ts';
import { createWeatherService } from '../../src/weather/service.ts';
import type { FetchFn } from '../../src/weather/upstream.ts';

/** The one ExecutionContext stand-in: `settle` waits for what waitUntil was given, as the runtime would. */
export function executionContext() {
  const pending: Promise<unknown>[] = [];
  const ctx = { waitUntil: (p: Promise<unknown>) => pending.push(p), passThroughOnException() {}, props: {} };
  return { ctx: ctx as unknown as ExecutionContext, settle: async () => void (await Promise.all(pending.splice(0))) };
}

export interface TestAppOptions {
  bindings: Env;
  /** Published into `bindings.DB` before the first request: it then holds exactly these (others are taken down). */
  articles?: Article[];
  /** Bindings requests see instead (a failing D1, a counting KV). */
  env?: Partial<Env>;
  upstream?: FetchFn;
  now?: () => number;
}

export function testApp({ bindings, articles, env: overrides, upstream, now = Date.now }: TestAppOptions) {
  const weather = createWeatherService({ fetch: upstream ?? (async () => new Response('down', { status: 503 })), now });
  const deps = { weather, now, caches: createIsolateCaches() };
  const app = createApp(deps);
  let seeded: Promise<unknown> | undefined;
  const seed = () => {
    seeded ??= articles ? publishArticles(bindings.DB, articles, { now: new Date(now()) }) : Promise.resolve();
    return seeded;
  };
  const env = { ...bindings, ...overrides };
  return {
    app,
    deps,
    env,
    seed,
    /** Requests a path (publishing first, once) and waits for its background work. */
    async request(path: string, init?: RequestInit): Promise<Response> {
      await seed();
      const { ctx, settle } = executionContext();
      const res = await app.fetch(new Request(new URL(path, 'https://site.test'), init), env, ctx);
      await settle();
      return res;
    },
  };
}
