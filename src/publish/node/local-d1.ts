/**
 * Node-only: the local D1 database (the SQLite file `wrangler dev` serves from .wrangler/state) opened directly with
 * node:sqlite behind the subset of the D1 binding API the publish step uses (prepare, bind, all, first, run,
 * batch). The statements are the same as through the binding; only the transport differs: a local publish of
 * 100,000 articles sends hundreds of thousands of rows, and the platform proxy's per-call round trips dominate that.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { PublishFault } from '../fault.ts';
import { d1Reason } from '../named-bindings.ts';

/** Where wrangler keeps local D1 databases, one SQLite file per database, under its state folder. */
const D1_FOLDER = 'v3/d1/miniflare-D1DatabaseObject';

/** How a fault names a path: as given, unless the caller shortens it (relative to the project, say). */
type ShowPath = (path: string) => string;

/** Whether the SQLite file at `path` holds wrangler's migrations table (is a D1 database). */
function isD1Database(path: string, show: ShowPath): boolean {
  try {
    const db = new DatabaseSync(path, { readOnly: true });
    try {
      return db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'd1_migrations'").get() !== undefined;
    } finally {
      db.close();
    }
  } catch (error) {
    throw new PublishFault('open', show(path), d1Reason(error));
  }
}

/**
 * The SQLite file of the project's local D1 database. `wrangler d1 migrations apply DB --local` creates it; with
 * several (an older database id), the most recently written one that holds the migrations table. Throws a
 * PublishFault when there is none, or one cannot be read.
 */
export function localD1File(stateDir: string, show: ShowPath = (path) => path): string {
  const dir = join(stateDir, D1_FOLDER);
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.sqlite') && name !== 'metadata.sqlite')
        .map((name) => join(dir, name))
        .filter((path) => isD1Database(path, show))
        .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
    : [];
  const [file] = files;
  if (!file) {
    throw new PublishFault(
      'open',
      show(dir),
      'no local D1 database there: run `npm run db:migrate` (wrangler d1 migrations apply DB --local) first',
    );
  }
  return file;
}

/**
 * Ends a failed batch's transaction, if it is still open: after some errors (SQLITE_FULL, SQLITE_IOERR) SQLite has
 * already rolled it back, and a ROLLBACK then fails with "no transaction is active", which must never replace the
 * error the user needs to see. (isTransaction is missing before Node 22.16: there, the ROLLBACK is tried.)
 */
function rollBack(sqlite: DatabaseSync): void {
  if ((sqlite as { isTransaction?: boolean }).isTransaction === false) return;
  try {
    sqlite.exec('ROLLBACK');
  } catch {
    // The batch's own error is rethrown by the caller; this one would only hide it.
  }
}

// D1 stores whole numbers as INTEGER; node:sqlite would bind every JS number as REAL.
export const toSql = (value: unknown): SQLInputValue =>
  typeof value === 'number' && Number.isInteger(value) ? BigInt(value) : (value as SQLInputValue);

class LocalStatement {
  readonly sql: string;
  readonly params: unknown[];
  private readonly db: DatabaseSync;
  constructor(db: DatabaseSync, sql: string, params: unknown[] = []) {
    this.db = db;
    this.sql = sql;
    this.params = params;
  }
  bind(...params: unknown[]): LocalStatement {
    return new LocalStatement(this.db, this.sql, params);
  }
  rows(): Record<string, unknown>[] {
    return this.db.prepare(this.sql).all(...this.params.map(toSql)) as Record<string, unknown>[];
  }
  async all() {
    return { results: this.rows(), success: true, meta: {} };
  }
  async first(column?: string) {
    const row = this.rows()[0];
    if (row === undefined) return null;
    return column === undefined ? row : (row[column] ?? null);
  }
  async run() {
    return this.all();
  }
}

/**
 * Opens the local D1 file as a D1Database for the publish step; `close()` when done. A file that cannot be opened
 * is a PublishFault naming it (`show` shortens the path).
 */
export function openLocalD1(
  file: string,
  show: ShowPath = (path) => path,
): { db: D1Database; close: () => Promise<void> } {
  let sqlite: DatabaseSync;
  try {
    sqlite = new DatabaseSync(file);
    sqlite.exec('PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000');
  } catch (error) {
    throw new PublishFault('open', show(file), d1Reason(error));
  }
  const db = {
    prepare: (sql: string) => new LocalStatement(sqlite, sql),
    // A batch is one transaction, as in D1.
    async batch(statements: LocalStatement[]) {
      sqlite.exec('BEGIN IMMEDIATE');
      try {
        const results = statements.map((s) => ({ results: s.rows(), success: true, meta: {} }));
        sqlite.exec('COMMIT');
        return results;
      } catch (error) {
        rollBack(sqlite);
        throw error;
      }
    },
    async exec(sql: string) {
      sqlite.exec(sql);
      return { count: 0, duration: 0 };
    },
    // One SQLite file has no replicas: a session reads the file itself, as a local D1's does.
    withSession: () => ({ prepare: db.prepare, batch: db.batch, getBookmark: () => null }),
  };
  return {
    db: db as unknown as D1Database,
    close: async () => sqlite.close(),
  };
}
