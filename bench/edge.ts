/**
 * Items 1, 2 and 6: one workerd session running bench/worker.ts. The seed article's HTML, AMP and JSON routes
 * are each measured against their precomputed baseline, and the HTML route against the naive marked app;
 * page weight is read from the same session's responses.
 */
import { writeWranglerConfig } from './config.ts';
import { articleUrlPath, SEED_SLUG } from './paths.ts';
import { type LoadSettings, measureRoutes, medianRatio, type RouteRuns } from './throughput.ts';
import { type PageWeight, pageWeight } from './weight.ts';
import { startWorker } from './workerd.ts';

export interface EdgeResults {
  runs: Record<string, RouteRuns>;
  /** real rps / baseline rps, median over rounds. */
  articleVsBaseline: number;
  ampVsBaseline: number;
  jsonVsBaseline: number;
  /** our article rps / naive rps, median over rounds. */
  speedupVsNaive: number;
  weight: { html: PageWeight; amp: PageWeight };
}

export async function measureEdge(weatherUrl: string, load: LoadSettings): Promise<EdgeResults> {
  const worker = await startWorker(writeWranglerConfig('edge', 'bench'), { WEATHER_URL: weatherUrl });
  try {
    const article = articleUrlPath(SEED_SLUG);
    const amp = `${article}/amp`;
    const json = `/api/articles/${encodeURIComponent(SEED_SLUG)}`;
    // Weight first: its requests also warm the weather value, so every measured page shows a temperature.
    const weight = { html: await pageWeight(worker.origin, article), amp: await pageWeight(worker.origin, amp) };
    const runs = await measureRoutes(
      worker.origin,
      {
        article,
        articleBaseline: `/__baseline${article}`,
        naive: `/__naive/${encodeURIComponent(SEED_SLUG)}`,
        amp,
        ampBaseline: `/__baseline${amp}`,
        json,
        jsonBaseline: `/__baseline${json}`,
      },
      load,
    );
    return {
      runs,
      articleVsBaseline: medianRatio(runs.article, runs.articleBaseline),
      ampVsBaseline: medianRatio(runs.amp, runs.ampBaseline),
      jsonVsBaseline: medianRatio(runs.json, runs.jsonBaseline),
      speedupVsNaive: medianRatio(runs.article, runs.naive),
      weight,
    };
  } finally {
    await worker.dispose();
  }
}
