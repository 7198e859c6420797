/**
 * A D1 binding that records its round trips (each batch, all or first) and each statement's SQL and parameters.
 * `failWriteBatch`: the write batch (1-based) that fails instead of reaching D1, as a dropped connection would.
 */
type Sent = { sql: string; params: unknown[] };
type Recorded = { inner: D1PreparedStatement; sent: Sent };

export function recordingD1(inner: D1Database, { failWriteBatch = 0 } = {}) {
  let writeBatches = 0;
  const record = {
    roundTrips: 0,
    statements: [] as Sent[],
    reset() {
      record.roundTrips = 0;
      record.statements = [];
    },
    db: {
      prepare: (sql: string) => wrap(inner.prepare(sql), { sql, params: [] }),
      batch: (list: Recorded[]) => {
        if (list.some((s) => isWrite(s.sent)) && ++writeBatches === failWriteBatch) {
          return Promise.reject(new Error(`D1_ERROR: injected failure at write batch ${writeBatches}`));
        }
        return trip(list, () => inner.batch(list.map((s) => s.inner)));
      },
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

/** True for statements that change the database (also `WITH … UPDATE`): SQL keywords are written in capitals. */
export const isWrite = (s: Sent) => /\b(INSERT|UPDATE|DELETE|REPLACE)\b/.test(s.sql);
