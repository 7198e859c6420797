/**
 * Every D1 read of a request goes through one session (D1's Sessions API), so it can be answered by a read replica
 * near the reader instead of the primary. The constraint is 'first-unconstrained': the request's first query may go
 * to any replica, and the session's later ones see at least what that one saw. A replica can lag the primary by a
 * few seconds; the site already promises a publish shows within 60 s, and a page never mixes an older read with a
 * newer one within a request. Writes (the publish step) never use a session: they go to the primary.
 */

/** What the store's reads need of D1: a session and the binding both have it. */
export type D1Reader = Pick<D1Database, 'prepare' | 'batch'>;

/** The constraint every request's session starts with. */
export const READ_CONSTRAINT = 'first-unconstrained' satisfies D1SessionConstraint;

/** The request's one session over the database. */
export const readSession = (db: D1Database): D1Reader => db.withSession(READ_CONSTRAINT);
