/** Local D1 and R2 through wrangler's platform proxy (a heavy import: only the tests that need real R2 load it). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openD1 } from '../../../src/publish/node/open-d1.ts';

/** The local D1 and R2 of a persist folder (what `--persist-to` takes). */
export const openLocal = (dir: string) => openD1({ root: process.cwd(), remote: false, persistTo: dir });

/** A local R2 bucket in a temporary persist folder; `close()` removes the folder. */
export async function temporaryR2() {
  const dir = mkdtempSync(join(tmpdir(), 'r2-'));
  const { media, close } = await openLocal(dir);
  const remove = async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { media, close: remove };
}
