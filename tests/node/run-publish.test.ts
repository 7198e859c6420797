/**
 * runPublish, the publish step as a function: what it returns (the plan, media, files read and skipped, time,
 * warnings), the order of its writes (R2 before the article rows, unused media deleted after them), and what it
 * leaves when the content has problems.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { describeReport } from '../../src/publish/node/publish-report.ts';
import { purgeClient, purgeFromEnv } from '../../src/publish/node/purge-client.ts';
import type { PublishOutcome } from '../../src/publish/node/run-publish.ts';
import { articleTag, FEEDS_TAG, SITEMAPS_TAG } from '../../src/site/tags.ts';
import { memoryR2 } from './support/memory-r2.ts';
import { article, localOpener, type PublishProject, publishProject } from './support/publish-project.ts';

const projects: PublishProject[] = [];
afterEach(() => {
  for (const project of projects.splice(0)) project.close();
});
function project(slugs?: string[]) {
  const made = publishProject(slugs);
  projects.push(made);
  return made;
}

function reportOf(outcome: PublishOutcome) {
  if (outcome.kind !== 'published') throw new Error(`expected a report, got ${JSON.stringify(outcome)}`);
  return outcome.report;
}

/** `db` noting each batch that writes into `events`, beside the R2 calls memoryR2 notes there. */
function notingWrites(events: string[]) {
  return (db: D1Database): D1Database =>
    ({
      prepare: (sql: string) => db.prepare(sql),
      exec: (sql: string) => db.exec(sql),
      batch: (statements: (D1PreparedStatement & { sql: string })[]) => {
        if (statements.some((s) => !/^\s*SELECT\b/i.test(s.sql))) events.push('write D1');
        return db.batch(statements);
      },
    }) as unknown as D1Database;
}

describe('runPublish', () => {
  it('returns what it did, and on a second run that nothing changed without reading the files', async () => {
    const p = project(['a', 'b']);
    const r2 = memoryR2();
    const report = reportOf(await p.publish({ openBindings: localOpener(r2.bucket) }));
    expect(report).toMatchObject({
      where: 'local D1 and R2',
      drafts: 0,
      media: { processed: 0, uploaded: 2, deleted: 0 },
      cards: { made: 2, backlog: 0 },
      files: { read: 2, skipped: 0 },
      seconds: 0,
      warnings: [],
    });
    expect(describeReport(report)).toBe(
      'Published to local D1 and R2: added 2, updated 0, removed 0, unchanged 0; media: 0 image(s) processed, 2 file(s) uploaded, 0 deleted; cards: made 2, backlog 0; 2 of 2 file(s) read (0 unchanged since published), in 0.0 s',
    );

    // Past the 2 s in which a changed file is always read: now the files' stamps vouch for them.
    await new Promise((ok) => setTimeout(ok, 2_100));
    expect(reportOf(await p.publish({ openBindings: localOpener(r2.bucket) })).files).toEqual({ read: 2, skipped: 0 });
    const again = reportOf(await p.publish({ openBindings: localOpener(r2.bucket) }));
    expect(describeReport(again)).toBe(
      'Nothing to publish: local D1 and R2 is up to date (added 0, updated 0, removed 0, unchanged 2; media: 0 image(s) processed, 0 file(s) uploaded, 0 deleted; cards: made 0, backlog 0; 0 of 2 file(s) read (2 unchanged since published)), in 0.0 s',
    );
  });

  it('takes the lock (a D1 write) first, puts media before the article rows, and deletes unused media after them', async () => {
    const p = project(['a']);
    const r2 = memoryR2();
    reportOf(await p.publish({ openBindings: localOpener(r2.bucket) }));
    const [before] = [...r2.objects.keys()];
    // A new headline: its new card goes up before the row names it, and the old card, unused, goes after.
    p.write('a', article('a').replace('title: خبر a', 'title: عنوان جديد'));
    r2.calls.length = 0;
    const report = reportOf(await p.publish({ openBindings: localOpener(r2.bucket, notingWrites(r2.calls)) }));
    const order = r2.calls
      .filter((call) => /^(write|put|delete)\b/.test(call))
      .map((call) => call.split(' ')[0])
      .filter((kind, i, all) => kind !== all[i - 1]);
    expect(order).toEqual(['write', 'put', 'write', 'delete']);
    expect(report.media).toMatchObject({ uploaded: 1, deleted: 1 });
    expect(r2.objects.has(before as string)).toBe(false);
    expect(r2.objects.size).toBe(1);
  });

  it('deletes what no run noted (an object put in R2 by hand) only on a --full run, which lists the bucket', async () => {
    const p = project(['a']);
    const r2 = memoryR2();
    r2.objects.set('card/0000000000000000.png', { bytes: new Uint8Array(1), contentType: 'image/png' });
    reportOf(await p.publish({ openBindings: localOpener(r2.bucket) }));
    expect(r2.calls.filter((call) => call.startsWith('list'))).toEqual([]);
    expect([...r2.objects.keys()]).toContain('card/0000000000000000.png');
    const full = reportOf(await p.publish({ full: true, openBindings: localOpener(r2.bucket) }));
    expect(full.media.deleted).toBe(1);
    expect([...r2.objects.keys()]).not.toContain('card/0000000000000000.png');
    expect(r2.objects.size).toBe(1);
  });

  it('writes nothing, uploads nothing and leaves no lock when the content has a problem', async () => {
    const p = project(['a']);
    p.write('bad', '---\ntitel: خبر\ndate: 2025-02-28\n---\nنص\n');
    const r2 = memoryR2();
    const outcome = await p.publish({ openBindings: localOpener(r2.bucket) });
    expect(outcome.kind).toBe('problems');
    expect(outcome.kind === 'problems' && outcome.problems).toEqual([
      expect.stringMatching(/^content\/bad\.md: titel: unknown field \(did you mean "title"\?\)/),
      'content/bad.md: title: required, expected a non-empty text',
    ]);
    expect(r2.calls).toEqual([]);
    expect(existsSync(join(p.stateDir, 'publish.lock'))).toBe(false);
  });

  it('only checks in check mode, opening no database', async () => {
    const p = project(['a']);
    p.write('draft', '---\ntitle: مسودة\ndate: 2025-02-28\ndraft: true\n---\nنص\n');
    const nothing = async () => {
      throw new Error('check mode opened the bindings');
    };
    expect(await p.publish({ mode: 'check', openBindings: nothing })).toEqual({
      kind: 'checked',
      articles: 1,
      drafts: 1,
      warnings: [],
    });
  });
});

describe('the purge after a publish', () => {
  it('purges the tags of what changed once D1 holds it, and only then', async () => {
    const p = project(['a', 'b']);
    const r2 = memoryR2();
    const purges: string[][] = [];
    const purge = async (tags: readonly string[]) => {
      // The rows are written before the purge: a cache refilled right after it gets the new state.
      const row = await readRow(p, 'b');
      purges.push([...tags, `b-title:${row}`]);
    };
    reportOf(await p.publish({ openBindings: localOpener(r2.bucket) }));
    p.write('b', article('b').replace('title: خبر b', 'title: عنوان جديد'));
    await new Promise((ok) => setTimeout(ok, 10));
    const report = reportOf(await p.publish({ openBindings: localOpener(r2.bucket), purge }));
    expect(purges).toEqual([[...[articleTag('b'), FEEDS_TAG, SITEMAPS_TAG].sort(), 'b-title:عنوان جديد']]);
    expect(report.purged).toBe(3);
    expect(describeReport(report)).toContain('; purged 3 cache tag(s), in');
    // Nothing changed: nothing to purge.
    expect(reportOf(await p.publish({ openBindings: localOpener(r2.bucket), purge })).purged).toBeNull();
    expect(purges).toHaveLength(1);
  });

  it('warns, and keeps what it published, when the purge fails', async () => {
    const p = project(['a']);
    const report = reportOf(
      await p.publish({
        openBindings: localOpener(memoryR2().bucket),
        purge: async () => {
          throw new Error('POST https://example.com/_purge answered 503: {}');
        },
      }),
    );
    expect(report.plan.added).toHaveLength(1);
    expect(report.purged).toBeNull();
    expect(p.log.warn).toEqual([
      'Workers Cache purge failed (POST https://example.com/_purge answered 503: {}): published all the same; cached pages refresh within 60 s.',
    ]);
  });

  it('is configured by PURGE_URL and PURGE_TOKEN together, and posts the tags with the token', async () => {
    expect(purgeFromEnv({})).toBeNull();
    expect(purgeFromEnv({ PURGE_TOKEN: 't' })).toEqual({
      invalid: 'set both PURGE_URL and PURGE_TOKEN to purge Workers Cache, or neither',
    });
    expect(purgeFromEnv({ PURGE_URL: 'example.com/_purge', PURGE_TOKEN: 't' })).toEqual({
      invalid: 'PURGE_URL is not an http(s) URL: "example.com/_purge"',
    });
    const sent: { url: string; init: RequestInit }[] = [];
    const fetcher = (async (url: string, init: RequestInit) => {
      sent.push({ url, init });
      return new Response('{}', { status: sent.length === 3 ? 401 : 200 });
    }) as unknown as typeof fetch;
    const purge = purgeClient('https://example.com/_purge', 'secret', fetcher);
    await purge(Array.from({ length: 1_500 }, (_, i) => `t${i}`));
    expect(sent.map((s) => (JSON.parse(String(s.init.body)) as { tags: string[] }).tags.length)).toEqual([1_000, 500]);
    expect(new Headers(sent[0]?.init.headers).get('Authorization')).toBe('Bearer secret');
    await expect(purge(['x'])).rejects.toThrow('POST https://example.com/_purge answered 401: {}');
  });
});

describe('the purge client', () => {
  /** A fetcher that records each request and answers `answer` (200 by default). */
  function recording(answer = () => new Response('{}')) {
    const sent: { url: string; init: RequestInit }[] = [];
    const fetcher = (async (url: string, init: RequestInit) => {
      sent.push({ url, init });
      return answer();
    }) as unknown as typeof fetch;
    return {
      sent,
      fetcher,
      sizes: () => sent.map((s) => (JSON.parse(String(s.init.body)) as { tags: string[] }).tags.length),
    };
  }
  const tags = (n: number) => Array.from({ length: n }, (_, i) => `t${i}`);

  it('posts JSON with the token, in requests of at most 1000 tags', async () => {
    const exactly = recording();
    await purgeClient('https://example.com/_purge', 'secret', exactly.fetcher)(tags(1_000));
    expect(exactly.sizes()).toEqual([1_000]);
    const [request] = exactly.sent;
    expect(request?.url).toBe('https://example.com/_purge');
    expect(request?.init.method).toBe('POST');
    expect(new Headers(request?.init.headers).get('Content-Type')).toBe('application/json');
    expect(JSON.parse(String(request?.init.body))).toEqual({ tags: tags(1_000) });

    const over = recording();
    await purgeClient('https://example.com/_purge', 'secret', over.fetcher)(tags(1_001));
    expect(over.sizes()).toEqual([1_000, 1]);
    const none = recording();
    await purgeClient('https://example.com/_purge', 'secret', none.fetcher)([]);
    expect(none.sent).toEqual([]);
  });

  it('fails with the first 200 characters of an error answer', async () => {
    const refused = recording(() => new Response(`${'x'.repeat(200)}TRUNCATED`, { status: 500 }));
    const purge = purgeClient('https://example.com/_purge', 'secret', refused.fetcher);
    const error = await purge(['a']).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(`POST https://example.com/_purge answered 500: ${'x'.repeat(200)}`);
  });

  it('takes an http or https PURGE_URL, and refuses any other scheme', () => {
    for (const url of ['https://example.com/_purge', 'http://localhost:8787/_purge']) {
      expect(typeof purgeFromEnv({ PURGE_URL: url, PURGE_TOKEN: 't' })).toBe('function');
    }
    for (const url of ['ftp://example.com/_purge', 'xhttps://example.com/_purge', 'not a url']) {
      expect(purgeFromEnv({ PURGE_URL: url, PURGE_TOKEN: 't' })).toEqual({
        invalid: `PURGE_URL is not an http(s) URL: "${url}"`,
      });
    }
  });
});

/** The stored title of `slug` in the project's local database. */
async function readRow(p: PublishProject, slug: string) {
  const db = new DatabaseSync(p.dbFile, { readOnly: true });
  try {
    return (db.prepare('SELECT title FROM articles WHERE slug = ?').get(slug) as { title: string } | undefined)?.title;
  } finally {
    db.close();
  }
}
