/** What the app is built from: the content store, the weather service and the clock. Injected, so tests can swap them. */
import type { ArticleStore } from './content/store.ts';
import type { Env } from './env.ts';
import type { WeatherService } from './weather/service.ts';

export interface AppDeps {
  store: ArticleStore;
  weather: WeatherService;
  now: () => number;
}

/** Hono's type parameter for this app. */
export type AppEnv = { Bindings: Env };
