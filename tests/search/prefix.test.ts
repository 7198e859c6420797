// The last word's prefix against the real local D1: its completions come from `search_terms` (migrations/0009),
// the most common first, so a broad prefix costs a bounded number of terms.
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseQuery, type SearchQuery } from '../../src/search/query.ts';
import { indexArticles } from '../../src/search/statements.ts';
import { PREFIX_COMPLETIONS, searchArticles } from '../../src/store/search.ts';
import type { CorpusArticle } from './corpus.ts';
import { seed } from './seed.ts';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
// 40 completions of زعفر: زعفرا, زعفرب, …, زعفرصا, …
const COMPLETIONS = Array.from({ length: 40 }, (_, k) => `زعفر${LETTERS[k % 28]}${k >= 28 ? 'ا' : ''}`);

function ok(input: string): SearchQuery {
  const q = parseQuery(input);
  if (!q.ok) throw new Error(`refused ${input}`);
  return q;
}

const at = (i: number) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString();
// Article j holds the completions 0 … 39 - j: completion k is in 40 - k of them. The last one holds only the
// rarest completion, which no other article has alone.
const ARTICLES: CorpusArticle[] = [
  ...Array.from({ length: 40 }, (_, j) => ({
    slug: `saffron-${j}`,
    title: `تقرير رقم ${j}`,
    text: COMPLETIONS.slice(0, 40 - j).join(' '),
    publishedAt: at(j),
  })),
  { slug: 'saffron-rare', title: 'خبر نادر', text: `كلمة ${COMPLETIONS[39]} وحدها.`, publishedAt: at(50) },
];

beforeAll(async () => {
  await seed(env.DB, ARTICLES, 7000, { index: false });
  await env.DB.batch(
    indexArticles(
      env.DB,
      ARTICLES.map((a) => ({ slug: a.slug, title: a.title, text: a.text, tags: [] })),
    ),
  );
});

describe('search terms', () => {
  it('counts in how many articles each term longer than a prefix was indexed, exact and stemmed apart', async () => {
    const docs = async (kind: number, term: string) =>
      env.DB.prepare('SELECT docs FROM search_terms WHERE kind = ?1 AND term = ?2').bind(kind, term).first('docs');
    expect(await docs(0, COMPLETIONS[0] as string)).toBe(40);
    expect(await docs(0, COMPLETIONS[39] as string)).toBe(2);
    expect(await docs(0, 'تقرير')).toBe(40);
    // Three letters complete no prefix (prefixes have three at least).
    expect(await docs(0, 'رقم')).toBeNull();
    // The stem columns have their own.
    expect(await docs(1, 'تقرير')).toBe(40);
  });
});

describe('a prefix', () => {
  it('finds the articles of its most common completions', async () => {
    const page = await searchArticles(env.DB, ok('زعفر'), { now: NOW, limit: 50 });
    expect(page.items.map((i) => i.slug).sort()).toEqual(
      ARTICLES.slice(0, 40)
        .map((a) => a.slug)
        .sort(),
    );
  });

  it(`searches only the ${PREFIX_COMPLETIONS} most common: a rarer completion is found by its whole word`, async () => {
    const page = await searchArticles(env.DB, ok('زعفر'), { now: NOW, limit: 50 });
    expect(page.items.map((i) => i.slug)).not.toContain('saffron-rare');
    const whole = await searchArticles(env.DB, ok(COMPLETIONS[39] as string), { now: NOW, limit: 50 });
    expect(whole.items.map((i) => i.slug)).toEqual(['saffron-rare', 'saffron-0']);
  });

  it('falls back to every completion when search_terms knows none (a row indexed without its terms)', async () => {
    await seed(env.DB, [{ slug: 'uncounted', title: 'خبر', text: 'قرنفلية جديدة', publishedAt: at(60) }], 7100);
    const page = await searchArticles(env.DB, ok('قرنفل'), { now: NOW });
    expect(page.items.map((i) => i.slug)).toEqual(['uncounted']);
  });
});
