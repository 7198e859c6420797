/**
 * A per-isolate read-through cache with a freshness limit: within it a key costs no query; after it the next
 * request reloads (one load per key at a time). When a reload fails, the last value is served (and the failure
 * logged): a page the isolate already has survives a D1 outage. Only a key never loaded fails.
 */
import { Lru } from '../lib/lru.ts';

interface Entry<V> {
  value: V;
  freshUntil: number;
}

export class FreshCache<K, V> {
  private readonly entries: Lru<K, Entry<V>>;
  private readonly loading = new Map<K, Promise<V>>();
  private readonly ttlMs: number;

  constructor(capacity: number, ttlMs: number) {
    this.entries = new Lru(capacity);
    this.ttlMs = ttlMs;
  }

  /**
   * The value for `key`: cached while fresh, else loaded. `freshUntil` may shorten the freshness of a loaded value
   * (a list that changes when a scheduled article appears).
   */
  async read(key: K, now: number, load: () => Promise<V>, freshUntil?: (value: V) => number | null): Promise<V> {
    const entry = this.entries.get(key);
    if (entry && now < entry.freshUntil) return entry.value;
    let pending = this.loading.get(key);
    if (!pending) {
      pending = load();
      this.loading.set(key, pending);
      pending.then(
        (value) => {
          const limit = freshUntil?.(value);
          this.entries.set(key, { value, freshUntil: Math.min(now + this.ttlMs, limit ?? Number.POSITIVE_INFINITY) });
        },
        () => {},
      );
      const settled = () => {
        if (this.loading.get(key) === pending) this.loading.delete(key);
      };
      pending.then(settled, settled);
    }
    try {
      return await pending;
    } catch (error) {
      if (!entry) throw error;
      console.error('serving a stale copy after a failed reload:', error instanceof Error ? error.message : error);
      return entry.value;
    }
  }
}
