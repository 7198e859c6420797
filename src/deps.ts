/** What the app is built from: the weather service, the clock and the isolate's caches. Injected, so tests can swap them. */
import type { IsolateCaches } from './cache/isolate.ts';
import type { WeatherService } from './weather/service.ts';

export interface AppDeps {
  weather: WeatherService;
  now: () => number;
  /** Per-isolate state: one set per isolate (src/index.ts) or per test app. */
  caches: IsolateCaches;
}

/** Hono's type parameter for this app. */
export type AppEnv = { Bindings: Env };
