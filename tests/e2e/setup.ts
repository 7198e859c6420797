/**
 * Global setup of the browser tests: a fake Open-Meteo upstream on 127.0.0.1, then the site under `wrangler dev`
 * pointed at it, with an empty KV and a freshly published D1 in a temporary persist directory. Tests get the site's origin with
 * `inject('baseUrl')`. The teardown stops wrangler's whole process group (wrangler and its workerd) and the upstream.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startFakeWeather } from '../../scripts/fake-weather.ts';
import {
  applyMigrations,
  publishContent,
  ROOT,
  requireWranglerNode,
  startWranglerDev,
} from '../node/support/wrangler-dev.ts';
import { writeDemoNewsroom } from './newsroom.ts';
import { FAKE_TEMPERATURE_C } from './site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the site under test, e.g. http://127.0.0.1:41234 (no trailing slash). */
    baseUrl: string;
  }
}

const RESULTS = join(ROOT, 'test-results');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  requireWranglerNode('npm run test:e2e');
  mkdirSync(RESULTS, { recursive: true });

  const upstream = await startFakeWeather({ tempC: FAKE_TEMPERATURE_C });
  // A fresh persist directory: local KV starts empty, so the first page view fetches from the fake upstream.
  const persistDir = mkdtempSync(join(tmpdir(), 'al-ayyam-e2e-'));
  const logPath = join(RESULTS, 'e2e-wrangler.log');
  const cleanUp = async () => {
    await upstream.close();
    rmSync(persistDir, { recursive: true, force: true });
  };
  let site: Awaited<ReturnType<typeof startWranglerDev>>;
  try {
    // The archive, as `npm start` prepares it: migrations applied, content published, in the same persist directory.
    // The content is the demo newsroom (newsroom.ts): content/ plus two days of articles and older filler.
    const contentDir = join(persistDir, 'content');
    const count = writeDemoNewsroom(join(ROOT, 'content'), contentDir, Date.now());
    await applyMigrations(persistDir);
    const started = Date.now();
    // No share cards for the old filler (recent articles get theirs regardless): they would only cost time.
    await publishContent(contentDir, persistDir, ['--cards', '0']);
    console.log(`[e2e] published ${count} articles in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    site = await startWranglerDev({ persistDir, logPath, vars: { WEATHER_URL: upstream.url } });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  console.log(`[e2e] site at ${site.baseUrl} (wrangler log: ${logPath}); weather upstream at ${upstream.url}`);
  project.provide('baseUrl', site.baseUrl);
  return async () => {
    // Into wrangler's log, not the console: the run's output ends with the test runner's summary.
    site.note(`[e2e] weather upstream answered ${upstream.requests()} request(s); stopping wrangler`);
    await site.stop();
    await cleanUp();
  };
}
