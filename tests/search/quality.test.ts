// Search quality over the fixture corpus: recall@10 and MRR of the evaluation queries, through the real local D1.
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { terms } from '../../src/search/normalize.ts';
import { parseQuery } from '../../src/search/query.ts';
import { searchArticles } from '../../src/store/search.ts';
import { CORPUS, EVAL_NOW, EVAL_QUERIES, FUTURE_ARTICLE } from './corpus.ts';
import { seed } from './seed.ts';

async function top10(q: string): Promise<string[]> {
  const query = parseQuery(q);
  if (!query.ok) throw new Error(`evaluation query ${q} was refused: ${query.message}`);
  const page = await searchArticles(env.DB, query, { limit: 10, now: EVAL_NOW });
  return page.items.map((item) => item.slug);
}

describe('search quality over the fixture corpus', () => {
  beforeAll(async () => {
    await seed(env.DB, [...CORPUS, FUTURE_ARTICLE]);
  });

  it('has an evaluation set of the size the issue asks for', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(30);
    expect(EVAL_QUERIES.length).toBeGreaterThanOrEqual(40);
    const slugs = new Set(CORPUS.map((a) => a.slug));
    for (const { q, expect: wanted } of EVAL_QUERIES) {
      for (const slug of wanted) expect(slugs.has(slug), `${q}: unknown slug ${slug}`).toBe(true);
    }
  });

  it('reaches recall@10 ≥ 0.95 and MRR ≥ 0.80', async () => {
    let recallSum = 0;
    let rrSum = 0;
    const misses: string[] = [];
    for (const { q, expect: wanted, why } of EVAL_QUERIES) {
      const got = await top10(q);
      const found = wanted.filter((slug) => got.includes(slug));
      recallSum += found.length / wanted.length;
      const firstRank = got.findIndex((slug) => wanted.includes(slug));
      rrSum += firstRank < 0 ? 0 : 1 / (firstRank + 1);
      if (found.length < wanted.length || firstRank !== 0) {
        misses.push(`  ${q} (${why}): expected ${wanted.join(', ')}; got ${got.join(', ') || 'nothing'}`);
      }
    }
    const recall = recallSum / EVAL_QUERIES.length;
    const mrr = rrSum / EVAL_QUERIES.length;
    console.log(
      `search evaluation: ${EVAL_QUERIES.length} queries over ${CORPUS.length} articles: ` +
        `recall@10 = ${recall.toFixed(3)}, MRR = ${mrr.toFixed(3)}` +
        (misses.length ? `\nnot perfect:\n${misses.join('\n')}` : ''),
    );
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(mrr).toBeGreaterThanOrEqual(0.8);
  });

  it('finds أحمد when searching احمد', async () => {
    expect(await top10('احمد')).toEqual(['ahmad-novel-prize']);
  });

  it('finds كَتَبَ when searching كتب, first', async () => {
    expect((await top10('كتب'))[0]).toBe('ahmad-novel-prize');
  });

  it('ranks articles containing بيروت above those matched only through a stem (ببيروت)', async () => {
    const got = await top10('بيروت');
    const exact = (slug: string) => {
      const a = CORPUS.find((x) => x.slug === slug);
      return a !== undefined && terms(`${a.title} ${a.text}`).includes('بيروت');
    };
    const flags = got.map(exact);
    expect(flags.length).toBeGreaterThan(0);
    expect(got).toContain('traffic-in-beirut');
    // Every exact match comes before every stem-only one.
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
    expect(exact('traffic-in-beirut')).toBe(false);
  });

  it('finds الحكومة from والحكومة, انتخابات from الانتخابات, لبنان from للبنان', async () => {
    expect(await top10('والحكومة')).toContain('school-year-opens');
    expect(await top10('الانتخابات')).toContain('iraq-elections');
    expect(await top10('للبنان')).toContain('basketball-asia-cup');
  });

  it('never returns an article published after now', async () => {
    expect(await top10('ماراثون')).toEqual([]);
    expect(await top10('بيروت')).not.toContain(FUTURE_ARTICLE.slug);
    const query = parseQuery('ماراثون');
    if (!query.ok) throw new Error('refused');
    const later = await searchArticles(env.DB, query, { now: Date.parse('2031-01-01T00:00:00Z') });
    expect(later.items.map((i) => i.slug)).toEqual([FUTURE_ARTICLE.slug]);
  });
});
