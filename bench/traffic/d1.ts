/**
 * D1 as the model sees it: the real archive (node:sqlite on the local D1 file) behind a binding that counts round
 * trips (a batch is one, as is each statement's all/first/run/raw) and charges each a simulated round trip from
 * the colo, to the primary or to a read replica. Nothing sleeps: the time is added to the request's account.
 *
 * The replica is the same file read through a second connection that holds a read transaction: SQLite in WAL mode
 * keeps showing that connection the database as it was when the transaction began, so a publish on the primary
 * reaches "the replica" only when the model lets it catch up (after the replication lag).
 */
import { DatabaseSync } from 'node:sqlite';
import { toSql } from '../../src/publish/node/local-d1.ts';

/** Which instance a read goes to. */
export type Target = 'primary' | 'replica';

/**
 * One request's D1 account: round trips to each instance, and the simulated time they took. Trips issued together
 * (the app's Promise.all of two reads) overlap: each starts at the request's D1 clock when issued and moves that
 * clock to its end when the app gets its answer, so parallel reads cost the longest, sequential ones the sum.
 */
export class Meter {
  primary = 0;
  replica = 0;
  /** The request's D1 clock: simulated ms spent waiting on D1 so far. */
  waitMs = 0;
  /** What each round trip of the request asked (SQL and parameters), with where it went. */
  queries: { target: Target; key: string }[] = [];

  reset(): void {
    this.primary = 0;
    this.replica = 0;
    this.waitMs = 0;
    this.queries = [];
  }

  get trips(): number {
    return this.primary + this.replica;
  }

  /** Counts one round trip to `target` of `ms`, asking `key`, issued now, answered by `run`. */
  async trip<T>(target: Target, ms: number, key: string, run: () => Promise<T>): Promise<T> {
    this[target]++;
    this.queries.push({ target, key });
    const end = this.waitMs + ms;
    const result = await run();
    this.waitMs = Math.max(this.waitMs, end);
    return result;
  }
}

// The request's time is a parameter of most reads; the same read at another moment is the same query.
const timeless = (_: string, value: unknown) => (typeof value === 'number' && value > 1e12 ? 'now' : value);

/** How a colo reaches D1 in the design being simulated. */
export interface Route {
  /** Where a request's session reads: the primary (today) or the nearest replica. */
  reads: Target;
  primaryMs: number;
  replicaMs: number;
}

type Statement = { bind(...values: unknown[]): Statement; all(): Promise<unknown>; raw?(): Promise<unknown> };
type Database = { prepare(sql: string): unknown; batch(list: unknown[]): Promise<unknown> };

/**
 * The D1 binding a colo's isolates get: `withSession()` (what the app calls once per request, src/store/session.ts)
 * reads from the instance the design says; plain `prepare`/`batch` on the binding go to the primary, like D1's.
 */
export function simulatedD1(databases: Record<Target, Database>, route: Route, meter: Meter): D1Database {
  const reader = (target: Target) => {
    const db = databases[target];
    const ms = target === 'primary' ? route.primaryMs : route.replicaMs;
    const inner = new WeakMap<object, unknown>();
    const keys = new WeakMap<object, string>();
    const wrap = (statement: Statement, key: string): D1PreparedStatement => {
      const trip = <T>(run: () => Promise<T>) => meter.trip(target, ms, key, run);
      const wrapped = {
        bind: (...values: unknown[]) =>
          wrap(statement.bind(...values), `${key}\u0000${JSON.stringify(values, timeless)}`),
        all: () => trip(() => statement.all()),
        run: () => trip(() => statement.all()),
        raw: () => trip(() => (statement.raw ? statement.raw() : statement.all())),
        first: (column?: string) =>
          trip(async () => {
            const { results } = (await statement.all()) as { results: Record<string, unknown>[] };
            const row = results[0];
            if (row === undefined) return null;
            return column === undefined ? row : (row[column] ?? null);
          }),
      };
      inner.set(wrapped, statement);
      keys.set(wrapped, key);
      return wrapped as unknown as D1PreparedStatement;
    };
    return {
      prepare: (sql: string) => wrap(db.prepare(sql) as Statement, sql),
      batch: (list: D1PreparedStatement[]) =>
        meter.trip(target, ms, list.map((s) => keys.get(s) ?? '?').join('\u0001'), () =>
          db.batch(list.map((s) => inner.get(s) ?? s)),
        ),
      getBookmark: () => null,
    };
  };
  const primary = reader('primary');
  return {
    prepare: primary.prepare,
    batch: primary.batch,
    // 'first-primary' (the app asking the primary again) reads the primary; every other session where the design says.
    withSession: (constraint?: string) => reader(constraint === 'first-primary' ? 'primary' : route.reads),
  } as unknown as D1Database;
}

/** What D1 says of a read a replica answered. */
const REPLICA_META = { served_by_primary: false };

class SnapshotStatement {
  private readonly sqlite: DatabaseSync;
  private readonly sql: string;
  private readonly params: unknown[];
  constructor(sqlite: DatabaseSync, sql: string, params: unknown[] = []) {
    this.sqlite = sqlite;
    this.sql = sql;
    this.params = params;
  }
  bind(...params: unknown[]): SnapshotStatement {
    return new SnapshotStatement(this.sqlite, this.sql, params);
  }
  rows(): Record<string, unknown>[] {
    return this.sqlite.prepare(this.sql).all(...this.params.map(toSql)) as Record<string, unknown>[];
  }
  async all() {
    return { results: this.rows(), success: true, meta: REPLICA_META };
  }
}

/** A read replica of the D1 file that shows it as of its last `catchUp()`. */
export interface Replica {
  db: Database;
  /** Lets the replica see everything the primary has committed. */
  catchUp(): void;
  close(): void;
}

export function openReplica(file: string): Replica {
  const sqlite = new DatabaseSync(file, { readOnly: true });
  // A read transaction's snapshot starts at its first read.
  const begin = () => {
    sqlite.exec('BEGIN');
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  };
  begin();
  return {
    db: {
      prepare: (sql: string) => new SnapshotStatement(sqlite, sql),
      // Reads only: the batch runs inside the snapshot, statement after statement.
      batch: async (list: unknown[]) =>
        (list as SnapshotStatement[]).map((s) => ({ results: s.rows(), success: true, meta: REPLICA_META })),
    },
    catchUp: () => {
      sqlite.exec('COMMIT');
      begin();
    },
    close: () => {
      sqlite.exec('COMMIT');
      sqlite.close();
    },
  };
}
