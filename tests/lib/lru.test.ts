import { describe, expect, it } from 'vitest';
import { Lru } from '../../src/lib/lru.ts';

describe('Lru', () => {
  it('keeps at most its capacity, evicting the least recently used entry', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now the most recently used
    lru.set('c', 3);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    expect(lru.get('c')).toBe(3);
    lru.set('d', 4);
    expect(lru.get('a')).toBeUndefined();
    expect([lru.get('c'), lru.get('d')]).toEqual([3, 4]);
  });

  it('keeps the order of last use through runs of hits on one key', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    lru.get('a');
    lru.get('a');
    lru.get('b');
    lru.get('b');
    // b was used last: a goes first.
    lru.set('c', 3);
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual([undefined, 2, 3]);
  });

  it('replaces a value set again without evicting anything else', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    lru.set('a', 10);
    // Setting a again made it the most recent: b goes first.
    lru.set('c', 3);
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual([10, undefined, 3]);
  });

  it('getOrSet computes once per key while it stays cached', () => {
    const lru = new Lru<number, string>(1);
    let calls = 0;
    const make = () => `value ${++calls}`;
    expect(lru.getOrSet(1, make)).toBe('value 1');
    expect(lru.getOrSet(1, make)).toBe('value 1');
    lru.getOrSet(2, make); // evicts 1
    expect(lru.getOrSet(1, make)).toBe('value 3');
  });
});
