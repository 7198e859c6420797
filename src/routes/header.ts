/** The per-request part of every page: the temperature line, from the weather service. */
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../deps.ts';
import { Lru } from '../lib/lru.ts';
import { renderFragment } from '../render/document.ts';
import { Temperature } from '../render/temperature.tsx';
import { shownTemperature } from '../weather/service.ts';

const fragments = new Lru<number | null, string>(64);

/** The temperature line's HTML for this request (placeholder when unknown or too old). */
export async function temperatureHtml(c: Context<AppEnv>, deps: AppDeps): Promise<string> {
  const value = await deps.weather.current({
    kv: c.env.WEATHER_KV,
    url: c.env.WEATHER_URL,
    waitUntil: (p) => c.executionCtx.waitUntil(p),
  });
  const tempC = shownTemperature(value, deps.now());
  return fragments.getOrSet(tempC, () => renderFragment(Temperature({ reading: { tempC } })));
}
