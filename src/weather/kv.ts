/** The one KV key holding the last good temperature. Reads and writes never throw: failures are logged. */
import { type StoredWeather, WEATHER_RULES } from './types.ts';

export const WEATHER_KEY = 'v1:weather:beirut';

/**
 * What a KV read found: a value, nothing at all (`missing`: the key was never written or has expired), or
 * nothing usable (`unreadable`: the read failed or the value is corrupt).
 */
export type WeatherRead =
  | { state: 'found'; value: StoredWeather }
  | { state: 'missing'; value: null }
  | { state: 'unreadable'; value: null };

const UNREADABLE: WeatherRead = { state: 'unreadable', value: null };

/** Reads the stored value. */
export async function readWeather(kv: KVNamespace): Promise<WeatherRead> {
  let text: string | null;
  try {
    text = await kv.get(WEATHER_KEY, { type: 'text', cacheTtl: 60 });
  } catch (error) {
    console.error('weather: KV read failed', String(error));
    return UNREADABLE;
  }
  if (text === null) return { state: 'missing', value: null };
  try {
    const value = JSON.parse(text) as Partial<StoredWeather>;
    if (
      typeof value.tempC === 'number' &&
      Number.isFinite(value.tempC) &&
      typeof value.observedAt === 'string' &&
      typeof value.fetchedAt === 'string' &&
      Number.isFinite(Date.parse(value.observedAt)) &&
      Number.isFinite(Date.parse(value.fetchedAt))
    ) {
      return {
        state: 'found',
        value: {
          tempC: value.tempC,
          observedAt: value.observedAt,
          fetchedAt: value.fetchedAt,
          source: String(value.source ?? 'unknown'),
        },
      };
    }
  } catch {
    // fall through
  }
  console.error('weather: KV holds a corrupt value', text.slice(0, 120));
  return UNREADABLE;
}

/** Stores a good value; returns false (and logs) when KV refuses. */
export async function writeWeather(kv: KVNamespace, value: StoredWeather): Promise<boolean> {
  try {
    await kv.put(WEATHER_KEY, JSON.stringify(value), { expirationTtl: WEATHER_RULES.kvTtlSeconds });
    return true;
  } catch (error) {
    console.error('weather: KV write failed', String(error));
    return false;
  }
}
