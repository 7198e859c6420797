import { describe, expect, it } from 'vitest';
import { StoreUnavailable, withTimeLimit } from '../../src/store/unavailable.ts';

/** A D1 call that fails with each of `failures` in turn, then answers. */
function flaky(failures: string[]) {
  let calls = 0;
  const run = async () => {
    const failure = failures[calls++];
    if (failure !== undefined) throw new Error(failure);
    return 'rows';
  };
  return { run, calls: () => calls };
}

describe('a D1 read with a time limit', () => {
  it('reads again after the local D1 was busy with a publish, and answers', async () => {
    const d1 = flaky([
      'D1_ERROR: database is locked: SQLITE_BUSY',
      'D1_ERROR: Failed to get session commit token: internal error; reference = x',
    ]);
    expect(await withTimeLimit('list', d1.run)).toBe('rows');
    expect(d1.calls()).toBe(3);
  });

  it('does not repeat a read that failed for good', async () => {
    const d1 = flaky(['D1_ERROR: no such table: listings']);
    const failure = withTimeLimit('list', d1.run);
    await expect(failure).rejects.toBeInstanceOf(StoreUnavailable);
    await expect(failure).rejects.toThrow('list: D1_ERROR: no such table: listings');
    expect(d1.calls()).toBe(1);
  });

  it('gives up at the time limit while the database stays busy', async () => {
    const d1 = flaky(Array.from({ length: 100 }, () => 'SQLITE_BUSY'));
    await expect(withTimeLimit('list', d1.run, 200)).rejects.toThrow(
      'list: no answer within 200 ms (last: SQLITE_BUSY)',
    );
    const calls = d1.calls();
    // Pauses of 20, 40, 80 ms fit in 200 ms; nothing is tried after the limit.
    expect(calls).toBeGreaterThanOrEqual(3);
    expect(calls).toBeLessThanOrEqual(5);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(d1.calls()).toBe(calls);
  });
});
