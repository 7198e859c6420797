/**
 * Item 5: the same site with 10, 1,000 and 10,000 synthetic articles. For each size: bundle size, startup CPU,
 * and the per-request cost of an article page and of the front page (list) through workerd, each read against
 * its precomputed baseline in the same session. src/generated/content.js holds synthetic content only while
 * wrangler bundles; the real bundle is rebuilt right after (content.ts).
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { writeWranglerConfig } from './config.ts';
import { buildContent, withContentModule } from './content.ts';
import { syntheticArticleFile, syntheticSlug } from './fixtures.ts';
import { articleUrlPath, ROOT, TMP_DIR } from './paths.ts';
import { type BundleSize, dryRun, type Startup, startups } from './size.ts';
import { type LoadSettings, measureRoutes, medianRatio, type RouteRuns } from './throughput.ts';
import { startWorker } from './workerd.ts';

export const SCALE_SIZES = [10, 1_000, 10_000];

export interface ScaleRow {
  articles: number;
  buildMs: number;
  size: BundleSize;
  startup: Startup;
  runs: Record<'article' | 'articleBaseline' | 'list' | 'listBaseline', RouteRuns>;
  articleVsBaseline: number;
  listVsBaseline: number;
}

async function articleCount(origin: string): Promise<number> {
  return ((await (await fetch(`${origin}/__bench/info`)).json()) as { articles: number }).articles;
}

async function measureOneSize(count: number, weatherUrl: string, load: LoadSettings): Promise<ScaleRow> {
  const dir = join(TMP_DIR, `scale-${count}`);
  const contentDir = join(dir, 'content');
  mkdirSync(contentDir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const file = syntheticArticleFile(i);
    writeFileSync(join(contentDir, file.name), file.text);
  }
  const started = performance.now();
  buildContent(['--content', relative(ROOT, contentDir), '--out', relative(ROOT, join(dir, 'content.js'))]);
  const buildMs = performance.now() - started;

  const site = writeWranglerConfig(`scale-${count}-site`, 'site');
  const bench = writeWranglerConfig(`scale-${count}`, 'bench');
  // Both bundles are made while the synthetic module is in place; workerd keeps running its bundle afterwards.
  const moduleBytes = statSync(join(dir, 'content.js')).size;
  const { size, worker } = await withContentModule(
    join(dir, 'content.js'),
    async () => ({
      size: await dryRun(site, join(dir, 'site')),
      worker: await startWorker(bench, { WEATHER_URL: weatherUrl }),
    }),
    async ({ size, worker }) => size.contentBytes > moduleBytes * 0.9 && (await articleCount(worker.origin)) === count,
    ({ worker }) => worker.dispose(),
  );
  try {
    const [startup] = await startups([size.formPath], dir, 3);
    if (!startup) throw new Error('startup profiling returned nothing');
    const article = articleUrlPath(syntheticSlug(Math.floor(count / 2)));
    const runs = await measureRoutes(
      worker.origin,
      { article, articleBaseline: `/__baseline${article}`, list: '/', listBaseline: '/__baseline/' },
      load,
    );
    return {
      articles: count,
      buildMs,
      size,
      startup,
      runs,
      articleVsBaseline: medianRatio(runs.article, runs.articleBaseline),
      listVsBaseline: medianRatio(runs.list, runs.listBaseline),
    };
  } finally {
    await worker.dispose();
  }
}

export async function measureScale(weatherUrl: string, load: LoadSettings): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = [];
  for (const count of SCALE_SIZES) rows.push(await measureOneSize(count, weatherUrl, load));
  return rows;
}
