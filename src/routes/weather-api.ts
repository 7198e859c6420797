/** GET /api/weather: the temperature the header shows, for apps and partners. */
import type { AppDeps, AppEnv } from '../deps.ts';
import { sendCached } from '../http/conditional.ts';
import { JSON_TYPE, WEATHER_CACHE } from '../http/headers.ts';
import { hash64 } from '../lib/hash.ts';
import { Hono } from '../lib/hono.ts';
import { type StoredWeather, WEATHER_RULES } from '../weather/types.ts';
import { currentWeather } from './temperature.ts';

/** The endpoint's body. `stale` is true when the value is missing, not refreshed for 15 minutes, or too old to show. */
function weatherJson(value: StoredWeather | null, now: number) {
  const stale =
    value === null ||
    now - Date.parse(value.fetchedAt) > WEATHER_RULES.refreshAfterMs ||
    now - Date.parse(value.observedAt) > WEATHER_RULES.maxShownAgeMs;
  return {
    city: 'بيروت',
    tempC: value?.tempC ?? null,
    unit: '°C',
    observedAt: value?.observedAt ?? null,
    fetchedAt: value?.fetchedAt ?? null,
    stale,
    source: value?.source ?? null,
  };
}

export function weatherRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/api/weather', async (c) => {
    const value = await currentWeather(c, deps);
    const body = JSON.stringify(weatherJson(value, deps.now()));
    return sendCached(c, { body, etag: hash64(body), contentType: JSON_TYPE, cacheControl: WEATHER_CACHE });
  });
  return app;
}
