/** A small least-recently-used map: per-isolate memoization with bounded memory. */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  private readonly capacity: number;
  /** The key used last: a hit on it needs no reordering (a breaking story's page, request after request). */
  private newest: K | undefined;

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined && key !== this.newest) {
      this.map.delete(key);
      this.map.set(key, value);
      this.newest = key;
    }
    return value;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    this.newest = key;
    if (this.map.size > this.capacity) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
  }

  /** Returns the cached value for `key`, computing and storing it on a miss. */
  getOrSet(key: K, make: () => V): V {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const value = make();
    this.set(key, value);
    return value;
  }
}
