/**
 * A publish cut off after any batch leaves an archive readers can use: every list whole and numbered, `total`
 * equal to what a crawl finds, every page up to the last answering 200. The next run completes it.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/content/types.ts';
import { publishArticles } from '../../src/publish/publish.ts';
import { testApp } from '../helpers/app.ts';
import { expectNumbered, expectWholeList } from '../helpers/archive-checks.ts';
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

/** Checks one list the ways readers read it, through a fresh isolate (no cached copies). */
const expectWhole = (list: string) => {
  const site = testApp({ bindings: env, now: () => NOW.getTime() });
  return expectWholeList(site.request, list, 4);
};

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
      await expectNumbered(env.DB);
      const listed = await expectWhole('all');
      for (const tag of TAGS) await expectWhole(tag);
      // Nothing published is lost while the run is cut off: every article of before or after is there or gone.
      expect(listed.length).toBeGreaterThanOrEqual(BEFORE.length - 3);

      const plan = await publishArticles(env.DB, AFTER, { now: NOW, perBatch: PER_BATCH });
      expect(plan.unchanged).toBeGreaterThan(0);
      await expectNumbered(env.DB);
      expect((await expectWhole('all')).sort()).toEqual(AFTER.map((a) => a.slug).sort());
      for (const tag of TAGS) await expectWhole(tag);
    });
  }
});
