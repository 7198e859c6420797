import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { readWeather, WEATHER_KEY, writeWeather } from '../../src/weather/kv.ts';
import type { StoredWeather } from '../../src/weather/types.ts';

const VALUE: StoredWeather = {
  tempC: 28.5,
  observedAt: '2026-11-29T08:45:00.000Z',
  fetchedAt: '2026-11-29T08:46:12.345Z',
  source: 'open-meteo',
};
const WEEK_S = 7 * 24 * 3600;

/** A binding whose every call fails, as a rate-limited or over-quota namespace does. */
const failing = {
  get: () => Promise.reject(new Error('KV GET failed: 429 Too Many Requests')),
  put: () => Promise.reject(new Error('KV PUT failed: 10048 free usage limit exceeded')),
} as unknown as KVNamespace;

beforeEach(() => env.WEATHER_KV.delete(WEATHER_KEY));

describe('the weather KV key (real binding)', () => {
  it('is versioned', () => {
    expect(WEATHER_KEY).toBe('v1:weather:beirut');
  });

  it('stores a value for 7 days: long enough to show a stale value, not forever', async () => {
    const before = Math.floor(Date.now() / 1000);
    expect(await writeWeather(env.WEATHER_KV, VALUE)).toBe(true);
    const { keys } = await env.WEATHER_KV.list({ prefix: WEATHER_KEY });
    expect(keys.map((k) => k.name)).toEqual([WEATHER_KEY]);
    const expiration = keys[0]?.expiration ?? 0;
    expect(expiration).toBeGreaterThanOrEqual(before + WEEK_S);
    expect(expiration).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + WEEK_S);
  });

  it('reads back what it wrote', async () => {
    await writeWeather(env.WEATHER_KV, VALUE);
    expect(await readWeather(env.WEATHER_KV)).toEqual({ state: 'found', value: VALUE });
  });

  it('tells a key never written (missing) from one it cannot use (unreadable)', async () => {
    expect(await readWeather(env.WEATHER_KV)).toEqual({ state: 'missing', value: null });
    for (const corrupt of [
      '{"tempC": 2',
      'null',
      JSON.stringify({ ...VALUE, tempC: '28.5' }),
      JSON.stringify({ ...VALUE, observedAt: 'yesterday' }),
      JSON.stringify({ ...VALUE, fetchedAt: undefined }),
    ]) {
      await env.WEATHER_KV.put(WEATHER_KEY, corrupt);
      expect(await readWeather(env.WEATHER_KV), corrupt).toEqual({ state: 'unreadable', value: null });
    }
  });

  it('names an unknown source rather than dropping a good reading without one', async () => {
    await env.WEATHER_KV.put(WEATHER_KEY, JSON.stringify({ ...VALUE, source: undefined }));
    expect(await readWeather(env.WEATHER_KV)).toEqual({ state: 'found', value: { ...VALUE, source: 'unknown' } });
  });

  it('never throws when KV fails: a failed read is unreadable, a failed write is false', async () => {
    expect(await readWeather(failing)).toEqual({ state: 'unreadable', value: null });
    expect(await writeWeather(failing, VALUE)).toBe(false);
  });
});
