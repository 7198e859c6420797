/** The per-request part of every page: the temperature line from the weather service, filled into a template. */
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../deps.ts';
import { hash64 } from '../lib/hash.ts';
import { fillTemplate, type PageTemplate, renderFragment } from '../render/document.ts';
import { Temperature } from '../render/temperature.tsx';
import { shownTemperature } from '../weather/service.ts';
import type { StoredWeather } from '../weather/types.ts';

/** The latest known temperature record for this request (may trigger a background refresh). */
export function currentWeather(c: Context<AppEnv>, deps: AppDeps): Promise<StoredWeather | null> {
  return deps.weather.current({
    kv: c.env.WEATHER_KV,
    url: c.env.WEATHER_URL,
    waitUntil: (p) => c.executionCtx.waitUntil(p),
  });
}

/**
 * A page template with this request's temperature line filled in (placeholder when unknown or too old),
 * and its strong ETag: the template's hash and the temperature line's.
 */
export async function filledPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  template: PageTemplate,
): Promise<{ body: Uint8Array<ArrayBuffer>; etag: string }> {
  const tempC = shownTemperature(await currentWeather(c, deps), deps.now());
  let filled = template.filled;
  if (filled?.tempC !== tempC) {
    const fragment = deps.caches.temperatureLines.getOrSet(tempC, () => {
      const html = renderFragment(Temperature({ reading: { tempC } }));
      return { html, hash: hash64(html) };
    });
    filled = { tempC, bytes: fillTemplate(template, fragment.html), etag: `${template.hash}-${fragment.hash}` };
    template.filled = filled;
  }
  return { body: filled.bytes, etag: filled.etag };
}
