/**
 * Test-only Worker entry of the load harness: the app built exactly as src/index.ts builds it, but on a clock the
 * harness moves through `POST /__test/clock` (tests/load/clock.ts). Never imported by src/.
 */
import { createApp } from '../../src/app.ts';
import { coloCache } from '../../src/cache/colo.ts';
import { createIsolateCaches } from '../../src/cache/isolate.ts';
import { refreshOnSchedule } from '../../src/weather/scheduled.ts';
import { createWeatherService } from '../../src/weather/service.ts';
import { CLOCK_PATH, clockAnswer, createTestClock } from './clock.ts';

const clock = createTestClock(() => Date.now());
const now = clock.now;
// Looked up at call time, so the platform's fetch is used with its own `this`.
const weather = createWeatherService({ fetch: (input, init) => fetch(input, init), now });
// The colo's cache as in production: the runtime wrangler dev serves has caches.default.
const app = createApp({ weather, now, caches: createIsolateCaches(), colo: coloCache(caches.default) });

export default {
  fetch: (request, env, ctx) =>
    new URL(request.url).pathname === CLOCK_PATH ? clockAnswer(clock, request) : app.fetch(request, env, ctx),
  scheduled: (_controller, env, ctx) => ctx.waitUntil(refreshOnSchedule(weather, env)),
} satisfies ExportedHandler<Env>;
