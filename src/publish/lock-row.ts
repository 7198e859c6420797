/**
 * One publish at a time against a D1 database, for runs that share no machine (two CI jobs publishing to the
 * remote database): the one row of `publish_lock` (migrations/0004) names the run that holds it and when its hold
 * expires. Taking it is a single conditional statement, so two runs can never both succeed; a run that died is
 * taken over once its hold has expired. Taking it is also a write: a database that cannot be written fails here,
 * before anything reaches R2. Platform-neutral: only the binding API.
 */
import { utcTime } from './utc-time.ts';

/**
 * How long a hold lasts unless renewed. The holder renews it every minute (publish-lock.ts), so only a run that
 * died, or whose event loop was stuck for this long, loses it.
 */
export const LOCK_ROW_TTL_MS = 15 * 60_000;

/** The lock row as the database holds it. */
export interface LockRow {
  holder: string;
  startedMs: number;
  expiresMs: number;
}

/** Taken (`previous`: the row of a run whose hold had expired, now replaced), or held by another run. */
export type TakeLockRow = { taken: true; previous: LockRow | null } | { taken: false; heldBy: LockRow };

interface Row {
  holder: string;
  started_ms: number;
  expires_ms: number;
}

const TAKE = `INSERT INTO publish_lock (id, holder, started_ms, expires_ms) VALUES (1, ?1, ?2, ?3)
  ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, started_ms = excluded.started_ms, expires_ms = excluded.expires_ms
  WHERE ?4 = 1 OR publish_lock.expires_ms <= ?2
  RETURNING holder`;

/**
 * Takes the lock row for `holder` (unique to this run) until `nowMs + ttlMs`, unless another run holds it and its
 * hold has not expired. `force` takes it whatever it holds: for a caller that already excludes every other writer
 * of this database by other means (the local lock file).
 */
export async function takeLockRow(
  db: D1Database,
  holder: string,
  nowMs: number,
  { ttlMs = LOCK_ROW_TTL_MS, force = false }: { ttlMs?: number; force?: boolean } = {},
): Promise<TakeLockRow> {
  // One batch is one transaction: the row read is the one the conditional statement judged.
  const [before, taken] = await db.batch<Row>([
    db.prepare('SELECT holder, started_ms, expires_ms FROM publish_lock WHERE id = 1'),
    db.prepare(TAKE).bind(holder, nowMs, nowMs + ttlMs, force ? 1 : 0),
  ]);
  const row = before?.results[0];
  const previous = row ? { holder: row.holder, startedMs: row.started_ms, expiresMs: row.expires_ms } : null;
  if ((taken?.results.length ?? 0) > 0) return { taken: true, previous };
  // The conditional statement declined: a row was there, unexpired.
  return { taken: false, heldBy: previous ?? { holder: '(unknown)', startedMs: nowMs, expiresMs: nowMs } };
}

/** Extends `holder`'s hold to `nowMs + ttlMs`; false when the row is no longer its own (it expired and was taken). */
export async function renewLockRow(
  db: D1Database,
  holder: string,
  nowMs: number,
  ttlMs: number = LOCK_ROW_TTL_MS,
): Promise<boolean> {
  const { results } = await db
    .prepare('UPDATE publish_lock SET expires_ms = ?1 WHERE id = 1 AND holder = ?2 RETURNING holder')
    .bind(nowMs + ttlMs, holder)
    .all();
  return results.length > 0;
}

/** Gives the row up, if `holder` still holds it. */
export async function releaseLockRow(db: D1Database, holder: string): Promise<void> {
  await db.prepare('DELETE FROM publish_lock WHERE id = 1 AND holder = ?1').bind(holder).run();
}

/** Why a run could not take the row, and what its user can do (`database`: how to name it in a wrangler command). */
export const heldRowMessage = (row: LockRow, database: string) =>
  `another publish is running (${row.holder}, started ${utcTime(row.startedMs)}, its lock expires ${utcTime(row.expiresMs)}); ` +
  `wait for it, or if that run is gone, wait until the lock expires or delete it: ` +
  `wrangler d1 execute ${database} --command "DELETE FROM publish_lock"`;
