/** Worker entry: wires the app to the weather upstream, the clock and this isolate's caches; the archive is D1. */
import { createApp } from './app.ts';
import { createIsolateCaches } from './cache/isolate.ts';
import { refreshOnSchedule } from './weather/scheduled.ts';
import { createWeatherService } from './weather/service.ts';

const now = () => Date.now();
// Looked up at call time, so the platform's fetch is used with its own `this`.
const weather = createWeatherService({ fetch: (input, init) => fetch(input, init), now });
const app = createApp({ weather, now, caches: createIsolateCaches() });

export default {
  fetch: app.fetch,
  scheduled: (_controller, env, ctx) => ctx.waitUntil(refreshOnSchedule(weather, env)),
} satisfies ExportedHandler<Env>;
