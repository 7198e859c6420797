/**
 * The D1 lock row (src/publish/lock-row.ts) against the publish step's own D1 adapter with migrations/ applied:
 * one holder at a time, a hold that expires, and renewal and release that touch only the caller's own hold.
 */
import { describe, expect, it } from 'vitest';
import {
  heldRowMessage,
  LOCK_ROW_TTL_MS,
  releaseLockRow,
  renewLockRow,
  takeLockRow,
} from '../../src/publish/lock-row.ts';
import { memoryD1 } from './support/bindings.ts';

const T0 = Date.parse('2025-03-01T12:01:05Z');
const MINUTE = 60_000;

describe('the publish lock row', () => {
  it('refuses a second holder until the first one’s hold expires, then hands it over', async () => {
    const db = await memoryD1();
    expect(await takeLockRow(db, 'ci job A', T0)).toEqual({ taken: true, previous: null });
    const refused = await takeLockRow(db, 'ci job B', T0 + MINUTE);
    expect(refused).toEqual({
      taken: false,
      heldBy: { holder: 'ci job A', startedMs: T0, expiresMs: T0 + LOCK_ROW_TTL_MS },
    });
    expect(await takeLockRow(db, 'ci job B', T0 + LOCK_ROW_TTL_MS - 1)).toMatchObject({ taken: false });
    expect(await takeLockRow(db, 'ci job B', T0 + LOCK_ROW_TTL_MS)).toEqual({
      taken: true,
      previous: { holder: 'ci job A', startedMs: T0, expiresMs: T0 + LOCK_ROW_TTL_MS },
    });
    // A's renewal finds the row taken over; B's release then frees it for anyone.
    expect(await renewLockRow(db, 'ci job A', T0 + LOCK_ROW_TTL_MS + MINUTE)).toBe(false);
    await releaseLockRow(db, 'ci job A');
    expect(await takeLockRow(db, 'ci job C', T0 + LOCK_ROW_TTL_MS + MINUTE)).toMatchObject({ taken: false });
    await releaseLockRow(db, 'ci job B');
    expect(await takeLockRow(db, 'ci job C', T0 + LOCK_ROW_TTL_MS + MINUTE)).toEqual({ taken: true, previous: null });
  });

  it('stays with a holder that renews it, past the first expiry', async () => {
    const db = await memoryD1();
    await takeLockRow(db, 'A', T0);
    expect(await renewLockRow(db, 'A', T0 + 10 * MINUTE)).toBe(true);
    expect(await takeLockRow(db, 'B', T0 + LOCK_ROW_TTL_MS + MINUTE)).toMatchObject({
      taken: false,
      heldBy: { expiresMs: T0 + 10 * MINUTE + LOCK_ROW_TTL_MS },
    });
  });

  it('is taken whatever it holds when forced (a local run that holds the lock file)', async () => {
    const db = await memoryD1();
    await takeLockRow(db, 'crashed local run', T0);
    expect(await takeLockRow(db, 'next local run', T0 + MINUTE, { force: true })).toMatchObject({
      taken: true,
      previous: { holder: 'crashed local run' },
    });
  });

  it('is described with its holder, start and expiry in UTC, and how to free it', () => {
    const row = { holder: 'pid 1234 on ci-runner-7 (3f9a1c2e)', startedMs: T0, expiresMs: T0 + LOCK_ROW_TTL_MS };
    expect(heldRowMessage(row, 'DB --remote')).toBe(
      'another publish is running (pid 1234 on ci-runner-7 (3f9a1c2e), started 12:01:05 UTC, its lock expires 12:16:05 UTC); ' +
        'wait for it, or if that run is gone, wait until the lock expires or delete it: ' +
        'wrangler d1 execute DB --remote --command "DELETE FROM publish_lock"',
    );
  });
});
