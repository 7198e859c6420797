/** The temperature the header shows, read for this request from the weather service (with the request's KV). */
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../deps.ts';
import type { StoredWeather } from '../weather/types.ts';

/** The latest known temperature record for this request (may trigger a background refresh). */
export function currentWeather(c: Context<AppEnv>, deps: AppDeps): Promise<StoredWeather | null> {
  return deps.weather.current({
    kv: c.env.WEATHER_KV,
    url: c.env.WEATHER_URL,
    waitUntil: (p) => c.executionCtx.waitUntil(p),
  });
}
