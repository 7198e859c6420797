import { describe, expect, it } from 'vitest';
import { Memo } from '../../src/cache/memo.ts';

describe('Memo', () => {
  it('makes a value once for concurrent misses and keeps it', async () => {
    const memo = new Memo<string, number>(4);
    let calls = 0;
    const make = async () => ++calls;
    expect(await Promise.all([memo.get('k', make), memo.get('k', make)])).toEqual([1, 1]);
    expect(await memo.get('k', make)).toBe(1);
    expect(calls).toBe(1);
  });

  it('forgets a failed computation so the next call tries again', async () => {
    const memo = new Memo<string, string>(4);
    await expect(memo.get('k', () => Promise.reject(new Error('render failed')))).rejects.toThrow('render failed');
    expect(await memo.get('k', async () => 'ok')).toBe('ok');
  });

  it('holds at most its capacity, dropping the least recently used', async () => {
    const memo = new Memo<number, string>(2);
    let calls = 0;
    const make = async () => `v${++calls}`;
    await memo.get(1, make);
    await memo.get(2, make);
    await memo.get(3, make); // evicts 1
    expect(await memo.get(1, make)).toBe('v4');
  });
});
