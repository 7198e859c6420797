/**
 * Search latency against local D1 files: queries of four shapes (one word, three words, a quoted phrase, a typed
 * prefix) taken from the archive's own text, so words come as often as they occur (common ones most of the time,
 * rare ones too), and run through the app's own `parseQuery` and `searchArticles`. Several databases are timed
 * query by query in turns, so each sees the same machine.
 */
import { parseQuery } from '../src/search/query.ts';
import { searchArticles } from '../src/store/search.ts';
import { syntheticArticle, type Vocabulary } from './archive.ts';
import { median, percentile } from './measure.ts';
import { seeded } from './random.ts';
import { FUNCTION_WORDS } from './vocabulary.ts';

export const SEARCH_SHAPES = ['one word', 'three words', 'phrase', 'prefix'] as const;
export type SearchShape = (typeof SEARCH_SHAPES)[number];

// Words nobody searches alone (في، التي…): a one-word or prefix query is another word of the text.
const PARTICLES = new Set(FUNCTION_WORDS);

/** The body words of an article as written (markdown list markers and punctuation dropped). */
function bodyWords(text: string): string[] {
  const body = text.slice(text.indexOf('\n---\n') + 5);
  return body.split(/[\s.،:-]+/).filter((w) => w !== '');
}

/**
 * `count` queries of each shape from an archive of `size` articles with `vocabulary`, each from a different
 * article at a random position of its body (the same ones every run).
 */
export function searchQueries(size: number, vocabulary: Vocabulary, count: number): Record<SearchShape, string[]> {
  // Its own seed, apart from the archive's.
  const rnd = seeded(size * 31 + (vocabulary === 'realistic' ? 7 : 3));
  const out: Record<SearchShape, string[]> = { 'one word': [], 'three words': [], phrase: [], prefix: [] };
  for (const shape of SEARCH_SHAPES) {
    while (out[shape].length < count) {
      const words = bodyWords(syntheticArticle(Math.floor(rnd() * size), size, vocabulary).text);
      const at = Math.floor(rnd() * Math.max(1, words.length - 3));
      const run = (n: number) => words.slice(at, at + n).join(' ');
      const word = words.slice(at).find((w) => !PARTICLES.has(w));
      if (shape === 'one word' && word) out[shape].push(word);
      if (shape === 'three words') out[shape].push(run(3));
      if (shape === 'phrase') out[shape].push(`"${run(2)}"`);
      // What a reader has typed of a word when the search runs: its first four letters (five of a long word).
      if (shape === 'prefix' && word && word.length >= 5) out[shape].push(word.slice(0, word.length >= 8 ? 5 : 4));
    }
  }
  return out;
}

export interface LatencyTarget {
  label: string;
  db: D1Database;
  queries: Record<SearchShape, string[]>;
}

export interface ShapeLatency {
  label: string;
  shape: SearchShape;
  queries: number;
  p50: number;
  p95: number;
  max: number;
  /** The slowest query, to see what costs. */
  slowest: string;
}

/**
 * Times every query of every target once (after one untimed pass over a few, so the file's pages are in the OS
 * cache), alternating targets query by query. Returns p50/p95/max per target and shape, in ms.
 */
export async function timeSearches(targets: readonly LatencyTarget[], now = Date.now()): Promise<ShapeLatency[]> {
  const run = async (db: D1Database, query: string) => {
    const parsed = parseQuery(query);
    if (!parsed.ok) throw new Error(`bench query "${query}" does not parse: ${parsed.problem}`);
    const started = performance.now();
    await searchArticles(db, parsed, { now });
    return performance.now() - started;
  };
  for (const target of targets) {
    for (const shape of SEARCH_SHAPES)
      for (const query of target.queries[shape].slice(0, 3)) await run(target.db, query);
  }
  const results: ShapeLatency[] = [];
  for (const shape of SEARCH_SHAPES) {
    const times = targets.map(() => [] as { ms: number; query: string }[]);
    const longest = Math.max(...targets.map((t) => t.queries[shape].length));
    for (let i = 0; i < longest; i++) {
      for (const [k, target] of targets.entries()) {
        const query = target.queries[shape][i];
        if (query !== undefined) times[k]?.push({ ms: await run(target.db, query), query });
      }
    }
    for (const [k, target] of targets.entries()) {
      const list = times[k] ?? [];
      const ms = list.map((t) => t.ms);
      const slowest = list.reduce((a, b) => (b.ms > a.ms ? b : a), { ms: 0, query: '' });
      results.push({
        label: target.label,
        shape,
        queries: list.length,
        p50: median(ms),
        p95: percentile(ms, 95),
        max: slowest.ms,
        slowest: slowest.query,
      });
    }
  }
  return results;
}
