/**
 * The real app run in Node over a real local D1 (wrangler's platform proxy, in a temporary folder), seeded by the
 * publish step's own code, for checks that need Node-only tools (the AMP validator). The views are pure
 * functions of data, so their output is the same as in workerd.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readD1Migrations } from '@cloudflare/vitest-plugin';
import { createApp } from '../../../src/app.ts';
import { createIsolateCaches } from '../../../src/cache/isolate.ts';
import type { Article } from '../../../src/content/types.ts';
import { openD1 } from '../../../src/publish/node/open-d1.ts';
import { publishArticles } from '../../../src/publish/publish.ts';
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

/** The local D1 and R2 of a persist folder (what `--persist-to` takes), through wrangler's platform proxy. */
export const openLocal = (dir: string) => openD1({ root: process.cwd(), remote: false, persistTo: dir });

/**
 * A local D1 database and R2 bucket in a temporary persist folder, with migrations/ applied; `dir` is the folder
 * (for `content:publish --persist-to`), `close()` removes it.
 */
export async function temporaryD1(): Promise<{
  db: D1Database;
  media: R2Bucket;
  dir: string;
  close: () => Promise<void>;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'd1-'));
  const { db, media, close } = await openLocal(dir);
  for (const migration of await readD1Migrations('migrations')) {
    await db.batch(migration.queries.map((sql) => db.prepare(sql)));
  }
  return {
    db,
    media,
    dir,
    close: async () => {
      await close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function nodeApp(articles: Article[], tempC = 28.5) {
  const { db, media, close } = await temporaryD1();
  await publishArticles(db, articles, { now: new Date() });
  const upstream = async () =>
    Response.json({
      current: { time: new Date().toISOString().slice(0, 16), temperature_2m: tempC },
      current_units: { temperature_2m: '°C' },
      utc_offset_seconds: 0,
    });
  const app = createApp({
    weather: createWeatherService({ fetch: upstream, now: Date.now }),
    now: Date.now,
    caches: createIsolateCaches(),
  });
  const env = {
    SITE_URL: 'https://al-ayyam.example',
    WEATHER_URL: 'https://upstream.test/v1/forecast',
    WEATHER_KV: memoryKv(),
    DB: db,
    MEDIA: media,
  } as Env;
  const context = executionContext();
  return {
    async get(path: string): Promise<Response> {
      const res = await app.fetch(new Request(`https://site.test${path}`), env, context.ctx);
      await context.settle();
      return res;
    },
    close,
  };
}
