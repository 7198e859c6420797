import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishArticles } from '../../src/publish/publish.ts';
import { RENUMBER_QUERY } from '../../src/publish/write.ts';
import { ARTICLE_QUERIES } from '../../src/store/articles.ts';
import { LIST_QUERIES } from '../../src/store/lists.ts';
import { article } from '../helpers/articles.ts';

const NOW = Date.parse('2025-01-01T00:00:00Z');

beforeAll(async () => {
  const articles = Array.from({ length: 30 }, (_, i) =>
    article(
      `content/p${i}.md`,
      `---\ntitle: خبر ${i}\nslug: p${i}\ndate: 2024-02-${String((i % 28) + 1).padStart(2, '0')}T10:00:00\ntags: [لبنان, ${i % 2 ? 'اقتصاد' : 'سياسة'}]\ntop: ${i % 4 === 0}\n---\n\nنص ${i}.\n`,
    ),
  );
  await publishArticles(env.DB, articles, { now: new Date(NOW) });
});

const CASES: [string, string, unknown[]][] = [
  ['the front page (newest first)', LIST_QUERIES.after, ['all', NOW, NOW + 1, '', 21]],
  ['a tag page', LIST_QUERIES.after, ['t:لبنان', NOW, NOW + 1, '', 21]],
  ['top news', LIST_QUERIES.after, ['top', NOW, NOW + 1, '', 6]],
  ['a tag filtered to top news', LIST_QUERIES.after, ['t:لبنان|top', NOW, NOW + 1, '', 6]],
  ['a cursor deep in the archive', LIST_QUERIES.after, ['all', NOW, Date.parse('2015-06-01T00:00:00Z'), 'x', 21]],
  ['page 2,000 by number', LIST_QUERIES.numbered, ['all', NOW, 39_980, 20]],
  ['an article (or its takedown)', ARTICLE_QUERIES.article, ['p3']],
  ['its related articles', ARTICLE_QUERIES.related, ['p3', NOW]],
];

describe('every list and lookup is answered from an index', () => {
  it.each(CASES)('%s', async (_, sql, params) => {
    const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .bind(...params)
      .all<{ detail: string }>();
    const details = plan.results.map((row) => row.detail);
    // A table is read by key or index range, never scanned whole; no ORDER BY needs a sort of its own.
    const fullScans = details.filter((d) => /^SCAN (a|l|t|articles|listings|article_tags|takedowns)\b/.test(d));
    expect(
      fullScans.filter((d) => !/USING (COVERING )?INDEX|USING PRIMARY KEY/.test(d)),
      details.join('\n'),
    ).toEqual([]);
    expect(
      details.filter((d) => d.includes('TEMP B-TREE')),
      details.join('\n'),
    ).toEqual([]);
    expect(details.some((d) => /SEARCH|USING/.test(d))).toBe(true);
  });

  it('renumbers a list from its mark up only, each entry by primary key (never the whole table per batch)', async () => {
    await env.DB.prepare("INSERT INTO dirty_lists (list, from_ms, from_slug) VALUES ('all', ?1, 'p9')").bind(NOW).run();
    const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${RENUMBER_QUERY}`).all<{ detail: string }>();
    const details = plan.results.map((row) => row.detail);
    expect(
      details.filter((d) => /^SCAN (l|p|listings)\b/.test(d)),
      details.join('\n'),
    ).toEqual([]);
    expect(details).toContain('SEARCH l USING PRIMARY KEY (list=? AND (published_ms,slug)>(?,?))');
    await env.DB.prepare('DELETE FROM dirty_lists').run();
  });

  it('really walks the index in order under a LIMIT (the query answers the right rows)', async () => {
    const { results } = await env.DB.prepare(LIST_QUERIES.after)
      .bind('t:لبنان', NOW, NOW + 1, '', 3)
      .all<{ slug: string | null; total: number }>();
    // Days 26, 27 and 28 of February: p25, p26, p27 (p27 is the newest; p28 wrapped to the 1st).
    expect(results.map((r) => r.slug).sort()).toEqual(['p25', 'p26', 'p27']);
    expect(results[0]?.total).toBe(30);
  });
});
