/** The one KV key holding the last good temperature. Reads and writes never throw: failures are logged. */
import { type StoredWeather, WEATHER_RULES } from './types.ts';

export const WEATHER_KEY = 'v1:weather:beirut';

/** Reads the stored value; null when absent, unreadable or corrupt. */
export async function readWeather(kv: KVNamespace): Promise<StoredWeather | null> {
  let text: string | null;
  try {
    text = await kv.get(WEATHER_KEY, { type: 'text', cacheTtl: 60 });
  } catch (error) {
    console.error('weather: KV read failed', String(error));
    return null;
  }
  if (text === null) return null;
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
        tempC: value.tempC,
        observedAt: value.observedAt,
        fetchedAt: value.fetchedAt,
        source: String(value.source ?? 'unknown'),
      };
    }
  } catch {
    // fall through
  }
  console.error('weather: KV holds a corrupt value', text.slice(0, 120));
  return null;
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
