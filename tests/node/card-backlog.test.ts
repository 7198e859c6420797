/**
 * Share cards for the back catalogue: each publish run also gives up to `cardBacklog` (`--cards N`) older articles
 * without a card theirs, newest first, reports how many are left, puts each card in R2 before D1 names it, and
 * changes the article's version with it, so a page cached with the old og:image is not served again.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { describeReport } from '../../src/publish/node/publish-report.ts';
import type { PublishOutcome } from '../../src/publish/node/run-publish.ts';
import { memoryR2 } from './support/memory-r2.ts';
import { localOpener, type PublishProject, publishProject } from './support/publish-project.ts';

const projects: PublishProject[] = [];
afterEach(() => {
  for (const project of projects.splice(0)) project.close();
});

/** Articles from long before the tests' clock (NOW, 2025): outside the 30-day window, so built without a card. */
const old = (slug: string, date: string) => `---\ntitle: خبر ${slug}\nslug: ${slug}\ndate: ${date}\n---\n\nنص الخبر.\n`;

/** A project with two old articles: `newer` (2024) and `older` (2023). */
function catalogue() {
  const p = publishProject([]);
  projects.push(p);
  p.write('newer', old('newer', '2024-05-01T10:00:00'));
  p.write('older', old('older', '2023-05-01T10:00:00'));
  return p;
}

function reportOf(outcome: PublishOutcome) {
  if (outcome.kind !== 'published') throw new Error(`expected a report, got ${JSON.stringify(outcome)}`);
  return outcome.report;
}

/** slug → card and version, read from the project's database file. */
function rows(p: PublishProject): Map<string, { card: string | null; version: string }> {
  const db = new DatabaseSync(p.dbFile, { readOnly: true });
  try {
    const all = db.prepare('SELECT slug, card, version FROM articles').all() as {
      slug: string;
      card: string | null;
      version: string;
    }[];
    return new Map(all.map((r) => [r.slug, { card: r.card, version: r.version }]));
  } finally {
    db.close();
  }
}

/** `db` checking, after each batch, that every card D1 names is in `objects` (R2); what it lacks goes in `missing`. */
function checkingCards(objects: ReadonlyMap<string, unknown>, missing: string[]) {
  return (db: D1Database): D1Database =>
    ({
      prepare: (sql: string) => db.prepare(sql),
      exec: (sql: string) => db.exec(sql),
      batch: async (statements: D1PreparedStatement[]) => {
        const results = await db.batch(statements);
        const { results: named } = await db
          .prepare('SELECT card FROM articles WHERE card IS NOT NULL')
          .all<{ card: string }>();
        for (const { card } of named) if (!objects.has(card)) missing.push(card);
        return results;
      },
    }) as unknown as D1Database;
}

describe('share cards for the back catalogue', () => {
  it('makes cards for the newest N articles without one per run, until none is left', async () => {
    const p = catalogue();
    const r2 = memoryR2();
    const first = reportOf(await p.publish({ cardBacklog: 1, openBindings: localOpener(r2.bucket) }));
    expect(first.cards).toEqual({ made: 1, backlog: 1 });
    expect(describeReport(first)).toMatch(/; cards: made 1, backlog 1; /);
    const afterFirst = rows(p);
    expect(afterFirst.get('newer')?.card).toMatch(/^card\/[0-9a-f]{16}\.png$/);
    expect(afterFirst.get('older')?.card).toBeNull();
    expect([...r2.objects.keys()]).toEqual([afterFirst.get('newer')?.card]);

    const second = reportOf(await p.publish({ cardBacklog: 1, openBindings: localOpener(r2.bucket) }));
    expect(second.cards).toEqual({ made: 1, backlog: 0 });
    expect(describeReport(second)).toMatch(/^Published to local D1 and R2: .*; cards: made 1, backlog 0; /);
    const afterSecond = rows(p);
    expect(afterSecond.get('newer')?.card).toBe(afterFirst.get('newer')?.card);
    expect(afterSecond.get('older')?.card).toMatch(/^card\/[0-9a-f]{16}\.png$/);
    expect([...r2.objects.keys()].sort()).toEqual(
      [afterSecond.get('newer')?.card, afterSecond.get('older')?.card].sort(),
    );

    const third = reportOf(await p.publish({ cardBacklog: 1, openBindings: localOpener(r2.bucket) }));
    expect(describeReport(third)).toMatch(/^Nothing to publish: .*; cards: made 0, backlog 0; /);
  });

  it('makes none with a backlog of 0', async () => {
    const p = catalogue();
    const r2 = memoryR2();
    const report = reportOf(await p.publish({ cardBacklog: 0, openBindings: localOpener(r2.bucket) }));
    expect(report.cards).toEqual({ made: 0, backlog: 2 });
    expect(describeReport(report)).toMatch(/; cards: made 0, backlog 2; /);
    expect([...rows(p).values()].map((r) => r.card)).toEqual([null, null]);
    expect(r2.calls.filter((call) => call.startsWith('put '))).toEqual([]);
  });

  it('puts each card in R2 before D1 names it', async () => {
    const p = catalogue();
    const r2 = memoryR2();
    const missing: string[] = [];
    const report = reportOf(
      await p.publish({ cardBacklog: 2, openBindings: localOpener(r2.bucket, checkingCards(r2.objects, missing)) }),
    );
    expect(report.cards).toEqual({ made: 2, backlog: 0 });
    expect(missing).toEqual([]);
    for (const { card } of rows(p).values()) expect(r2.objects.has(card as string)).toBe(true);
  });

  it("changes the article's version with its card, as rebuilding the article would", async () => {
    const p = catalogue();
    const r2 = memoryR2();
    reportOf(await p.publish({ cardBacklog: 0, openBindings: localOpener(r2.bucket) }));
    const before = rows(p);
    reportOf(await p.publish({ cardBacklog: 2, openBindings: localOpener(r2.bucket) }));
    const after = rows(p);
    for (const slug of ['newer', 'older']) {
      expect(after.get(slug)?.card, slug).toMatch(/^card\//);
      expect(after.get(slug)?.version, slug).not.toBe(before.get(slug)?.version);
    }
    // Rebuilt from their files, the articles keep their cards and are found unchanged: no needless rewrite.
    const full = reportOf(await p.publish({ full: true, openBindings: localOpener(r2.bucket) }));
    expect(full.plan).toMatchObject({ added: [], updated: [], removed: [], unchanged: 2 });
    expect(rows(p)).toEqual(after);
  });

  it('gives the seed article of content/ its 1200 × 630 card over its photo', async () => {
    const p = publishProject([]);
    projects.push(p);
    const r2 = memoryR2();
    const report = reportOf(await p.publish({ content: resolve('content'), openBindings: localOpener(r2.bucket) }));
    expect(report.cards.backlog).toBe(0);
    const card = rows(p).get('قمة-كيم-بوتين')?.card;
    expect(card).toMatch(/^card\/[0-9a-f]{16}\.jpg$/);
    const stored = r2.objects.get(card as string);
    expect(stored?.contentType).toBe('image/jpeg');
    expect(await sharp(stored?.bytes).metadata()).toMatchObject({ width: 1200, height: 630, format: 'jpeg' });
  }, 60_000);
});

describe('content:publish --cards', () => {
  it('refuses a count that is not a whole number, before touching anything', () => {
    const run = spawnSync(
      process.execPath,
      ['--experimental-strip-types', '--no-warnings', 'scripts/publish.ts', '--local', '--cards', 'many'],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'content:publish: --cards expects a whole number of share cards (0 for none), got "many"\n',
    );
  });
});
