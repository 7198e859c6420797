/**
 * The real app run in Node over a real local D1 (wrangler's platform proxy, in a temporary folder), seeded by the
 * publish step's own code, for checks that need Node-only tools (the AMP validator). The views are pure
 * functions of data, so their output is the same as in workerd.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readD1Migrations } from '@cloudflare/vitest-plugin';
import type { Article } from '../../../src/content/types.ts';
import { openD1 } from '../../../src/publish/node/open-d1.ts';
import { testApp } from '../../helpers/app.ts';
import { fakeUpstream } from '../../helpers/upstream.ts';
import { nodeBindings } from './bindings.ts';

/** The local D1 and R2 of a persist folder (what `--persist-to` takes), through wrangler's platform proxy. */
export const openLocal = (dir: string) => openD1({ root: process.cwd(), remote: false, persistTo: dir });

/**
 * A local D1 database and R2 bucket in a temporary persist folder, with migrations/ applied; `dir` is the folder
 * (for `content:publish --persist-to`), `close()` removes it.
 */
export async function temporaryD1(): Promise<{
  db: D1Database;
  media: R2Bucket;
  dir: string;
  close: () => Promise<void>;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'd1-'));
  const { db, media, close } = await openLocal(dir);
  for (const migration of await readD1Migrations('migrations')) {
    await db.batch(migration.queries.map((sql) => db.prepare(sql)));
  }
  return {
    db,
    media,
    dir,
    close: async () => {
      await close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The one app builder (tests/helpers/app.ts) over a temporary local D1 and R2, the upstream answering `tempC`. */
export async function nodeApp(articles: Article[], tempC = 28.5) {
  const { db, media, close } = await temporaryD1();
  const site = testApp({
    bindings: nodeBindings({ DB: db, MEDIA: media }),
    articles,
    upstream: fakeUpstream({ kind: 'ok', tempC }).fetch,
  });
  return { get: (path: string) => site.request(path), close };
}
