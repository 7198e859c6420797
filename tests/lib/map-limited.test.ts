import { describe, expect, it } from 'vitest';
import { mapLimited } from '../../src/lib/map-limited.ts';

const tick = () => new Promise((done) => setTimeout(done, 1));

describe('mapLimited', () => {
  it('answers in the order of the items, with at most `limit` calls in flight', async () => {
    let running = 0;
    let most = 0;
    const results = await mapLimited([5, 1, 4, 2, 3], 2, async (n, i) => {
      running++;
      most = Math.max(most, running);
      for (let t = 0; t < n; t++) await tick();
      running--;
      return `${i}:${n}`;
    });
    expect(results).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3']);
    expect(most).toBe(2);
  });

  it('starts nothing after a failure, waits for the calls in flight, then throws the first failure', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const run = mapLimited([0, 1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      await tick();
      if (n === 1) throw new Error('put 1 failed');
      await tick();
      finished.push(n);
    });
    await expect(run).rejects.toThrow('put 1 failed');
    // 0 was in flight when 1 failed: it finished before the caller heard; 3, 4 and 5 never started.
    expect(finished).toContain(0);
    expect(started.every((n) => n <= 2)).toBe(true);
  });

  it('answers nothing for no items', async () => {
    expect(await mapLimited([], 4, async () => 1)).toEqual([]);
  });
});
