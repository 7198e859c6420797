/** Worker entry: wires the app to the weather upstream, the clock, this isolate's caches and the colo's; the archive is D1. */
import { createApp } from './app.ts';
import { coloCache } from './cache/colo.ts';
import { createIsolateCaches } from './cache/isolate.ts';
import { refreshOnSchedule } from './weather/scheduled.ts';
import { createWeatherService } from './weather/service.ts';

const now = () => Date.now();
// Looked up at call time, so the platform's fetch is used with its own `this`.
const weather = createWeatherService({ fetch: (input, init) => fetch(input, init), now });
// workers.dev and some runtimes have no Cache API: the colo cache then holds nothing.
const colo = coloCache((globalThis as { caches?: { default?: Cache } }).caches?.default ?? null);
const app = createApp({ weather, now, caches: createIsolateCaches(), colo });

export default {
  fetch: app.fetch,
  scheduled: (_controller, env, ctx) => ctx.waitUntil(refreshOnSchedule(weather, env)),
} satisfies ExportedHandler<Env>;
