/**
 * The site the concurrency test and the load run drive: a deterministic synthetic archive (bench/archive.ts) plus the
 * seed article with its photo, published into a temporary persist directory and served by `wrangler dev` through
 * tests/load/worker.ts, whose clock the harness moves. The weather upstream is a local fake.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NEWEST, syntheticArticle, writeArchive } from '../../bench/archive.ts';
import { startFakeWeather } from '../../scripts/fake-weather.ts';
import { SEED_SLUG } from '../helpers/seed.ts';
import {
  applyMigrations,
  publishContent,
  ROOT,
  requireWranglerNode,
  startWranglerDev,
} from '../node/support/wrangler-dev.ts';
import { CLOCK_PATH, type ClockState } from './clock.ts';

const SEED_FILE = '2023-09-14-kim-putin-summit.md';
const HOUR = 3_600_000;
/** No single answer takes this long, even on a busy machine: past it the harness fails, naming the request. */
const REQUEST_LIMIT_MS = 30_000;

/** What the harness knows of the archive without asking the site. */
export interface ArchiveFacts {
  /** Synthetic articles: slugs a0 (oldest) … a<size - 1>. */
  size: number;
  /** The seed article, the one with a photo (and so with files under /media/). */
  seedSlug: string;
  /** Every tag, most used first. */
  tags: string[];
  /** Months (YYYY-MM) holding an article well inside the month, whatever the time zone. */
  months: string[];
}

export interface LoadSite {
  baseUrl: string;
  facts: ArchiveFacts;
  /** Fetches a path of the site, failing (with the path) instead of hanging when no answer comes. */
  get: (path: string, init?: RequestInit) => Promise<Response>;
  /** Moves the Worker's clock: jumps `advance` ms forward and/or sets its speed; answers the clock's state. */
  clock: (change?: { advance?: number; speed?: number }) => Promise<ClockState>;
  /** Writes `count` articles newer than every published one into the content folder and publishes. */
  publishNewer: (count: number) => Promise<string>;
  stop: () => Promise<void>;
}

function archiveFacts(size: number): ArchiveFacts {
  const uses = new Map<string, number>();
  const months = new Set<string>();
  for (let i = 0; i < size; i++) {
    const { tags, text } = syntheticArticle(i, size);
    for (const tag of tags) uses.set(tag, (uses.get(tag) ?? 0) + 1);
    const date = /^date: (\d{4}-\d{2})-(\d{2})/m.exec(text);
    const day = Number(date?.[2]);
    if (date?.[1] && day >= 3 && day <= 27) months.add(date[1]);
  }
  const tags = [...uses.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([tag]) => tag);
  return { size, seedSlug: SEED_SLUG, tags, months: [...months].sort() };
}

async function fetchWithin(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_LIMIT_MS) });
  } catch (error) {
    throw new Error(`${init.method ?? 'GET'} ${url}: ${(error as Error).message}`, { cause: error });
  }
}

/** Article `j` of a later batch: a synthetic article's text, dated one hour after the previous one past NEWEST. */
function newerArticle(j: number, size: number): { name: string; text: string } {
  const date = new Date(NEWEST + (j + 1) * HOUR);
  if (date.getTime() > Date.now() - HOUR) throw new Error(`a newer article would be dated in the future: ${date}`);
  const text = syntheticArticle(j, size)
    .text.replace(/^slug: .*$/m, `slug: n${j}`)
    .replace(/^date: .*$/m, `date: ${date.toISOString().slice(0, 19)}Z`);
  return { name: `n${j}.md`, text };
}

/**
 * Prepares and starts the site. `logName` names wrangler's log under test-results/. The persist directory (archive,
 * content folder) is removed by `stop`.
 */
/** The share-card backlog draws 200 cards a run (seconds of CPU): not what a load run measures. */
const NO_CARD_BACKLOG = ['--cards', '0'];

export async function startLoadSite({ size, logName }: { size: number; logName: string }): Promise<LoadSite> {
  requireWranglerNode('the load harness');
  const results = join(ROOT, 'test-results');
  mkdirSync(results, { recursive: true });
  const persistDir = mkdtempSync(join(tmpdir(), 'al-ayyam-load-'));
  const contentDir = join(persistDir, 'content');
  writeArchive(contentDir, size);
  // The seed article and its photo: a photo with its variants and a share card in local R2.
  copyFileSync(join(ROOT, 'content', SEED_FILE), join(contentDir, SEED_FILE));
  cpSync(join(ROOT, 'content/media'), join(contentDir, 'media'), { recursive: true });
  const upstream = await startFakeWeather({ tempC: 21.4 });
  const cleanUp = async () => {
    await upstream.close();
    rmSync(persistDir, { recursive: true, force: true });
  };
  let dev: Awaited<ReturnType<typeof startWranglerDev>>;
  try {
    // One step after the other, as `npm start` does: a publish racing wrangler's start on the same local D1 can hang.
    await applyMigrations(persistDir);
    await publishContent(contentDir, persistDir, NO_CARD_BACKLOG);
    dev = await startWranglerDev({
      persistDir,
      logPath: join(results, logName),
      script: join(ROOT, 'tests/load/worker.ts'),
      vars: { WEATHER_URL: upstream.url },
      readyPath: CLOCK_PATH,
    });
    // The first page view stores a temperature in KV: from then on every page shows the same header.
    await (await fetchWithin(`${dev.baseUrl}/`)).arrayBuffer();
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const baseUrl = dev.baseUrl;
  let published = 0;
  return {
    baseUrl,
    facts: archiveFacts(size),
    get: (path, init) => fetchWithin(`${baseUrl}${path}`, init),
    clock: async ({ advance, speed } = {}) => {
      const query = new URLSearchParams();
      if (advance !== undefined) query.set('advance', String(advance));
      if (speed !== undefined) query.set('speed', String(speed));
      const res = await fetchWithin(`${baseUrl}${CLOCK_PATH}?${query}`, { method: 'POST' });
      if (!res.ok) throw new Error(`moving the clock answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as ClockState;
    },
    publishNewer: (count) => {
      for (let j = published; j < published + count; j++) {
        const { name, text } = newerArticle(j, size);
        writeFileSync(join(contentDir, name), text);
      }
      published += count;
      return publishContent(contentDir, persistDir, NO_CARD_BACKLOG);
    },
    stop: async () => {
      await dev.stop();
      await cleanUp();
    },
  };
}
