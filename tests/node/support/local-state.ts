/**
 * A local state folder as `wrangler d1 migrations apply DB --local --persist-to <dir>` leaves it (the D1 SQLite
 * file in WAL mode, wrangler's d1_migrations table, migrations/ applied), made with node:sqlite in milliseconds
 * rather than by wrangler in seconds.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/** Where wrangler keeps the local D1 files under a state folder. */
export const D1_DIR = 'v3/d1/miniflare-D1DatabaseObject';

/** Creates the migrated local database under `stateDir`; returns its file. */
export function localState(stateDir: string): string {
  mkdirSync(join(stateDir, D1_DIR), { recursive: true });
  const file = join(stateDir, D1_DIR, `${'d1'.repeat(32)}.sqlite`);
  const db = new DatabaseSync(file);
  try {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('CREATE TABLE d1_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE)');
    for (const name of readdirSync('migrations').sort()) {
      db.exec(readFileSync(join('migrations', name), 'utf8'));
      db.prepare('INSERT INTO d1_migrations (name) VALUES (?)').run(name);
    }
  } finally {
    db.close();
  }
  return file;
}
