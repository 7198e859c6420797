/**
 * Search at the largest size, in both vocabularies (bench/archive.ts): the worst case, where every query word is in
 * most articles, and realistic text, where words come as often as Zipf's law has them. Each archive has its own
 * local D1; the two are timed query by query in turns (bench/search-latency.ts).
 */
import { localD1File, openLocalD1 } from '../../src/publish/node/local-d1.ts';
import { ms } from '../measure.ts';
import { type LatencyTarget, SEARCH_SHAPES, searchQueries, timeSearches } from '../search-latency.ts';
import type { PublishedArchive } from './archive-scale.ts';
import { type BenchOptions, label, type Row } from './context.ts';

/** A realistic archive's search must answer within this at p95, every shape. */
const P95_MS = 100;

export async function searchStep(options: BenchOptions, archives: readonly PublishedArchive[]): Promise<Row[]> {
  process.stderr.write('bench: search, both vocabularies in turns\n');
  const opened = archives.map((a) => ({ archive: a, ...openLocalD1(localD1File(a.persist)) }));
  try {
    const targets: LatencyTarget[] = opened.map(({ archive, db }) => ({
      label: archive.vocabulary,
      db,
      queries: searchQueries(archive.size, archive.vocabulary, options.searchQueries),
    }));
    const results = await timeSearches(targets);
    const rows: Row[] = [];
    // Grouped by vocabulary, each in the shapes' order, so the table reads as two blocks.
    for (const { archive } of opened) {
      for (const shape of SEARCH_SHAPES) {
        const r = results.find((x) => x.label === archive.vocabulary && x.shape === shape);
        if (!r) continue;
        const realistic = archive.vocabulary === 'realistic';
        rows.push({
          section: `search, ${label(archive.size)}`,
          metric: `${shape}, ${realistic ? 'realistic vocabulary (50,000 word forms, Zipf)' : 'worst case (654 words, each in most articles)'}: \`searchArticles\` on the local D1, ${r.queries} queries in turns with the other vocabulary`,
          result: `p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, max ${ms(r.max)} (\`${r.slowest}\`)`,
          target: realistic ? `p95 ≤ ${P95_MS} ms` : 'report',
          pass: realistic ? r.p95 <= P95_MS : null,
          value: r.p95,
        });
      }
    }
    return rows;
  } finally {
    for (const { close } of opened) await close();
  }
}
