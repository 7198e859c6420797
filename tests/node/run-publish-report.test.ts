/**
 * runPublish as an editor sees it: the report's sums (uploads, images processed, cards made) and time, where it
 * published, progress lines at most every 5 s, site.yaml's sections and warnings, the file stamps of a remote run,
 * an older article keeping its card, what a failed run uploaded being deleted by the next one, a lock taken over
 * mid-run stopping the run, and the failures that are only warnings (saving the stamps, closing the database).
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PublishFault } from '../../src/publish/fault.ts';
import type { OpenBindings } from '../../src/publish/node/bindings.ts';
import { RENEW_EVERY_MS } from '../../src/publish/node/publish-lock.ts';
import type { PublishOutcome } from '../../src/publish/node/run-publish.ts';
import { sectionTag } from '../../src/site/tags.ts';
import { memoryD1 } from './support/bindings.ts';
import { localState } from './support/local-state.ts';
import { memoryR2 } from './support/memory-r2.ts';
import { article, localOpener, NOW, type PublishProject, publishProject } from './support/publish-project.ts';

const projects: PublishProject[] = [];
afterEach(() => {
  for (const project of projects.splice(0)) project.close();
  vi.useRealTimers();
});
function project(slugs?: string[]) {
  const made = publishProject(slugs);
  projects.push(made);
  return made;
}

function reportOf(outcome: PublishOutcome) {
  if (outcome.kind !== 'published') throw new Error(`expected a report, got ${JSON.stringify(outcome).slice(0, 300)}`);
  return outcome.report;
}

function faultOf(outcome: PublishOutcome): string {
  if (outcome.kind !== 'fault') throw new Error(`expected a fault, got ${JSON.stringify(outcome).slice(0, 300)}`);
  expect(outcome.fault).toBeInstanceOf(PublishFault);
  return outcome.fault.message;
}

const svg = (fill: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400"><rect width="600" height="400" fill="${fill}"/></svg>`;

/** An article outside the 30-day card window: its card comes from the backlog. */
const older = (slug: string, body = 'نص قديم.') =>
  `---\ntitle: خبر قديم ${slug}\nslug: ${slug}\ndate: 2024-01-10T10:00:00\nsummary: ملخص ${slug}\n---\n\n${body}\n`;

/** A clock at NOW that a test moves forward. */
function clock() {
  let ms = NOW.getTime();
  return { now: () => new Date(ms), advance: (by: number) => (ms += by) };
}

/** `db` calling `before(sqls)` before each batch it runs. */
function onBatch(before: (sqls: string[]) => Promise<void> | void) {
  return (db: D1Database): D1Database =>
    ({
      prepare: (sql: string) => db.prepare(sql),
      exec: (sql: string) => db.exec(sql),
      batch: async (statements: (D1PreparedStatement & { sql: string })[]) => {
        await before(statements.map((s) => s.sql));
        return db.batch(statements);
      },
    }) as unknown as D1Database;
}

/** Past the 2 s in which a file just written is always read again (it gets no stamp). */
const pastFresh = () => new Promise((ok) => setTimeout(ok, 2_100));

function sql(p: PublishProject, query: string) {
  const db = new DatabaseSync(p.dbFile, { readOnly: true });
  try {
    return db.prepare(query).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

describe('the report of a publish', () => {
  it('counts every upload: article media, writers’ photos and backlog cards; and every image processed and card made', async () => {
    const p = project([]);
    mkdirSync(join(p.root, 'content/media'));
    mkdirSync(join(p.root, 'content/authors'));
    writeFileSync(join(p.root, 'content/media/lead.svg'), svg('#3a3'));
    writeFileSync(join(p.root, 'content/media/rana.svg'), svg('#a33'));
    writeFileSync(
      join(p.root, 'content/authors/rana.md'),
      '---\nname: رنا\nrole: مراسلة\nphoto: media/rana.svg\n---\n\nسيرة.\n',
    );
    p.write('a', article('a').replace('summary:', 'image:\n  src: media/lead.svg\n  alt: صورة\nsummary:'));
    p.write('old', older('old'));
    const r2 = memoryR2();
    const report = reportOf(await p.publish({ openBindings: localOpener(r2.bucket) }));
    // Two images (the lead photo and the writer's), two cards: the new article's and the older one's (backlog).
    expect(report.media.processed).toBe(2);
    expect(report.cards).toEqual({ made: 2, backlog: 0 });
    const cards = [...r2.objects.keys()].filter((key) => key.startsWith('card/'));
    expect(cards).toHaveLength(2);
    // The images' variants, not their manifests (a note R2 keeps of each image processed).
    const images = [...r2.objects.keys()].filter((key) => key.startsWith('img/') && !key.endsWith('.json'));
    expect(report.media.uploaded).toBe(images.length + cards.length);
  });

  it('says how long it took, on its clock', async () => {
    const p = project(['a']);
    const time = clock();
    const r2 = memoryR2();
    const put = r2.bucket.put.bind(r2.bucket);
    r2.bucket.put = (async (...args: Parameters<R2Bucket['put']>) => {
      time.advance(2_500);
      return put(...args);
    }) as R2Bucket['put'];
    const report = reportOf(await p.publish({ now: time.now, openBindings: localOpener(r2.bucket) }));
    expect(report.seconds).toBe(2.5);
  });

  it('logs a progress line of the article writes at most every 5 s', async () => {
    // Bodies big enough that each article is a batch of its own.
    const p = project([]);
    for (const slug of ['a', 'b', 'c']) p.write(slug, article(slug, 'نص الخبر الطويل. '.repeat(6_000)));
    const time = clock();
    const ticking = onBatch((sqls) => {
      if (sqls.some((s) => /^\s*INSERT INTO articles\b/i.test(s))) time.advance(2_500);
    });
    const report = reportOf(await p.publish({ now: time.now, openBindings: localOpener(memoryR2().bucket, ticking) }));
    expect(report.plan.added).toHaveLength(3);
    // After 2.5 s: none; after 5 s: one; 2.5 s later: none.
    expect(p.log.info).toEqual(['  2 / 3 written']);
  });

  it.each([
    [5_000, ['  1 / 1 share card(s) made']],
    [4_999, []],
  ])('logs a progress line of the backlog cards once 5 s passed (%i ms: %j)', async (took, lines) => {
    const p = project([]);
    p.write('old', older('old'));
    const time = clock();
    const r2 = memoryR2();
    const put = r2.bucket.put.bind(r2.bucket);
    r2.bucket.put = (async (...args: Parameters<R2Bucket['put']>) => {
      time.advance(took);
      return put(...args);
    }) as R2Bucket['put'];
    const report = reportOf(await p.publish({ now: time.now, openBindings: localOpener(r2.bucket) }));
    expect(report.cards.made).toBe(1);
    expect(p.log.info).toEqual(lines);
  });

  it('publishes site.yaml’s sections: their pages are purged, and a section no article has is a warning', async () => {
    const p = project([]);
    writeFileSync(
      join(p.root, 'content/site.yaml'),
      'sections:\n  - name: لبنان\n    slug: lebanon\n    tags: [لبنان]\n  - name: رياضة\n    slug: sports\n    tags: [رياضة]\n',
    );
    p.write('a', article('a').replace('summary:', 'tags: [لبنان]\nsummary:'));
    const purged: string[] = [];
    const report = reportOf(
      await p.publish({
        openBindings: localOpener(memoryR2().bucket),
        purge: async (tags) => {
          purged.push(...tags);
        },
      }),
    );
    expect(purged).toContain(sectionTag('lebanon'));
    expect(report.warnings).toEqual([expect.stringMatching(/^content\/site\.yaml: .*رياضة/)]);
    expect(p.log.warn).toEqual(report.warnings);
  });

  it('files a new article under its section even when site.yaml did not change', async () => {
    const p = project([]);
    writeFileSync(
      join(p.root, 'content/site.yaml'),
      'sections:\n  - name: لبنان\n    slug: lebanon\n    tags: [لبنان]\n  - name: رياضة\n    slug: sports\n    tags: [رياضة]\n',
    );
    p.write('a', article('a').replace('summary:', 'tags: [رياضة]\nsummary:'));
    const r2 = memoryR2();
    reportOf(await p.publish({ openBindings: localOpener(r2.bucket) }));
    p.write('b', article('b').replace('summary:', 'tags: [لبنان]\nsummary:'));
    const purged: string[] = [];
    reportOf(
      await p.publish({
        openBindings: localOpener(r2.bucket),
        purge: async (tags) => {
          purged.push(...tags);
        },
      }),
    );
    // The Lebanon section's page now lists it; the sports one is as it was.
    expect(purged).toContain(sectionTag('lebanon'));
    expect(purged).not.toContain(sectionTag('sports'));
  });

  it('finds site-absolute images in the public folder by default', async () => {
    const p = project([]);
    mkdirSync(join(p.root, 'public/images'));
    writeFileSync(join(p.root, 'public/images/lead.svg'), svg('#33a'));
    p.write('a', article('a').replace('summary:', 'image:\n  src: /images/lead.svg\n  alt: صورة\nsummary:'));
    const outcome = await p.publish({ public: undefined, openBindings: localOpener(memoryR2().bucket) });
    expect(reportOf(outcome).plan.added.map((a) => a.slug)).toEqual(['a']);
  });

  it('only checks, in check mode: content problems are returned, warnings logged, and no clock is needed', async () => {
    const p = project(['a']);
    writeFileSync(
      join(p.root, 'content/site.yaml'),
      'sections:\n  - name: رياضة\n    slug: sports\n    tags: [رياضة]\n',
    );
    const checked = await p.publish({ mode: 'check', now: undefined });
    expect(checked).toMatchObject({ kind: 'checked', articles: 1, drafts: 0 });
    const warnings = checked.kind === 'checked' ? checked.warnings : [];
    expect(warnings).toEqual([expect.stringMatching(/^content\/site\.yaml: .*رياضة/)]);
    expect(p.log.warn).toEqual(warnings);

    p.write('bad', '---\ntitel: خبر\ndate: 2025-02-28\n---\nنص\n');
    expect(await p.publish({ mode: 'check' })).toEqual({
      kind: 'problems',
      problems: [
        expect.stringMatching(/^content\/bad\.md: titel: /),
        'content/bad.md: title: required, expected a non-empty text',
      ],
    });
  });

  it('reads only the content folder by default, not the project’s other Markdown files', async () => {
    const p = project(['a']);
    writeFileSync(join(p.root, 'README.md'), '# The project\n\nNot an article.\n');
    const report = reportOf(await p.publish({ content: undefined, openBindings: localOpener(memoryR2().bucket) }));
    expect(report.plan.added.map((a) => a.slug)).toEqual(['a']);
    expect(report.files.read).toBe(1);
  });

  it('uses wrangler’s .wrangler/state by default, and keeps the file stamps there', async () => {
    const p = project(['a']);
    localState(join(p.root, '.wrangler/state'));
    await pastFresh();
    const report = reportOf(await p.publish({ persistTo: undefined, openBindings: localOpener(memoryR2().bucket) }));
    expect(report).toMatchObject({ where: 'local D1 and R2', warnings: [] });
    expect(existsSync(join(p.root, '.wrangler/state/content-stamps.json'))).toBe(true);
  });
});

/** The remote bindings as tests give them: an in-memory D1 and R2. */
function remoteOpener(db: D1Database, bucket: R2Bucket, close: () => Promise<void> = async () => {}): OpenBindings {
  return async () => ({ db, dbName: 'DB (remote)', media: async () => bucket, close });
}

describe('a remote publish', () => {
  it('says where it published, and keeps its file stamps in .wrangler/ so the next run skips unchanged files', async () => {
    const p = project(['a']);
    await pastFresh();
    const open = remoteOpener(await memoryD1(), memoryR2().bucket);
    const first = reportOf(await p.publish({ mode: 'remote', openBindings: open }));
    expect(first).toMatchObject({ where: 'remote D1 and R2', warnings: [], files: { read: 1, skipped: 0 } });
    expect(existsSync(join(p.root, '.wrangler/content-stamps.remote.json'))).toBe(true);
    expect(existsSync(join(p.stateDir, 'content-stamps.json'))).toBe(false);
    const second = reportOf(await p.publish({ mode: 'remote', openBindings: open }));
    expect(second.files).toEqual({ read: 0, skipped: 1 });
  });

  it('warns, and counts as published, when the database does not close', async () => {
    const p = project(['a']);
    const open = remoteOpener(await memoryD1(), memoryR2().bucket, async () => {
      throw new Error('socket hang up');
    });
    const outcome = await p.publish({ mode: 'remote', openBindings: open });
    expect(reportOf(outcome).plan.added).toHaveLength(1);
    expect(p.log.warn).toEqual(['Could not close DB (remote): Error: socket hang up']);
  });
});

describe('a publish whose lock is taken over while it runs', () => {
  /** Another run takes the lock row over; the run finds out at its next renewal (a minute later). */
  async function takeOver(db: D1Database) {
    await db.prepare("UPDATE publish_lock SET holder = 'another run'").run();
    await vi.advanceTimersByTimeAsync(RENEW_EVERY_MS);
  }
  const lost =
    'hold the publish lock DB (remote): another publish took it over after it expired; this run stopped before writing more: publish again';
  const lostPattern = lost.replace(/[()]/g, '\\$&');

  it('stops before uploading anything when it lost the lock while reading', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const p = project(['a']);
    const db = await memoryD1();
    const r2 = memoryR2();
    let taken = false;
    const watched = onBatch(async (sqls) => {
      if (!taken && sqls.some((s) => /FROM takedowns/.test(s))) {
        taken = true;
        await takeOver(db);
      }
    })(db);
    const fault = faultOf(await p.publish({ mode: 'remote', openBindings: remoteOpener(watched, r2.bucket) }));
    expect(fault).toBe(lost);
    expect(r2.calls).toEqual([]);
  });

  /** Another publish takes the lock over as this run uploads its first object to R2. */
  const loseLockOnFirstUpload = (db: D1Database, bucket: R2Bucket) => {
    const put = bucket.put.bind(bucket);
    let taken = false;
    bucket.put = (async (...args: Parameters<R2Bucket['put']>) => {
      if (!taken) {
        taken = true;
        await takeOver(db);
      }
      return put(...args);
    }) as R2Bucket['put'];
  };

  it('stops once the articles it is writing are written, when it lost the lock while uploading', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const p = project(['a', 'b', 'c', 'd']);
    const db = await memoryD1();
    const r2 = memoryR2();
    loseLockOnFirstUpload(db, r2.bucket);
    const fault = faultOf(await p.publish({ mode: 'remote', openBindings: remoteOpener(db, r2.bucket) }));
    // The four cards it uploaded stay until the next publish that succeeds uses or deletes them.
    expect(fault).toMatch(
      new RegExp(
        `^${lostPattern}; 4 object\\(s\\) this run uploaded to MEDIA \\(card/\\w+\\.png, card/\\w+\\.png, card/\\w+\\.png, and 1 more\\) stay there unused`,
      ),
    );
  });

  it('names every object it left in R2 when there are three', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const p = project(['a', 'b', 'c']);
    const db = await memoryD1();
    const r2 = memoryR2();
    loseLockOnFirstUpload(db, r2.bucket);
    const fault = faultOf(await p.publish({ mode: 'remote', openBindings: remoteOpener(db, r2.bucket) }));
    const keys = [...r2.objects.keys()];
    expect(keys).toHaveLength(3);
    expect(fault).toMatch(
      new RegExp(
        `^${lostPattern}; 3 object\\(s\\) this run uploaded to MEDIA \\((card/\\w+\\.png, ){2}card/\\w+\\.png\\) stay`,
      ),
    );
    for (const key of keys) expect(fault).toContain(key);
  });

  it('stops before drawing the backlog’s cards when it lost the lock after writing the articles', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const p = project([]);
    p.write('old', older('old'));
    const db = await memoryD1();
    const r2 = memoryR2();
    let taken = false;
    // Lost as the backlog reads which articles lack a card: the articles are written, no card is drawn.
    const watched = onBatch(async (sqls) => {
      if (!taken && sqls.some((s) => /WHERE card IS NULL/.test(s))) {
        taken = true;
        await takeOver(db);
      }
    })(db);
    const fault = faultOf(await p.publish({ mode: 'remote', openBindings: remoteOpener(watched, r2.bucket) }));
    expect(fault).toBe(lost);
    expect(taken).toBe(true);
    expect(r2.calls.filter((call) => call.startsWith('put '))).toEqual([]);
    expect(await db.prepare('SELECT slug FROM articles').all()).toMatchObject({ results: [{ slug: 'old' }] });
  });
});

describe('what a publish keeps and cleans up', () => {
  it('keeps an older article’s card when the article is edited: no card is made again', async () => {
    const p = project([]);
    p.write('old', older('old'));
    const r2 = memoryR2();
    const first = reportOf(await p.publish({ openBindings: localOpener(r2.bucket) }));
    expect(first.cards).toEqual({ made: 1, backlog: 0 });
    const [card] = sql(p, 'SELECT card FROM articles').map((row) => row.card);
    expect(card).toMatch(/^card\//);

    p.write('old', older('old', 'نص معدل.'));
    await new Promise((ok) => setTimeout(ok, 10));
    const edited = reportOf(await p.publish({ openBindings: localOpener(r2.bucket) }));
    expect(edited.plan.updated.map((a) => a.slug)).toEqual(['old']);
    expect(edited.cards).toEqual({ made: 0, backlog: 0 });
    expect(edited.media).toEqual({ processed: 0, uploaded: 0, deleted: 0 });
    expect(sql(p, 'SELECT card FROM articles').map((row) => row.card)).toEqual([card]);
  });

  it('deletes, on the next run, the card a failed run uploaded for an article since removed', async () => {
    const p = project(['a', 'b']);
    const r2 = memoryR2({
      failPut: (_key, n) => (n === 2 ? new Error('R2 put failed: 503 Service Unavailable') : undefined),
    });
    expect((await p.publish({ openBindings: localOpener(r2.bucket) })).kind).toBe('fault');
    expect(r2.objects.size).toBe(1);
    p.remove('a');
    p.remove('b');
    const next = reportOf(await p.publish({ openBindings: localOpener(r2.bucket) }));
    expect(next.media.deleted).toBe(1);
    expect(r2.objects.size).toBe(0);
  });

  it('deletes, on the next run, the photo a failed run uploaded for a writer since removed', async () => {
    const p = project([]);
    mkdirSync(join(p.root, 'content/media'));
    mkdirSync(join(p.root, 'content/authors'));
    writeFileSync(join(p.root, 'content/media/rana.svg'), svg('#a33'));
    const writer = join(p.root, 'content/authors/rana.md');
    writeFileSync(writer, '---\nname: رنا\nrole: مراسلة\nphoto: media/rana.svg\n---\n\nسيرة.\n');
    const r2 = memoryR2();
    // The writers' rows fail to write, after their photos went up.
    const failing = onBatch((sqls) => {
      if (sqls.some((s) => /^\s*INSERT INTO authors\b/i.test(s))) throw new Error('D1_ERROR: network lost');
    });
    expect((await p.publish({ openBindings: localOpener(r2.bucket, failing) })).kind).toBe('fault');
    expect(r2.objects.size).toBeGreaterThan(0);
    rmSync(writer);
    const next = reportOf(await p.publish({ openBindings: localOpener(r2.bucket) }));
    expect(next.media.deleted).toBeGreaterThan(0);
    expect(r2.objects.size).toBe(0);
  });
});

describe('failures a publish only warns about', () => {
  it('publishes all the same when it cannot save the file stamps', async () => {
    const p = project(['a']);
    const stamps = join(p.stateDir, 'content-stamps.json');
    // A folder where the stamps file goes: it cannot be written.
    mkdirSync(stamps);
    await pastFresh();
    const report = reportOf(await p.publish({ openBindings: localOpener(memoryR2().bucket) }));
    expect(report.plan.added).toHaveLength(1);
    expect(report.warnings).toEqual([
      expect.stringMatching(
        /^Could not save \/.*\/state\/content-stamps\.json \(.+\): published all the same; the next run may read unchanged files again\.$/,
      ),
    ]);
    expect(p.log.warn).toEqual(report.warnings);
  });
});

describe('a bug in a publish', () => {
  it('is thrown, not reported as a fault of the surroundings, when opening the bindings', async () => {
    const p = project(['a']);
    const buggy: OpenBindings = async () => {
      throw new TypeError('cannot read properties of undefined');
    };
    await expect(p.publish({ openBindings: buggy })).rejects.toThrow(TypeError);
  });

  it('is thrown, and the lock released, when it happens during the run', async () => {
    const p = project(['a']);
    const r2 = memoryR2();
    const open = localOpener(r2.bucket);
    const buggy: OpenBindings = async (wanted) => ({
      ...(await open(wanted)),
      media: async () => {
        throw new TypeError('media is not a function');
      },
    });
    await expect(p.publish({ openBindings: buggy })).rejects.toThrow(TypeError);
    expect(existsSync(join(p.stateDir, 'publish.lock'))).toBe(false);
  });
});
