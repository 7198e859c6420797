/**
 * Node-only: one local publish at a time per state folder. The lock is a file next to the database
 * (`<state>/publish.lock`) naming the run's pid, host and start time. It is created whole and atomically (written
 * under a unique name, then hard-linked into place, which fails if the lock exists), so a second run always
 * finds a complete file to name in its message. A lock left by a run that crashed is taken over: its pid is not
 * running on this host, or it was not renewed for LOCK_FILE_MAX_AGE_MS (a pid can be reused by another program,
 * and a lock on a shared folder may come from another host).
 */
import { linkSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { utcTime } from '../utc-time.ts';

/** The holder renews the file every minute (publish-lock.ts): one not renewed for an hour is a crashed run's. */
export const LOCK_FILE_MAX_AGE_MS = 60 * 60_000;

/** What a lock file says about the run that holds it. */
export interface LockFileHolder {
  pid: number;
  host: string;
  startedMs: number;
  /** Unique to the run: tells its own lock from one that replaced it. */
  token: string;
}

/** The run taking the lock, and how it tells whether another run's process is alive. */
export interface LockFileClaim extends LockFileHolder {
  isRunning: (pid: number) => boolean;
}

/** A held lock file. */
export interface LockFile {
  /** Marks the lock as alive now (its modification time). */
  renew: (nowMs: number) => void;
  /** Removes the lock, if it is still this run's. */
  release: () => void;
}

export type TakeLockFile =
  /** `tookOver`: a warning naming the crashed run whose lock this one replaced. */
  { taken: true; lock: LockFile; tookOver: string | null } | { taken: false; message: string };

/** Whether a process with this pid exists (on this host); one run by another user counts. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const isCode = (error: unknown, code: string) => (error as NodeJS.ErrnoException).code === code;

/** The holder a lock file's text names, or null for a file that is not one of ours. */
function parseHolder(text: string): LockFileHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockFileHolder>;
    const { pid, host, startedMs, token } = value;
    if (typeof pid !== 'number' || typeof host !== 'string' || typeof startedMs !== 'number') return null;
    if (typeof token !== 'string') return null;
    return { pid, host, startedMs, token };
  } catch {
    return null;
  }
}

/** `pid 1234, started 12:01:05 UTC`, with the host when it is not this one. */
function describeHolder(holder: LockFileHolder, host: string): string {
  const where = holder.host === host ? '' : ` on ${holder.host}`;
  return `pid ${holder.pid}${where}, started ${utcTime(holder.startedMs)}`;
}

/** Why the lock of `holder`, last renewed at `renewedMs`, belongs to a run that is gone; null while it is alive. */
function staleReason(holder: LockFileHolder | null, renewedMs: number, claim: LockFileClaim): string | null {
  if (holder === null) return 'it named no publish run';
  const who = `the publish that held it (${describeHolder(holder, claim.host)})`;
  if (holder.host === claim.host && !claim.isRunning(holder.pid)) return `${who} is no longer running`;
  if (claim.startedMs - renewedMs > LOCK_FILE_MAX_AGE_MS) {
    return `${who} has not renewed it for over ${LOCK_FILE_MAX_AGE_MS / 60_000} minutes (since ${utcTime(renewedMs)})`;
  }
  return null;
}

/**
 * Takes the lock file at `path` for `claim`, or says who holds it. `shown` is how messages name the path. Throws
 * what the file system throws (a read-only or missing folder).
 */
export function takeLockFile(path: string, shown: string, claim: LockFileClaim): TakeLockFile {
  const { pid, host, startedMs, token } = claim;
  const text = JSON.stringify({ pid, host, startedMs, token });
  const mine = `${path}.${token}`;
  let tookOver: string | null = null;
  // Each pass either takes the lock, finds it held, or removes a stale one; a few passes settle any race.
  for (let attempt = 0; attempt < 5; attempt++) {
    writeFileSync(mine, text);
    // Its modification time is when it was last renewed, on the run's clock.
    utimesSync(mine, startedMs / 1000, startedMs / 1000);
    try {
      linkSync(mine, path);
      return { taken: true, lock: heldLock(path, token), tookOver };
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw error;
    } finally {
      rmSync(mine, { force: true });
    }
    let found: string;
    let renewedMs: number;
    try {
      found = readFileSync(path, 'utf8');
      renewedMs = statSync(path).mtimeMs;
    } catch (error) {
      if (isCode(error, 'ENOENT')) continue; // released meanwhile: try again
      throw error;
    }
    const holder = parseHolder(found);
    const reason = staleReason(holder, renewedMs, claim);
    if (reason === null) {
      return {
        taken: false,
        message: `another publish is running (${describeHolder(holder as LockFileHolder, host)}); wait for it or remove ${shown} if that process is gone`,
      };
    }
    // Moved aside under a unique name, then checked: if another run replaced the stale lock in between, what was
    // moved is that run's live lock, and it goes back.
    const aside = `${path}.${token}.stale`;
    try {
      renameSync(path, aside);
    } catch (error) {
      if (isCode(error, 'ENOENT')) continue;
      throw error;
    }
    if (readFileSync(aside, 'utf8') !== found) {
      try {
        linkSync(aside, path);
      } catch (error) {
        if (!isCode(error, 'EEXIST')) throw error;
      }
      rmSync(aside, { force: true });
      continue;
    }
    rmSync(aside, { force: true });
    tookOver = `Took over the publish lock ${shown}: ${reason}.`;
  }
  return { taken: false, message: `could not take the publish lock ${shown}: other runs keep replacing it` };
}

function heldLock(path: string, token: string): LockFile {
  const isMine = () => {
    try {
      return parseHolder(readFileSync(path, 'utf8'))?.token === token;
    } catch {
      return false;
    }
  };
  return {
    renew: (nowMs) => {
      if (isMine()) utimesSync(path, nowMs / 1000, nowMs / 1000);
    },
    release: () => {
      if (isMine()) rmSync(path, { force: true });
    },
  };
}
