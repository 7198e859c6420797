/**
 * Node-only: one publish at a time, held for a whole run. A local run takes the lock file of its state folder
 * (lock-file.ts), which recognizes a crashed run by its pid; a remote run, which shares no machine with the
 * others, takes the lock row in D1 (lock-row.ts). A local run takes the row too, unconditionally since its lock
 * file already excludes every other writer: the row is its first write, so a database that cannot be written
 * fails here, before anything reaches R2. The hold is renewed every minute and released at the end, also after a
 * fault.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { causeOf, naming, PublishFault } from '../fault.ts';
import { heldRowMessage, releaseLockRow, renewLockRow, takeLockRow } from '../lock-row.ts';
import { utcTime } from '../utc-time.ts';
import { isRunning, type LockFile, takeLockFile } from './lock-file.ts';

/** How often a held lock is renewed: far within both the file's hour and the row's 15 minutes. */
export const RENEW_EVERY_MS = 60_000;

export interface PublishLockWanted {
  /** The run's database (named: its failures are PublishFaults), and how messages name it. */
  db: D1Database;
  dbName: string;
  /** A local run's lock file, and how messages name it; null for a remote run. */
  lockFile: { path: string; shown: string } | null;
  now: () => Date;
  warn: (line: string) => void;
}

export interface HeldPublishLock {
  /** Throws a PublishFault if another run took the lock over (this run's hold expired). */
  check: () => void;
  /** Gives the lock up; never throws, so it cannot hide the fault that ended a run. */
  release: () => Promise<void>;
}

export type PublishLockAttempt = { held: HeldPublishLock } | { busy: string };

/** Takes the publish lock for a run, or says who holds it. */
export async function takePublishLock({
  db,
  dbName,
  lockFile,
  now,
  warn,
}: PublishLockWanted): Promise<PublishLockAttempt> {
  const token = randomUUID().slice(0, 8);
  const host = hostname();
  const startedMs = now().getTime();
  const holder = `pid ${process.pid} on ${host} (${token})`;
  let file: LockFile | null = null;
  if (lockFile) {
    const claim = { pid: process.pid, host, startedMs, token, isRunning };
    const taken = await naming('take the publish lock', lockFile.shown, async () =>
      takeLockFile(lockFile.path, lockFile.shown, claim),
    );
    if (!taken.taken) return { busy: taken.message };
    if (taken.tookOver) warn(taken.tookOver);
    file = taken.lock;
  }
  try {
    const row = await takeLockRow(db, holder, startedMs, { force: file !== null });
    if (!row.taken) {
      file?.release();
      return { busy: heldRowMessage(row.heldBy, 'DB --remote') };
    }
    const { previous } = row;
    if (previous && file === null) {
      warn(
        `Took over the publish lock in ${dbName}: the publish that held it (${previous.holder}, started ${utcTime(previous.startedMs)}) let it expire at ${utcTime(previous.expiresMs)}.`,
      );
    }
  } catch (error) {
    file?.release();
    throw error;
  }
  // Renewal runs beside the publish; a failed one is retried a minute later, and only a hold found taken over
  // stops the run (at its next check).
  let lost = false;
  const renew = async () => {
    const nowMs = now().getTime();
    if (file) file.renew(nowMs);
    else if (!(await renewLockRow(db, holder, nowMs))) lost = true;
  };
  const timer = setInterval(() => renew().catch(() => {}), RENEW_EVERY_MS);
  timer.unref();
  return {
    held: {
      check: () => {
        if (lost) {
          throw new PublishFault(
            'hold the publish lock',
            dbName,
            'another publish took it over after it expired; this run stopped before writing more: publish again',
          );
        }
      },
      release: async () => {
        clearInterval(timer);
        try {
          await releaseLockRow(db, holder);
        } catch (error) {
          // A local run's next publish takes the row whatever it holds; a remote one waits for it to expire.
          if (file === null) {
            warn(`Could not release the publish lock in ${dbName} (${causeOf(error)}): it expires by itself.`);
          }
        }
        try {
          file?.release();
        } catch (error) {
          warn(`Could not remove the publish lock ${lockFile?.shown} (${causeOf(error)}): remove it by hand.`);
        }
      },
    },
  };
}
