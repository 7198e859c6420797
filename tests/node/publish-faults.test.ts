/**
 * runPublish against faults of its surroundings, injected at the adapters: each ends the run with one fault naming
 * the operation, the database file or R2 key, and the underlying error; what reached R2 before is listed; the
 * publish lock is released. (Read-only files and folders through chmod: publish-script.test.ts.)
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { PublishFault } from '../../src/publish/fault.ts';
import type { PublishOutcome } from '../../src/publish/node/run-publish.ts';
import { D1_DIR } from './support/local-state.ts';
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

/** The fault's one line, as the script prints it after `content:publish: `. */
function faultOf(outcome: PublishOutcome): string {
  if (outcome.kind !== 'fault') throw new Error(`expected a fault, got ${JSON.stringify(outcome).slice(0, 300)}`);
  expect(outcome.fault).toBeInstanceOf(PublishFault);
  return outcome.fault.message;
}

const leftInR2 = (keys: string) =>
  `1 object(s) this run uploaded to MEDIA (${keys}) stay there unused until the next successful publish uses or deletes them`;

describe('a local publish that meets a fault', () => {
  it('on a full disk names the database file and the cause, and lists what it had uploaded', async () => {
    const p = project();
    // A body of about 50 KB needs pages the database may no longer grow by.
    p.write('a', article('a', 'نص طويل للخبر. '.repeat(4000)));
    const r2 = memoryR2();
    const full = async (db: D1Database) => {
      const pages = await db.prepare('PRAGMA page_count').first<number>('page_count');
      await db.exec(`PRAGMA max_page_count = ${pages}`);
      return db;
    };
    const fault = faultOf(await p.publish({ openBindings: localOpener(r2.bucket, full) }));
    const [card] = [...r2.objects.keys()];
    expect(card).toMatch(/^card\/\w+\.png$/);
    expect(fault).toBe(
      `write state/${D1_DIR}/${basename(p.dbFile)}: database or disk is full; ${leftInR2(card as string)}`,
    );
    expect(existsSync(join(p.stateDir, 'publish.lock'))).toBe(false);
  });

  it('on a read-only database stops before anything reaches R2', async () => {
    const p = project();
    const r2 = memoryR2();
    const readOnly = async (db: D1Database) => {
      await db.exec('PRAGMA query_only = ON');
      return db;
    };
    const fault = faultOf(await p.publish({ openBindings: localOpener(r2.bucket, readOnly) }));
    expect(fault).toBe(
      `write state/${D1_DIR}/${basename(p.dbFile)}: attempt to write a readonly database; the database file or its folder is read-only: make both writable, then publish again`,
    );
    expect(r2.calls).toEqual([]);
    expect(existsSync(join(p.stateDir, 'publish.lock'))).toBe(false);
  });

  it('on a database another program holds locked names it once SQLite stops waiting', async () => {
    const p = project();
    const other = new DatabaseSync(p.dbFile);
    other.exec('BEGIN EXCLUSIVE');
    try {
      const r2 = memoryR2();
      const fault = faultOf(await p.publish({ openBindings: localOpener(r2.bucket) }));
      expect(fault).toBe(
        `write state/${D1_DIR}/${basename(p.dbFile)}: database is locked; another program is writing to it: let it finish (or stop it), then publish again`,
      );
      expect(r2.calls).toEqual([]);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });

  it('without a database names the folder it looked in and how to create one', async () => {
    const p = project();
    const r2 = memoryR2();
    const fault = faultOf(await p.publish({ persistTo: 'elsewhere', openBindings: localOpener(r2.bucket) }));
    expect(fault).toBe(
      `open elsewhere/${D1_DIR}: no local D1 database there: run \`npm run db:migrate\` (wrangler d1 migrations apply DB --local) first`,
    );
    expect(r2.calls).toEqual([]);
  });

  it('when R2 refuses an upload names the binding and key, and what was uploaded before it', async () => {
    const p = project(['a', 'b']);
    const r2 = memoryR2({
      failPut: (_key, n) => (n === 2 ? new Error('R2 put failed: 503 Service Unavailable') : undefined),
    });
    const fault = faultOf(await p.publish({ openBindings: localOpener(r2.bucket) }));
    const [first] = [...r2.objects.keys()];
    const failed = r2.calls.filter((call) => call.startsWith('put '))[1]?.slice(4);
    expect(failed).toMatch(/^card\/\w+\.png$/);
    expect(fault).toBe(`upload MEDIA ${failed}: R2 put failed: 503 Service Unavailable; ${leftInR2(first as string)}`);

    // What the message promises: the next publish that succeeds uses what was left (cards are content-hashed:
    // the same article gets the same key) and uploads only what is missing.
    const next = await p.publish({ openBindings: localOpener(r2.bucket) });
    expect(next.kind === 'published' && next.report.media).toEqual({ processed: 0, uploaded: 1, deleted: 0 });
    expect([...r2.objects.keys()].sort()).toEqual([first, failed].sort());
  });
});
