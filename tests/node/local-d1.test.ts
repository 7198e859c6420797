/**
 * The local D1 adapter (node:sqlite behind the binding API): a failed batch reports what failed it, never the
 * rollback that follows, and a database that cannot be found or opened is a fault naming its path.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PublishFault } from '../../src/publish/fault.ts';
import { localD1File, openLocalD1 } from '../../src/publish/node/local-d1.ts';

const dir = mkdtempSync(join(tmpdir(), 'local-d1-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function tinyDatabase() {
  const { db, close } = openLocalD1(':memory:');
  await db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  await db.prepare('INSERT INTO notes (text) VALUES (?)').bind('first').run();
  // The database may not grow past the pages it has: the next page it needs fails with SQLITE_FULL.
  const pages = await db.prepare('PRAGMA page_count').first<number>('page_count');
  await db.exec(`PRAGMA max_page_count = ${pages}`);
  return { db, close };
}

describe('a batch that fails', () => {
  it('on a full disk rejects with "database or disk is full", not the rollback SQLite already did', async () => {
    const { db, close } = await tinyDatabase();
    const insert = db.prepare('INSERT INTO notes (text) VALUES (?)');
    const big = Array.from({ length: 20 }, (_, i) => insert.bind(`${i}`.repeat(4000)));
    await expect(db.batch(big)).rejects.toThrow(/^database or disk is full$/);
    // Nothing of the batch stayed, and the connection still works.
    expect(await db.prepare('SELECT count(*) AS n FROM notes').first('n')).toBe(1);
    await db.batch([insert.bind('small')]);
    expect(await db.prepare('SELECT count(*) AS n FROM notes').first('n')).toBe(2);
    await close();
  });
});

describe('opening the local database', () => {
  it('names the folder and says how to create the database when there is none', () => {
    const state = join(dir, 'empty-state');
    mkdirSync(state);
    const error = catching(() => localD1File(state, (path) => path.replace(dir, '<tmp>')));
    expect(error).toBeInstanceOf(PublishFault);
    expect((error as Error).message).toBe(
      'open <tmp>/empty-state/v3/d1/miniflare-D1DatabaseObject: no local D1 database there: run `npm run db:migrate` (wrangler d1 migrations apply DB --local) first',
    );
  });

  it('names the file it cannot open', () => {
    const error = catching(() => openLocalD1(join(dir, 'no-such-folder', 'x.sqlite')));
    expect(error).toBeInstanceOf(PublishFault);
    expect((error as Error).message).toBe(
      `open ${join(dir, 'no-such-folder', 'x.sqlite')}: unable to open database file; the file and its folder must exist and be writable`,
    );
  });
});

function catching(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}
