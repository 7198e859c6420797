/** A D1 binding that records what is sent through it: round trips, and each statement's SQL and parameters. */

export interface SentStatement {
  sql: string;
  params: unknown[];
}

export function recordingD1(inner: D1Database) {
  const record = {
    db: undefined as unknown as D1Database,
    /** Each batch, all, first, run or raw is one round trip. */
    roundTrips: 0,
    statements: [] as SentStatement[],
    reset() {
      record.roundTrips = 0;
      record.statements = [];
    },
  };
  const wrap = (statement: D1PreparedStatement, sent: SentStatement): D1PreparedStatement => {
    const trip =
      <T>(run: () => Promise<T>) =>
      () => {
        record.roundTrips++;
        record.statements.push(sent);
        return run();
      };
    return {
      bind: (...params: unknown[]) => wrap(statement.bind(...params), { sql: sent.sql, params }),
      all: trip(() => statement.all()),
      first: trip(() => statement.first()),
      run: trip(() => statement.run()),
      raw: trip(() => statement.raw()),
      inner: statement,
      sent,
    } as unknown as D1PreparedStatement;
  };
  record.db = {
    prepare: (sql: string) => wrap(inner.prepare(sql), { sql, params: [] }),
    batch: (statements: D1PreparedStatement[]) => {
      record.roundTrips++;
      const unwrapped = statements.map((s) => {
        const w = s as unknown as { inner: D1PreparedStatement; sent: SentStatement };
        record.statements.push(w.sent);
        return w.inner;
      });
      return inner.batch(unwrapped);
    },
  } as unknown as D1Database;
  return record;
}

/** True for statements that change the database. */
export const isWrite = (s: SentStatement) => /^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i.test(s.sql);
