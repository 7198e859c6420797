/**
 * A per-isolate read-through cache with a freshness limit: within it a key costs no query; after it the next
 * request reloads (one load per key at a time, shared through SingleFlight: entries hold data, never a request's
 * I/O). When a reload fails, the last value is served (and the failure logged): a page the isolate already has
 * survives a D1 outage. Only a key never loaded fails.
 */
import { Lru } from '../lib/lru.ts';
import { SingleFlight } from '../lib/single-flight.ts';

export interface Entry<V> {
  value: V;
  freshUntil: number;
}

export class FreshCache<K, V> {
  private readonly entries: Lru<K, Entry<V>>;
  private readonly loads = new SingleFlight<K, Entry<V>>();
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
    return (await this.readEntry(key, now, load, freshUntil)).value;
  }

  /** Like `read`, with the time until which the value needs no reload (`now` for a stale copy served after a failure). */
  async readEntry(
    key: K,
    now: number,
    load: () => Promise<V>,
    freshUntil?: (value: V) => number | null,
  ): Promise<Entry<V>> {
    const entry = this.entries.get(key);
    if (entry && now < entry.freshUntil) return entry;
    const pending = this.loads.run(key, async () => {
      const value = await load();
      const limit = freshUntil?.(value);
      const fresh = { value, freshUntil: Math.min(now + this.ttlMs, limit ?? Number.POSITIVE_INFINITY) };
      this.entries.set(key, fresh);
      return fresh;
    });
    try {
      return await pending;
    } catch (error) {
      if (!entry) throw error;
      console.error('serving a stale copy after a failed reload:', error instanceof Error ? error.message : error);
      return { value: entry.value, freshUntil: now };
    }
  }
}
