import { describe, expect, it, vi } from 'vitest';
import { SingleFlight } from '../../src/lib/single-flight.ts';

/** A load the test settles by hand. */
function manualLoad<V>() {
  let resolve: (value: V) => void = () => {};
  let reject: (error: Error) => void = () => {};
  let calls = 0;
  const load = () => {
    calls++;
    return new Promise<V>((ok, fail) => {
      resolve = ok;
      reject = fail;
    });
  };
  return { load, resolve: (v: V) => resolve(v), reject: (e: Error) => reject(e), calls: () => calls };
}

describe('SingleFlight', () => {
  it('runs one load for concurrent callers and gives each caller a promise of its own', async () => {
    const flights = new SingleFlight<string, number>();
    const { load, resolve, calls } = manualLoad<number>();
    const first = flights.run('k', load);
    const second = flights.run('k', load);
    // The runtime settles a promise in the context that created it: a caller must never hold another's promise.
    expect(first).not.toBe(second);
    resolve(7);
    expect(await Promise.all([first, second])).toEqual([7, 7]);
    expect(calls()).toBe(1);
  });

  it('hands a failure to every caller, then loads again on the next call', async () => {
    const flights = new SingleFlight<string, number>();
    const { load, reject, calls } = manualLoad<number>();
    const both = Promise.allSettled([flights.run('k', load), flights.run('k', load)]);
    reject(new Error('D1 down'));
    expect((await both).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await flights.run('k', async () => 8)).toBe(8);
    expect(calls()).toBe(1);
  });

  it('keeps keys apart', async () => {
    const flights = new SingleFlight<string, string>();
    expect(await Promise.all([flights.run('a', async () => 'A'), flights.run('b', async () => 'B')])).toEqual([
      'A',
      'B',
    ]);
  });

  it('loads on its own when the shared load never settles (its request was cancelled), within the wait limit', async () => {
    vi.useFakeTimers();
    try {
      const flights = new SingleFlight<string, string>(1_000);
      flights.run('k', () => new Promise<string>(() => {}));
      const waiter = flights.run('k', async () => 'own load');
      await vi.advanceTimersByTimeAsync(999);
      let settled = false;
      void waiter.then(() => (settled = true));
      await Promise.resolve();
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await waiter).toBe('own load');
    } finally {
      vi.useRealTimers();
    }
  });
});
