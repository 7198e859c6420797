/** The per-request part of every page: the temperature line, from the weather service. */
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../deps.ts';
import { Lru } from '../lib/lru.ts';
import { renderFragment } from '../render/document.ts';
import { Temperature } from '../render/temperature.tsx';
import { shownTemperature } from '../weather/service.ts';
import type { StoredWeather } from '../weather/types.ts';

const fragments = new Lru<number | null, string>(64);

/** The latest known temperature record for this request (may trigger a background refresh). */
export function currentWeather(c: Context<AppEnv>, deps: AppDeps): Promise<StoredWeather | null> {
  return deps.weather.current({
    kv: c.env.WEATHER_KV,
    url: c.env.WEATHER_URL,
    waitUntil: (p) => c.executionCtx.waitUntil(p),
  });
}

/** The temperature line's HTML for this request (placeholder when unknown or too old). */
export async function temperatureHtml(c: Context<AppEnv>, deps: AppDeps): Promise<string> {
  const tempC = shownTemperature(await currentWeather(c, deps), deps.now());
  return fragments.getOrSet(tempC, () => renderFragment(Temperature({ reading: { tempC } })));
}
