/**
 * Publishing over the network (`--remote`), where every D1 and R2 call is a round trip: a run's calls do not grow
 * with the archive, R2 is never listed whole outside a `--full` run, and what a stopped run uploaded is deleted by
 * the next one from its notes (unused-media.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { shareCardKey } from '../../src/publish/node/media-publish.ts';
import type { PublishOutcome } from '../../src/publish/node/run-publish.ts';
import { memoryR2 } from './support/memory-r2.ts';
import { article, localOpener, type PublishProject, publishProject } from './support/publish-project.ts';

const projects: PublishProject[] = [];
afterEach(() => {
  for (const project of projects.splice(0)) project.close();
});
function project(slugs: string[]) {
  const made = publishProject(slugs);
  projects.push(made);
  return made;
}

function reportOf(outcome: PublishOutcome) {
  if (outcome.kind !== 'published') throw new Error(`expected a report, got ${JSON.stringify(outcome)}`);
  return outcome.report;
}

/** A D1 binding counting its round trips: each batch, and each statement's all/first/run/raw. */
function countingD1(trips: { n: number }) {
  return (db: D1Database): D1Database => {
    const wrap = (statement: D1PreparedStatement): D1PreparedStatement => {
      const trip = <T>(call: () => T) => {
        trips.n++;
        return call();
      };
      return {
        bind: (...values: unknown[]) => wrap(statement.bind(...values)),
        all: () => trip(() => statement.all()),
        first: (column?: string) => trip(() => (column === undefined ? statement.first() : statement.first(column))),
        run: () => trip(() => statement.run()),
        raw: () => trip(() => statement.raw()),
        inner: statement,
      } as unknown as D1PreparedStatement;
    };
    return {
      prepare: (sql: string) => wrap(db.prepare(sql)),
      exec: (sql: string) => db.exec(sql),
      batch: (statements: (D1PreparedStatement & { inner: D1PreparedStatement })[]) => {
        trips.n++;
        return db.batch(statements.map((s) => s.inner));
      },
    } as unknown as D1Database;
  };
}

/** An article from 2024, outside the card window of the tests' clock: it is built without drawing a card. */
const older = (slug: string, body = 'نص الخبر.') =>
  `---\ntitle: خبر ${slug}\nslug: ${slug}\ndate: 2024-05-01T10:00:00\n---\n\n${body}\n`;

describe('a publish run over the network', () => {
  it('makes the same D1 and R2 calls for one edit in an archive of 40 articles as of 400, and lists nothing', async () => {
    const calls = async (size: number) => {
      const p = project([]);
      for (let i = 0; i < size; i++) p.write(`a${i}`, older(`a${i}`));
      const r2 = memoryR2();
      reportOf(await p.publish({ cardBacklog: 0, openBindings: localOpener(r2.bucket) }));
      p.write('a7', older('a7', 'نص معدل.'));
      const trips = { n: 0 };
      r2.calls.length = 0;
      const report = reportOf(
        await p.publish({ cardBacklog: 10, openBindings: localOpener(r2.bucket, countingD1(trips)) }),
      );
      expect(report.plan.updated.map((a) => a.slug)).toEqual(['a7']);
      expect(report.cards.made).toBe(10);
      const r2Calls: Record<string, number> = {};
      for (const call of r2.calls) {
        const op = call.split(' ')[0] as string;
        r2Calls[op] = (r2Calls[op] ?? 0) + 1;
      }
      return { d1: trips.n, r2: r2Calls };
    };
    const small = await calls(40);
    const large = await calls(400);
    expect(large).toEqual(small);
    // The lock, the state, the writers, the article's batch, the list and section checks, the card backlog and
    // its notes, the unused-media check and the lock's release; in R2 a head and a put per card, and no listing.
    expect(large.d1).toBeLessThanOrEqual(14);
    expect(large.r2).toEqual({ head: 10, put: 10 });
  }, 120_000);

  it('deletes, on the next run, what a run that stopped had uploaded and nothing names', async () => {
    const p = project(['a', 'b']);
    const failing = shareCardKey('خبر b', undefined);
    const r2 = memoryR2({ failPut: (key) => (key === failing ? new Error('R2 put failed: 503') : undefined) });
    expect((await p.publish({ openBindings: localOpener(r2.bucket) })).kind).toBe('fault');
    const left = shareCardKey('خبر a', undefined);
    expect([...r2.objects.keys()]).toEqual([left]);

    // `a` is gone before the next run: its card, uploaded by the run that stopped, is named by nothing.
    p.remove('a');
    const ok = memoryR2();
    for (const [key, value] of r2.objects) ok.objects.set(key, value);
    const report = reportOf(await p.publish({ openBindings: localOpener(ok.bucket) }));
    expect(report.media).toMatchObject({ uploaded: 1, deleted: 1 });
    expect([...ok.objects.keys()]).toEqual([failing]);
    expect(ok.calls.filter((call) => call.startsWith('list'))).toEqual([`list ${left}`]);
  });

  it('keeps an object a noted key still names elsewhere: a card two articles share', async () => {
    const p = project(['a']);
    p.write('twin', article('twin').replace('title: خبر twin', 'title: خبر a'));
    const r2 = memoryR2();
    reportOf(await p.publish({ openBindings: localOpener(r2.bucket) }));
    expect(r2.objects.size).toBe(1);
    p.remove('twin');
    const report = reportOf(await p.publish({ openBindings: localOpener(r2.bucket) }));
    expect(report.plan.removed).toEqual(['twin']);
    expect(report.media.deleted).toBe(0);
    expect([...r2.objects.keys()]).toEqual([shareCardKey('خبر a', undefined)]);
  });
});
