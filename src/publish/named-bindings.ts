/**
 * The D1 and R2 bindings of a publish run, wrapped so that every failure of theirs is a PublishFault naming the
 * operation and the database or key: whatever the transport (node:sqlite, the platform proxy, a test's adapter),
 * `database or disk is full` arrives with the file it happened to. Only binding calls are wrapped, so a bug in
 * the publisher still surfaces as itself.
 */
import { causeOf, PublishFault } from './fault.ts';

/** A D1 error's message, with what the user can do about it when the cure is known. */
export function d1Reason(error: unknown): string {
  const cause = causeOf(error);
  if (/no such (table|column)/.test(cause)) {
    return `${cause}; the database lacks a migration: apply migrations/ first (npm run db:migrate, or wrangler d1 migrations apply DB --remote)`;
  }
  if (/database is locked|SQLITE_BUSY/.test(cause)) {
    return `${cause}; another program is writing to it: let it finish (or stop it), then publish again`;
  }
  if (/readonly database/.test(cause)) {
    return `${cause}; the database file or its folder is read-only: make both writable, then publish again`;
  }
  if (/unable to open database file/.test(cause)) {
    return `${cause}; the file and its folder must exist and be writable`;
  }
  return cause;
}

const isRead = (sql: string) => /^\s*SELECT\b/i.test(sql);

/** `db` with every failing call turned into `read <name>: …` or `write <name>: …`. */
export function namedD1(db: D1Database, name: string): D1Database {
  const inner = new WeakMap<object, D1PreparedStatement>();
  const guarded = async <T>(sqls: string[], call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      if (error instanceof PublishFault) throw error;
      throw new PublishFault(sqls.every(isRead) ? 'read' : 'write', name, d1Reason(error));
    }
  };
  const sqlOf = new WeakMap<object, string>();
  const wrap = (statement: D1PreparedStatement, sql: string): D1PreparedStatement => {
    const wrapped = {
      bind: (...values: unknown[]) => wrap(statement.bind(...values), sql),
      first: (column?: string) =>
        guarded([sql], () => (column === undefined ? statement.first() : statement.first(column))),
      all: () => guarded([sql], () => statement.all()),
      run: () => guarded([sql], () => statement.run()),
      raw: () => guarded([sql], () => statement.raw()),
    };
    inner.set(wrapped, statement);
    sqlOf.set(wrapped, sql);
    return wrapped as unknown as D1PreparedStatement;
  };
  const named = {
    prepare: (sql: string) => wrap(db.prepare(sql), sql),
    batch: (statements: D1PreparedStatement[]) =>
      guarded(
        statements.map((s) => sqlOf.get(s) ?? ''),
        () => db.batch(statements.map((s) => inner.get(s) ?? s)),
      ),
    exec: (sql: string) => guarded([sql], () => db.exec(sql)),
  };
  return named as unknown as D1Database;
}

/** The keys of a delete call, as a fault names them. */
const keysOf = (keys: string | string[]) =>
  typeof keys === 'string' || keys.length === 1 ? String(keys) : `${keys[0] ?? ''} and ${keys.length - 1} more key(s)`;

/** An R2 bucket whose failures name the binding and key, and which keeps the keys it wrote. */
export interface NamedBucket {
  bucket: R2Bucket;
  /** Keys put so far through `bucket`, in order. */
  uploaded: () => readonly string[];
}

/** `bucket` (bound as `binding`) with every failing call turned into `upload MEDIA <key>: …` and the like. */
export function namedR2(bucket: R2Bucket, binding: string): NamedBucket {
  const uploaded: string[] = [];
  const guarded = async <T>(operation: string, target: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      if (error instanceof PublishFault) throw error;
      throw new PublishFault(operation, `${binding} ${target}`, causeOf(error));
    }
  };
  const named = {
    head: (key: string) => guarded('read', key, () => bucket.head(key)),
    get: (key: string) => guarded('read', key, () => bucket.get(key)),
    put: async (key: string, value: Parameters<R2Bucket['put']>[1], options?: R2PutOptions) => {
      const object = await guarded('upload', key, () => bucket.put(key, value, options));
      uploaded.push(key);
      return object;
    },
    list: (options?: R2ListOptions) => guarded('list', options?.prefix || '(every key)', () => bucket.list(options)),
    delete: (keys: string | string[]) => guarded('delete', keysOf(keys), () => bucket.delete(keys)),
  };
  return { bucket: named as unknown as R2Bucket, uploaded: () => uploaded };
}
