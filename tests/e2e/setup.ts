/**
 * Global setup of the browser tests: a fake Open-Meteo upstream on 127.0.0.1, then the site under `wrangler dev`
 * pointed at it, with an empty KV and a freshly published D1 in a temporary persist directory. Tests get the site's origin with
 * `inject('baseUrl')`. The teardown stops wrangler's whole process group (wrangler and its workerd) and the upstream.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
import { ARCHIVE_FILLER, FAKE_TEMPERATURE_C, SEED_TAG } from './site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the site under test, e.g. http://127.0.0.1:41234 (no trailing slash). */
    baseUrl: string;
  }
}

const RESULTS = join(ROOT, 'test-results');

/** `count` short articles, one a day in 2022 (older than the seed article), every other one tagged like the seed. */
function writeOlderArticles(dir: string, count: number): void {
  for (let i = 1; i <= count; i++) {
    const day = new Date(Date.UTC(2022, 0, i)).toISOString().slice(0, 10);
    const tags = i % 2 ? `[${SEED_TAG}, أرشيف]` : '[أرشيف]';
    writeFileSync(
      join(dir, `archive-${i}.md`),
      `---\ntitle: خبر من الأرشيف رقم ${i}\ndate: ${day}T09:00:00\nslug: archive-${i}\ntags: ${tags}\n---\n\nخبر قديم من أرشيف الجريدة، يوم ${day}.\n`,
    );
  }
}

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
    // The content is content/ plus older articles, so the archive has a page 2 and the seed's tag page a list.
    const contentDir = join(persistDir, 'content');
    cpSync(join(ROOT, 'content'), contentDir, { recursive: true });
    writeOlderArticles(contentDir, ARCHIVE_FILLER);
    await applyMigrations(persistDir);
    await publishContent(contentDir, persistDir);
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
