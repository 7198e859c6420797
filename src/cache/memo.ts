/**
 * A bounded per-isolate memo of values made asynchronously (rendered pages, serialized JSON, article bodies):
 * settled values in an LRU, concurrent misses sharing one computation through SingleFlight. It holds data only;
 * a failed computation is not kept, so the next request tries again.
 */
import { Lru } from '../lib/lru.ts';
import { SingleFlight } from '../lib/single-flight.ts';

export class Memo<K, V> {
  private readonly values: Lru<K, V>;
  private readonly flights = new SingleFlight<K, V>();

  constructor(capacity: number) {
    this.values = new Lru(capacity);
  }

  /** The value for `key`, made by `make` on a miss (once, however many requests miss at the same time). */
  async get(key: K, make: () => Promise<V>): Promise<V> {
    const hit = this.values.get(key);
    if (hit !== undefined) return hit;
    return this.flights.run(key, async () => {
      const value = await make();
      this.values.set(key, value);
      return value;
    });
  }
}
