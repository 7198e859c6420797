/** Worker entry: wires the app to the bundled content, the weather upstream and the clock. */
import { createApp } from './app.ts';
import { bundledStore } from './content/bundled.ts';
import type { Env } from './env.ts';
import { refreshOnSchedule } from './weather/scheduled.ts';
import { createWeatherService } from './weather/service.ts';

const now = () => Date.now();
// Looked up at call time, so the platform's fetch is used with its own `this`.
const weather = createWeatherService({ fetch: (input, init) => fetch(input, init), now });
const app = createApp({ store: bundledStore, weather, now });

export default {
  fetch: app.fetch,
  scheduled: (_controller, env, ctx) => ctx.waitUntil(refreshOnSchedule(weather, env)),
} satisfies ExportedHandler<Env>;
