/** A D1 binding that records its round trips (each batch, all or first) and each statement's SQL and parameters. */
type Sent = { sql: string; params: unknown[] };
type Recorded = { inner: D1PreparedStatement; sent: Sent };

export function recordingD1(inner: D1Database) {
  const record = {
    roundTrips: 0,
    statements: [] as Sent[],
    reset() {
      record.roundTrips = 0;
      record.statements = [];
    },
    db: {
      prepare: (sql: string) => wrap(inner.prepare(sql), { sql, params: [] }),
      batch: (list: Recorded[]) => trip(list, () => inner.batch(list.map((s) => s.inner))),
    } as unknown as D1Database,
  };
  const trip = <T>(sent: Recorded[], run: () => T) => {
    record.roundTrips++;
    record.statements.push(...sent.map((s) => s.sent));
    return run();
  };
  const wrap = (statement: D1PreparedStatement, sent: Sent): Recorded => {
    const recorded = {
      inner: statement,
      sent,
      bind: (...params: unknown[]) => wrap(statement.bind(...params), { sql: sent.sql, params }),
      all: () => trip([recorded], () => statement.all()),
      first: () => trip([recorded], () => statement.first()),
    };
    return recorded;
  };
  return record;
}

/** True for statements that change the database. */
export const isWrite = (s: Sent) => /^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i.test(s.sql);
