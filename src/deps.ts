/** What the app is built from: the weather service, the clock and the isolate's caches. Injected, so tests can swap them. */
import type { ColoCache } from './cache/colo.ts';
import type { IsolateCaches } from './cache/isolate.ts';
import type { WeatherService } from './weather/service.ts';

export interface AppDeps {
  weather: WeatherService;
  now: () => number;
  /** Per-isolate state: one set per isolate (src/index.ts) or per test app. */
  caches: IsolateCaches;
  /** The colo's shared cache of page templates (caches.default), or one that holds nothing. */
  colo: ColoCache;
}

/** Secrets, set with `wrangler secret put` (not in wrangler.toml, so not in the generated Env). */
export interface Secrets {
  /** The bearer token POST /_purge answers; without it the endpoint does not exist. */
  PURGE_TOKEN?: string;
}

/** Hono's type parameter for this app. */
export type AppEnv = { Bindings: Env & Secrets };
