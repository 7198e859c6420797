/**
 * Every D1 read of a request goes through one session (D1's Sessions API), so it can be answered by a read replica
 * near the reader instead of the primary. The constraint is 'first-unconstrained': the request's first query may go
 * to any replica, and the session's later ones see at least what that one saw. A replica can lag the primary by a
 * few seconds: the isolate trusts a read for the minute the site promises less a budget for that lag
 * (src/cache/isolate.ts), and an article a replica says is missing is asked again of the primary (a story published
 * seconds ago must not answer 404). Writes (the publish step) never use a session: they go to the primary.
 */

/** What the store's reads need of D1: a session and the binding both have it. */
export type D1Reader = Pick<D1Database, 'prepare' | 'batch'>;

/** The constraint every request's session starts with. */
export const READ_CONSTRAINT = 'first-unconstrained' satisfies D1SessionConstraint;
/** The constraint of the session that asks the primary again. */
export const PRIMARY_CONSTRAINT = 'first-primary' satisfies D1SessionConstraint;

/** How a request reads D1: its one session, and the primary for what a lagging replica must not answer alone. */
export interface RequestReads {
  session: D1Reader;
  /** A session whose first read goes to the primary, opened only when asked for. */
  primary(): D1Reader;
}

export function requestReads(db: D1Database): RequestReads {
  return { session: db.withSession(READ_CONSTRAINT), primary: () => db.withSession(PRIMARY_CONSTRAINT) };
}

/** True when D1 says a read replica answered (`served_by_primary: false`): the primary may already know more. */
export const servedByReplica = (result: { meta?: Partial<D1Meta> } | undefined): boolean =>
  result?.meta?.served_by_primary === false;
