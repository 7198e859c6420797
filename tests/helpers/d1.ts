/**
 * A D1 binding that records its round trips (each batch, all or first) and each statement's SQL and parameters,
 * and whether it was sent through a session (`withSession`, which it records too) or the binding itself.
 * `failWriteBatch`: the write batch (1-based) that fails instead of reaching D1, as a dropped connection would.
 */
type Sent = { sql: string; params: unknown[]; session: string | null };
type Recorded = { inner: D1PreparedStatement; sent: Sent };

export function recordingD1(inner: D1Database, { failWriteBatch = 0 } = {}) {
  let writeBatches = 0;
  const reader = (session: string | null, source: Pick<D1Database, 'prepare' | 'batch'>) => ({
    prepare: (sql: string) => wrap(source.prepare(sql), { sql, params: [], session }),
    batch: (list: Recorded[]) => {
      if (list.some((s) => isWrite(s.sent)) && ++writeBatches === failWriteBatch) {
        return Promise.reject(new Error(`D1_ERROR: injected failure at write batch ${writeBatches}`));
      }
      return trip(list, () => source.batch(list.map((s) => s.inner)));
    },
  });
  const record = {
    roundTrips: 0,
    statements: [] as Sent[],
    /** The constraint of every session opened. */
    sessions: [] as string[],
    reset() {
      record.roundTrips = 0;
      record.statements = [];
      record.sessions = [];
    },
    db: {
      ...reader(null, inner),
      withSession: (constraint: string) => {
        record.sessions.push(constraint);
        return { ...reader(constraint, inner.withSession(constraint)), getBookmark: () => null };
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
      bind: (...params: unknown[]) => wrap(statement.bind(...params), { ...sent, params }),
      all: () => trip([recorded], () => statement.all()),
      first: () => trip([recorded], () => statement.first()),
    };
    return recorded;
  };
  return record;
}

/** True for statements that change the database (also `WITH … UPDATE`): SQL keywords are written in capitals. */
export const isWrite = (s: Pick<Sent, 'sql'>) => /\b(INSERT|UPDATE|DELETE|REPLACE)\b/.test(s.sql);
