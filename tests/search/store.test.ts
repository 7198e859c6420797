// searchArticles against the real local D1: hostile input, pagination, index upkeep and the query plan.
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseQuery, type SearchQuery, TERM_KIND } from '../../src/search/query.ts';
import { deleteSearchRow, upsertSearchRow, upsertSearchRowBySlug } from '../../src/search/statements.ts';
import { PREFIX_COMPLETIONS, SEARCH_COUNT_SQL, SEARCH_SQL, searchArticles } from '../../src/store/search.ts';
import { CORPUS, type CorpusArticle, EVAL_NOW } from './corpus.ts';
import { seed } from './seed.ts';

function ok(input: string): SearchQuery {
  const q = parseQuery(input);
  if (!q.ok) throw new Error(`refused ${input}: ${q.message}`);
  return q;
}
const slugs = async (input: string, now = EVAL_NOW) =>
  (await searchArticles(env.DB, ok(input), { now })).items.map((i) => i.slug);

// 25 articles about the same harbour, one a day, after the corpus (ids 1000+).
const HARBOUR: CorpusArticle[] = Array.from({ length: 25 }, (_, i) => ({
  slug: `harbour-${i}`,
  title: `تقرير رقم ${i + 1} عن ميناء صور`,
  text: 'وصلت إلى ميناء صور سفينة شحن جديدة.',
  publishedAt: new Date(Date.UTC(2025, 5, 1 + i)).toISOString(),
}));

beforeAll(async () => {
  await seed(env.DB, CORPUS);
  await seed(env.DB, HARBOUR, 1000);
});

describe('hostile queries', () => {
  const HOSTILE = [
    '"',
    '""',
    '*',
    '^',
    ':',
    'title:x',
    'title:بيروت',
    '{title body}: بيروت',
    'body_stem:بيروت',
    'NEAR(a b)',
    'NEAR("بيروت" "مرفأ", 3)',
    'a AND',
    'AND',
    'OR',
    'NOT x',
    'بيروت OR طرابلس',
    'بيروت NOT طرابلس',
    '(',
    ')',
    '(بيروت',
    'بيروت)',
    '"بيروت',
    'بيروت"',
    '"مرفأ "بيروت"',
    "'",
    "'; DROP TABLE articles; --",
    '*بيروت',
    'بيروت*',
    '^بيروت',
    '-بيروت',
    '+بيروت',
    '\\',
    '%_',
    '\u0000بيروت\u001f',
    '\u0007\u0008\u001b[31m',
    '\u200fبيروت\u200e',
    'بي\u200dروت',
    '\ud800',
    '🙂',
    'بيروت 🙂🇱🇧',
    'ب'.repeat(200),
    'بيروت '.repeat(100),
    'x'.repeat(500),
  ];

  it.each(HOSTILE.map((q) => [JSON.stringify(q).slice(0, 60), q]))('%s: results or a clear problem', async (_, q) => {
    const parsed = parseQuery(q);
    if (!parsed.ok) {
      expect(['empty', 'too-long', 'no-words']).toContain(parsed.problem);
      expect(parsed.message).toMatch(/[\u0600-\u06ff]/);
      return;
    }
    const page = await searchArticles(env.DB, parsed, { now: EVAL_NOW });
    expect(page.total).toBe(page.items.length);
  });

  it('searches syntax characters as the text around them', async () => {
    const beirut = await slugs('بيروت');
    for (const q of ['(بيروت', 'بيروت)', '"بيروت', '^بيروت', '*بيروت', '\u0000بيروت\u001f', 'بيروت 🙂🇱🇧']) {
      expect(await slugs(q), q).toEqual(beirut);
    }
    expect(await slugs('title:بيروت')).toEqual([]);
    expect(await slugs('بيروت OR طرابلس')).toEqual([]);
  });

  it('refuses 500 characters as too long', () => {
    expect(parseQuery('x'.repeat(500))).toMatchObject({ ok: false, problem: 'too-long' });
  });
});

describe('pagination', () => {
  it('pages through the results, newest first among equals, with a total and the next offset', async () => {
    const q = ok('ميناء صور');
    const pages = [];
    for (const offset of [0, 10, 20]) pages.push(await searchArticles(env.DB, q, { offset, now: EVAL_NOW }));
    expect(pages.map((p) => p.items.length)).toEqual([10, 10, 5]);
    expect(pages.map((p) => p.total)).toEqual([25, 25, 25]);
    expect(pages.map((p) => p.nextOffset)).toEqual([10, 20, null]);
    expect(pages.map((p) => p.capped)).toEqual([false, false, false]);
    // Equally relevant (same words, same length): newest first.
    const all = pages.flatMap((p) => p.items.map((i) => i.slug));
    expect(all).toEqual(HARBOUR.map((a) => a.slug).reverse());
  });

  it('still knows the total past the last page', async () => {
    const page = await searchArticles(env.DB, ok('ميناء صور'), { offset: 40, now: EVAL_NOW });
    expect(page).toEqual({ items: [], total: 25, capped: false, nextOffset: null });
  });

  it('ranks only the newest candidates when a query matches more, and says the total is capped', async () => {
    const page = await searchArticles(env.DB, ok('ميناء صور'), { limit: 50, now: EVAL_NOW, candidates: 20 });
    expect(page.total).toBe(20);
    expect(page.capped).toBe(true);
    expect(page.items.map((i) => i.slug)).toEqual(
      HARBOUR.slice(5)
        .map((a) => a.slug)
        .reverse(),
    );
    const past = await searchArticles(env.DB, ok('ميناء صور'), { offset: 30, now: EVAL_NOW, candidates: 20 });
    expect(past).toEqual({ items: [], total: 20, capped: true, nextOffset: null });
  });

  it('returns what a result needs', async () => {
    const [item] = (await searchArticles(env.DB, ok('احمد'), { now: EVAL_NOW })).items;
    expect(item).toMatchObject({
      slug: 'ahmad-novel-prize',
      title: 'الروائي أحمد خالد يفوز بجائزة الرواية العربية',
      published_at: '2024-04-25T20:00:00+03:00',
      published_ms: Date.parse('2024-04-25T20:00:00+03:00'),
    });
    expect(item?.body).toContain('كَتَبَ');
  });
});

describe('index upkeep', () => {
  const id = 5000;
  const article: CorpusArticle = {
    slug: 'upkeep',
    title: 'عنوان أول عن الزعتر',
    text: 'نص عن الزعتر البري.',
    publishedAt: '2024-01-01T00:00:00+02:00',
  };

  it('replaces an article’s row when it changes, and drops it when the article is taken down', async () => {
    await seed(env.DB, [article], id);
    expect(await slugs('الزعتر')).toEqual(['upkeep']);

    await env.DB.batch([
      upsertSearchRow(env.DB, { id, title: 'عنوان جديد عن السماق', text: 'نص عن السماق.', tags: [] }),
    ]);
    expect(await slugs('الزعتر')).toEqual([]);
    expect(await slugs('السماق')).toEqual(['upkeep']);
    const rows = await env.DB.prepare('SELECT count(*) AS n FROM article_search WHERE rowid = ?').bind(id).first('n');
    expect(rows).toBe(1);

    await env.DB.prepare('DELETE FROM articles WHERE slug = ?').bind('upkeep').run();
    expect(await slugs('السماق')).toEqual([]);
    const left = await env.DB.prepare('SELECT count(*) AS n FROM article_search WHERE article_search MATCH ?')
      .bind('"السماق"')
      .first('n');
    expect(left).toBe(0);
  });

  it('indexes by slug in the same batch as the article row, and deletes by id', async () => {
    await seed(env.DB, [{ ...article, slug: 'by-slug' }], id + 1, { index: false });
    await env.DB.batch([
      upsertSearchRowBySlug(env.DB, { slug: 'by-slug', title: 'الكشك', text: 'كشك بلدي.', tags: [] }),
    ]);
    expect(await slugs('الكشك')).toEqual(['by-slug']);
    await env.DB.batch([deleteSearchRow(env.DB, id + 1)]);
    expect(await slugs('الكشك')).toEqual([]);
  });

  it('never returns an index row whose article is gone', async () => {
    await env.DB.batch([
      upsertSearchRow(env.DB, { id: 9999, title: 'يتيم', text: 'صف بلا مقال عن الفستق.', tags: [] }),
    ]);
    expect(await slugs('الفستق')).toEqual([]);
  });
});

describe('query plan', () => {
  it.each([
    ['SEARCH_SQL', SEARCH_SQL],
    ['SEARCH_COUNT_SQL', SEARCH_COUNT_SQL],
  ])('%s reaches articles by primary key and never scans it', async (_, sql) => {
    const q = ok('بيروت');
    const prefixes = JSON.stringify(q.prefixes.map((p) => [TERM_KIND[p.kind], p.text]));
    const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .bind(
        ...(sql === SEARCH_SQL
          ? [q.template, EVAL_NOW, 10, 0, 1000, prefixes, PREFIX_COMPLETIONS]
          : [q.template, EVAL_NOW, 1000, prefixes, PREFIX_COMPLETIONS]),
      )
      .all<{ detail: string }>();
    const details = plan.results.map((r) => r.detail);
    console.log(`${_}:\n  ${details.join('\n  ')}`);
    expect(details.some((d) => /VIRTUAL TABLE INDEX/.test(d))).toBe(true);
    expect(details.some((d) => /SEARCH a USING INTEGER PRIMARY KEY/.test(d))).toBe(true);
    expect(details.filter((d) => /SCAN (a|articles)\b/.test(d))).toEqual([]);
    // A prefix's completions are one range of the terms' primary key.
    expect(details).toContain('SEARCH t USING PRIMARY KEY (kind=? AND term>? AND term<?)');
  });
});
