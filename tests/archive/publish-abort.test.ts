/**
 * A publish cut off after any batch leaves an archive readers can use: every list whole and numbered, `total`
 * equal to what a crawl finds, every page up to the last answering 200. The next run completes it.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/content/types.ts';
import { publishArticles } from '../../src/publish/publish.ts';
import { testApp } from '../helpers/app.ts';
import { article } from '../helpers/articles.ts';
import { recordingD1 } from '../helpers/d1.ts';

const NOW = new Date('2025-01-01T00:00:00Z');
const TAGS = ['لبنان', 'اقتصاد'];
const make = (slug: string, day: number, extra = '') =>
  article(
    `content/${slug}.md`,
    `---\ntitle: خبر ${slug}\nslug: ${slug}\ndate: 2024-03-${String(day).padStart(2, '0')}T10:00:00\ntags: [${TAGS[day % 2]}]\ntop: ${day % 4 === 0}\n${extra}---\n\nنص ${slug}.\n`,
  );

// Before: 12 articles, a day each. After: 8 newer ones on top, 2 backdated ones in the middle, one moved to a
// later day and to the other tag, and two taken down.
const BEFORE = Array.from({ length: 12 }, (_, i) => make(`old${i + 1}`, i + 1));
const AFTER: Article[] = [
  ...BEFORE.filter((a) => a.slug !== 'old3' && a.slug !== 'old7' && a.slug !== 'old5'),
  make('old5', 20),
  ...Array.from({ length: 8 }, (_, i) => make(`new${i + 1}`, 13 + i)),
  make('back1', 4, 'summary: مؤرخ بتاريخ سابق\n'),
  make('back2', 9, 'summary: مؤرخ بتاريخ سابق\n'),
];
const PER_BATCH = 3;
// 11 articles in batches of 3, then the takedowns: 5 write batches.
const WRITE_BATCHES = 5;

async function emptyArchive() {
  await env.DB.batch(
    ['listings', 'article_tags', 'takedowns', 'dirty_lists', 'articles'].map((t) => env.DB.prepare(`DELETE FROM ${t}`)),
  );
}

type Page = { items: { slug: string }[]; total: number; next: string | null };

/** What a reader finds in one list: by cursor, by page number, through its HTML pages; all must agree. */
async function expectWhole(list: string) {
  const site = testApp({ bindings: env, now: () => NOW.getTime() });
  const json = async (path: string) => (await (await site.request(path)).json()) as Page;
  const query = list === 'all' ? '' : `&tag=${encodeURIComponent(list)}`;
  const first = await json(`/api/articles?limit=4${query}`);
  const byCursor = first.items.map((a) => a.slug);
  for (let next = first.next; next; ) {
    const page = await json(next.replace('https://al-ayyam.example', ''));
    byCursor.push(...page.items.map((a) => a.slug));
    next = page.next;
  }
  expect(new Set(byCursor).size, `${list}: each article once by cursor`).toBe(byCursor.length);
  expect(byCursor.length, `${list}: total is what a crawl finds`).toBe(first.total);
  const byPage: string[] = [];
  for (let page = 1; page <= Math.ceil(first.total / 4); page++) {
    const { items, total } = await json(`/api/articles?limit=4&page=${page}${query}`);
    expect(total).toBe(first.total);
    byPage.push(...items.map((a) => a.slug));
  }
  expect(byPage, `${list}: pages find what the cursor finds, in order`).toEqual(byCursor);
  // HTML pages hold 20: with a small page size the pages would not be crossed, so read the archive lists too.
  const htmlFirst = list === 'all' ? '/' : `/tags/${encodeURIComponent(list)}`;
  expect((await site.request(htmlFirst)).status).toBe(200);
  const lastPage = Math.ceil(first.total / 20);
  for (let page = 2; page <= lastPage; page++) {
    const path = list === 'all' ? `/page/${page}` : `${htmlFirst}/page/${page}`;
    expect((await site.request(path)).status, path).toBe(200);
  }
  return byCursor;
}

/** Every list in D1 is numbered 1..n with no gap or repeat. */
async function expectNumbered() {
  const { results } = await env.DB.prepare(
    'SELECT list, count(*) AS n, min(seq) AS lo, max(seq) AS hi, count(DISTINCT seq) AS distinct_seq FROM listings GROUP BY list',
  ).all<{ list: string; n: number; lo: number; hi: number; distinct_seq: number }>();
  for (const r of results) expect([r.list, r.lo, r.hi, r.distinct_seq]).toEqual([r.list, 1, r.n, r.n]);
}

describe('a publish cut off after any batch', () => {
  it(`writes ${WRITE_BATCHES} batches in this scenario`, async () => {
    await emptyArchive();
    await publishArticles(env.DB, BEFORE, { now: NOW });
    const recorder = recordingD1(env.DB);
    await publishArticles(recorder.db, AFTER, { now: NOW, perBatch: PER_BATCH });
    const batches = recorder.statements.filter((s) => s.sql.startsWith('DELETE FROM dirty_lists')).length;
    expect(batches).toBe(WRITE_BATCHES);
  });

  for (let k = 0; k < WRITE_BATCHES; k++) {
    it(`after ${k} of ${WRITE_BATCHES} batches: every list whole and numbered; the next run completes it`, async () => {
      await emptyArchive();
      await publishArticles(env.DB, BEFORE, { now: NOW });
      const failing = recordingD1(env.DB, { failWriteBatch: k + 1 });
      await expect(publishArticles(failing.db, AFTER, { now: NOW, perBatch: PER_BATCH })).rejects.toThrow(
        'injected failure',
      );
      await expectNumbered();
      const listed = await expectWhole('all');
      for (const tag of TAGS) await expectWhole(tag);
      // Nothing published is lost while the run is cut off: every article of before or after is there or gone.
      expect(listed.length).toBeGreaterThanOrEqual(BEFORE.length - 3);

      const plan = await publishArticles(env.DB, AFTER, { now: NOW, perBatch: PER_BATCH });
      expect(plan.unchanged).toBeGreaterThan(0);
      await expectNumbered();
      expect((await expectWhole('all')).sort()).toEqual(AFTER.map((a) => a.slug).sort());
      for (const tag of TAGS) await expectWhole(tag);
    });
  }
});
