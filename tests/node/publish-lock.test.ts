/**
 * One publish at a time (runPublish in-process): a second local run against the same state folder stops at once
 * naming the first run's pid, start time and lock file; a lock left by a crashed run (its pid gone, or not renewed
 * for an hour) is taken over with a warning; a remote run is refused by the lock row in D1 until it expires.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOCK_ROW_TTL_MS, takeLockRow } from '../../src/publish/lock-row.ts';
import type { OpenBindings } from '../../src/publish/node/bindings.ts';
import { RENEW_EVERY_MS, takePublishLock } from '../../src/publish/node/publish-lock.ts';
import { memoryD1 } from './support/bindings.ts';
import { memoryR2 } from './support/memory-r2.ts';
import { localOpener, NOW, type PublishProject, publishProject } from './support/publish-project.ts';

const projects: PublishProject[] = [];
afterEach(() => {
  for (const project of projects.splice(0)) project.close();
});
function project() {
  const made = publishProject();
  projects.push(made);
  return made;
}

const MINUTE = 60_000;
const at = (ms: number) => () => new Date(NOW.getTime() + ms);

/** A lock file as a run with this pid and host left it, last renewed `renewedAgoMs` before NOW. */
function leaveLock(p: PublishProject, pid: number, host: string, startedAgoMs: number, renewedAgoMs = startedAgoMs) {
  const path = join(p.stateDir, 'publish.lock');
  writeFileSync(path, JSON.stringify({ pid, host, startedMs: NOW.getTime() - startedAgoMs, token: 'left' }));
  const renewed = (NOW.getTime() - renewedAgoMs) / 1000;
  utimesSync(path, renewed, renewed);
  return path;
}

describe('a local publish while another one runs', () => {
  it('stops at once, naming the running one’s pid, start time and lock file; runs again once it is done', async () => {
    const p = project();
    // The first run stops at its first R2 call until `go` is called.
    let go = () => {};
    const gate = new Promise<void>((resolve) => {
      go = resolve;
    });
    let entered = () => {};
    const inside = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const gated = memoryR2();
    const head = gated.bucket.head.bind(gated.bucket);
    gated.bucket.head = async (key: string) => {
      entered();
      await gate;
      return head(key);
    };
    const first = p.publish({ openBindings: localOpener(gated.bucket) });
    await inside;

    const other = memoryR2();
    const second = await p.publish({ openBindings: localOpener(other.bucket), now: at(MINUTE) });
    expect(second).toEqual({
      kind: 'busy',
      message: `another publish is running (pid ${process.pid}, started 12:01:05 UTC); wait for it or remove state/publish.lock if that process is gone`,
    });
    expect(other.calls).toEqual([]);

    go();
    expect((await first).kind).toBe('published');
    expect(existsSync(join(p.stateDir, 'publish.lock'))).toBe(false);
    expect((await p.publish({ openBindings: localOpener(memoryR2().bucket) })).kind).toBe('published');
  });

  it('is refused by a lock from another host, which it cannot check for a live process', async () => {
    const p = project();
    leaveLock(p, 4321, 'other-host', 5 * MINUTE, MINUTE);
    expect(await p.publish({ openBindings: localOpener(memoryR2().bucket) })).toEqual({
      kind: 'busy',
      message:
        'another publish is running (pid 4321 on other-host, started 11:56:05 UTC); wait for it or remove state/publish.lock if that process is gone',
    });
  });
});

describe('a lock left by a publish that crashed', () => {
  it('is taken over with a warning when its process is gone', async () => {
    const p = project();
    const { pid } = spawnSync(process.execPath, ['-e', '']);
    const path = leaveLock(p, pid as number, hostname(), 10 * MINUTE);
    const outcome = await p.publish({ openBindings: localOpener(memoryR2().bucket) });
    expect(outcome.kind).toBe('published');
    const warning = `Took over the publish lock state/publish.lock: the publish that held it (pid ${pid}, started 11:51:05 UTC) is no longer running.`;
    expect(p.log.warn).toEqual([warning]);
    expect(outcome.kind === 'published' && outcome.report.warnings).toEqual([warning]);
    expect(existsSync(path)).toBe(false);
  });

  it('is taken over with a warning when it was not renewed for an hour, even if its pid now runs', async () => {
    const p = project();
    leaveLock(p, process.pid, hostname(), 3 * 60 * MINUTE, 61 * MINUTE);
    const outcome = await p.publish({ openBindings: localOpener(memoryR2().bucket) });
    expect(outcome.kind).toBe('published');
    expect(p.log.warn).toEqual([
      `Took over the publish lock state/publish.lock: the publish that held it (pid ${process.pid}, started 09:01:05 UTC) has not renewed it for over 60 minutes (since 11:00:05 UTC).`,
    ]);
  });
});

describe('a remote publish while another one holds the lock row', () => {
  it('is refused, naming the holder and the expiry, until the hold expires; then takes it over', async () => {
    const p = project();
    const db = await memoryD1();
    const media = memoryR2();
    const remote: OpenBindings = async () => ({
      db,
      dbName: 'DB (remote)',
      media: async () => media.bucket,
      close: async () => {},
    });
    await takeLockRow(db, 'pid 4321 on ci-runner-7 (3f9a1c2e)', NOW.getTime() - MINUTE);

    expect(await p.publish({ mode: 'remote', openBindings: remote })).toEqual({
      kind: 'busy',
      message:
        'another publish is running (pid 4321 on ci-runner-7 (3f9a1c2e), started 12:00:05 UTC, its lock expires 12:15:05 UTC); ' +
        'wait for it, or if that run is gone, wait until the lock expires or delete it: ' +
        'wrangler d1 execute DB --remote --command "DELETE FROM publish_lock"',
    });
    expect(media.calls).toEqual([]);

    const later = await p.publish({ mode: 'remote', openBindings: remote, now: at(14 * MINUTE) });
    expect(later.kind).toBe('published');
    expect(p.log.warn).toEqual([
      'Took over the publish lock in DB (remote): the publish that held it (pid 4321 on ci-runner-7 (3f9a1c2e), started 12:00:05 UTC) let it expire at 12:15:05 UTC.',
    ]);
    // Released at the end: the next run takes it at once.
    expect(await db.prepare('SELECT count(*) AS n FROM publish_lock').first('n')).toBe(0);
  });
});

describe('a publish that runs long', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('renews its hold every minute, and stops at its next check once another run took the hold over', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const db = await memoryD1();
    let clock = NOW.getTime();
    const attempt = await takePublishLock({
      db,
      dbName: 'DB (remote)',
      lockFile: null,
      now: () => new Date(clock),
      warn: () => {},
    });
    if (!('held' in attempt)) throw new Error(attempt.busy);
    const expiry = () => db.prepare('SELECT expires_ms FROM publish_lock').first('expires_ms');

    clock += RENEW_EVERY_MS;
    await vi.advanceTimersByTimeAsync(RENEW_EVERY_MS);
    expect(await expiry()).toBe(clock + LOCK_ROW_TTL_MS);
    attempt.held.check();

    // Its hold lapsed (a machine asleep, say) and another run took the row.
    await db.prepare("UPDATE publish_lock SET holder = 'another run'").run();
    clock += RENEW_EVERY_MS;
    await vi.advanceTimersByTimeAsync(RENEW_EVERY_MS);
    expect(() => attempt.held.check()).toThrow(
      'hold the publish lock DB (remote): another publish took it over after it expired; this run stopped before writing more: publish again',
    );
    await attempt.held.release();
    expect(await db.prepare('SELECT holder FROM publish_lock').first('holder')).toBe('another run');
  });

  it('keeps its lock file fresh, so that it never looks like a crashed run’s', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const p = project();
    const db = await memoryD1();
    let clock = NOW.getTime();
    const path = join(p.stateDir, 'publish.lock');
    const attempt = await takePublishLock({
      db,
      dbName: 'local',
      lockFile: { path, shown: 'state/publish.lock' },
      now: () => new Date(clock),
      warn: () => {},
    });
    if (!('held' in attempt)) throw new Error(attempt.busy);
    expect(statSync(path).mtimeMs).toBe(clock);
    clock += 90 * MINUTE;
    await vi.advanceTimersByTimeAsync(RENEW_EVERY_MS);
    expect(statSync(path).mtimeMs).toBe(clock);
    await attempt.held.release();
    expect(existsSync(path)).toBe(false);
  });
});
