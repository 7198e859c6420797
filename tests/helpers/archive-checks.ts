/**
 * What a reader finds in the archive's lists, checked the ways a reader and a partner app read them: by cursor,
 * by page number, and through the HTML pages. Used after a publish was cut off (tests/archive/publish-abort.test.ts
 * in workerd, tests/node/publish-kill.test.ts after a kill -9 of the real script).
 */
import { expect } from 'vitest';

type Get = (path: string) => Promise<Response>;
type Page = { items: { slug: string }[]; total: number; next: string | null };

/**
 * Crawls one list (`all` or a tag) by cursor and by page number and opens every HTML page of it: `total` is what
 * the crawl finds, each article once, pages in the cursor's order, every page up to the last answering 200.
 * Returns the slugs, newest first. `limit`: the JSON page size (small, to cross pages in a small archive).
 */
export async function expectWholeList(get: Get, list: string, limit = 50): Promise<string[]> {
  const json = async (path: string) => (await (await get(path)).json()) as Page;
  const query = list === 'all' ? '' : `&tag=${encodeURIComponent(list)}`;
  const first = await json(`/api/articles?limit=${limit}${query}`);
  const byCursor = first.items.map((a) => a.slug);
  for (let next = first.next; next; ) {
    const page = await json(new URL(next).pathname + new URL(next).search);
    byCursor.push(...page.items.map((a) => a.slug));
    next = page.next;
  }
  expect(new Set(byCursor).size, `${list}: each article once by cursor`).toBe(byCursor.length);
  expect(byCursor.length, `${list}: total is what a crawl finds`).toBe(first.total);
  const byPage: string[] = [];
  for (let page = 1; page <= Math.ceil(first.total / limit); page++) {
    const { items, total } = await json(`/api/articles?limit=${limit}&page=${page}${query}`);
    expect(total, `${list}: total on page ${page}`).toBe(first.total);
    byPage.push(...items.map((a) => a.slug));
  }
  expect(byPage, `${list}: pages find what the cursor finds, in order`).toEqual(byCursor);
  const htmlFirst = list === 'all' ? '/' : `/tags/${encodeURIComponent(list)}`;
  expect((await get(htmlFirst)).status, htmlFirst).toBe(200);
  for (let page = 2; page <= Math.ceil(first.total / 20); page++) {
    const path = list === 'all' ? `/page/${page}` : `${htmlFirst}/page/${page}`;
    expect((await get(path)).status, path).toBe(200);
  }
  return byCursor;
}

/** Every list in D1 is numbered 1..n, with no gap and no repeat. */
export async function expectNumbered(db: D1Database): Promise<void> {
  const { results } = await db
    .prepare(
      'SELECT list, count(*) AS n, min(seq) AS lo, max(seq) AS hi, count(DISTINCT seq) AS distinct_seq FROM listings GROUP BY list',
    )
    .all<{ list: string; n: number; lo: number; hi: number; distinct_seq: number }>();
  for (const r of results) expect([r.list, r.lo, r.hi, r.distinct_seq]).toEqual([r.list, 1, r.n, r.n]);
}
