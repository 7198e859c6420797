/**
 * The real app run in Node over chosen articles, for checks that need Node-only tools (the AMP validator).
 * The views are pure functions of data, so their output is the same as in workerd.
 */
import { createApp } from '../../../src/app.ts';
import { createMemoryStore } from '../../../src/content/store.ts';
import type { Article } from '../../../src/content/types.ts';
import type { Env } from '../../../src/env.ts';
import { createWeatherService } from '../../../src/weather/service.ts';
import { executionContext } from '../../helpers/execution-context.ts';

/** A Map-backed stand-in for the KV binding. */
function memoryKv(): KVNamespace {
  const data = new Map<string, string>();
  return {
    get: async (key: string) => data.get(key) ?? null,
    put: async (key: string, value: string) => {
      data.set(key, value);
    },
  } as unknown as KVNamespace;
}

export function nodeApp(articles: Article[], tempC = 28.5) {
  const upstream = async () =>
    Response.json({
      current: { time: new Date().toISOString().slice(0, 16), temperature_2m: tempC },
      current_units: { temperature_2m: '°C' },
      utc_offset_seconds: 0,
    });
  const app = createApp({
    store: createMemoryStore(articles),
    weather: createWeatherService({ fetch: upstream, now: Date.now }),
    now: Date.now,
  });
  const env = {
    SITE_URL: 'https://al-ayyam.example',
    WEATHER_URL: 'https://upstream.test/v1/forecast',
    WEATHER_KV: memoryKv(),
  } as Env;
  const context = executionContext();
  return {
    async get(path: string): Promise<Response> {
      const res = await app.fetch(new Request(`https://site.test${path}`), env, context.ctx);
      await context.settle();
      return res;
    },
  };
}
