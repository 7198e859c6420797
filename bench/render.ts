/**
 * Render cost in Node (tinybench): the first render of an article (the un-memoized path) against bare
 * `marked.parse` on the same markdown, for the seed article and generated 20 KB and 100 KB articles,
 * plus the memoized path. Figures are tinybench medians (p50) over many samples.
 */
import { Bench } from 'tinybench';
import { importBundled } from './bundle.ts';
import { articleMarkdown } from './fixtures.ts';
import { SEED_SLUG } from './paths.ts';

type Entry = typeof import('./render-entry.ts');

export interface RenderCase {
  name: string;
  markdownBytes: number;
  firstRenderMs: number;
  markedMs: number;
  /** firstRenderMs / markedMs, both medians from the same run. */
  ratio: number;
}

export interface RenderResults {
  cases: RenderCase[];
  memoizedRenderUs: number;
  memoizedRequestUs: number;
  /** First render of the seed / memoized render: what the caches save per request. */
  memoSpeedup: number;
}

const p50 = (bench: Bench, name: string): number => {
  const result = bench.getTask(name)?.result;
  if (!result || !('latency' in result)) throw new Error(`bench task "${name}" did not complete`);
  return result.latency.p50;
};

export async function measureRender(): Promise<RenderResults> {
  const entry = await importBundled<Entry>('bench/render-entry.ts');
  const seed = entry.bundledArticle(SEED_SLUG);
  const inputs = [
    { name: 'seed article', article: seed },
    { name: 'generated 20 KB', article: entry.articleFromMarkdown(articleMarkdown(20_000, 20), 'bench-20k') },
    { name: 'generated 100 KB', article: entry.articleFromMarkdown(articleMarkdown(100_000, 100), 'bench-100k') },
  ];

  const template = entry.firstRender(seed, seed);
  const temperature = '<p class="temp"><b>21.4°C</b> درجة الحرارة في بيروت</p>';
  const fetchPage = entry.appFetcher(entry.articles);
  const seedPath = `/articles/${encodeURIComponent(SEED_SLUG)}`;
  const check = await fetchPage(seedPath);
  if (check.status !== 200) throw new Error(`app.fetch ${seedPath} answered ${check.status}`);

  const bench = new Bench({ time: 700, warmupTime: 200 });
  for (const { name, article } of inputs) {
    bench.add(`first:${name}`, () => {
      entry.firstRender(article, seed);
    });
    bench.add(`marked:${name}`, () => {
      entry.bareMarked(article.body);
    });
  }
  // A memoized render takes well under a microsecond: time batches, or the timer's resolution is all we measure.
  const BATCH = 1000;
  bench.add('memoized render', () => {
    for (let i = 0; i < BATCH; i++) entry.memoizedRender(template, temperature);
  });
  bench.add('memoized request', async () => {
    await (await fetchPage(seedPath)).arrayBuffer();
  });
  await bench.run();

  const cases = inputs.map(({ name, article }) => {
    const firstRenderMs = p50(bench, `first:${name}`);
    const markedMs = p50(bench, `marked:${name}`);
    return {
      name,
      markdownBytes: Buffer.byteLength(article.body),
      firstRenderMs,
      markedMs,
      ratio: firstRenderMs / markedMs,
    };
  });
  const memoizedRenderMs = p50(bench, 'memoized render') / BATCH;
  return {
    cases,
    memoizedRenderUs: memoizedRenderMs * 1000,
    memoizedRequestUs: p50(bench, 'memoized request') * 1000,
    memoSpeedup: (cases[0]?.firstRenderMs ?? Number.NaN) / memoizedRenderMs,
  };
}
