/**
 * One colo's Cache API (`caches.default`) in memory, on the model's virtual clock: what the app's real
 * `coloCache()` writes through `put` and reads through `match`, with the real encoding in between. An entry
 * lives for its `max-age`, and is seen by other isolates only once the response that wrote it is done in
 * virtual time (a request still waiting on D1 has not written it yet).
 *
 * `forever` (the `--colo-cache-forever` what-if, an upper bound, not a design: pages would never change) keeps every
 * entry and answers it as valid for one more second, so an isolate takes it instead of reading D1.
 */
import { VALID_UNTIL } from '../../src/cache/colo.ts';

interface Stored {
  body: ArrayBuffer;
  headers: [string, string][];
  /** When the write lands (virtual ms), and when the entry expires. */
  visibleAt: number;
  expiresAt: number;
}

export interface VirtualCacheClock {
  /** The virtual time now (ms since the epoch). */
  now(): number;
  /** When the request running now is done with its D1 reads (virtual ms): its writes land then. */
  landsAt(): number;
}

export class VirtualCache {
  private readonly entries = new Map<string, Stored>();
  private readonly clock: VirtualCacheClock;
  puts = 0;
  hits = 0;
  misses = 0;

  private readonly forever: boolean;

  constructor(clock: VirtualCacheClock, { forever = false } = {}) {
    this.clock = clock;
    this.forever = forever;
  }

  async match(request: Request | string): Promise<Response | undefined> {
    const key = typeof request === 'string' ? request : request.url;
    const stored = this.entries.get(key);
    const now = this.clock.now();
    const expired = stored !== undefined && !this.forever && now >= stored.expiresAt;
    if (!stored || now < stored.visibleAt || expired) {
      if (expired) this.entries.delete(key);
      this.misses++;
      return undefined;
    }
    this.hits++;
    const headers = new Headers(stored.headers);
    if (this.forever) headers.set(VALID_UNTIL, String(now + 1_000));
    return new Response(stored.body.slice(0), { headers });
  }

  async put(request: Request | string, response: Response): Promise<void> {
    const key = typeof request === 'string' ? request : request.url;
    const maxAge = Number(/max-age=(\d+)/.exec(response.headers.get('Cache-Control') ?? '')?.[1] ?? 0);
    const body = await response.arrayBuffer();
    if (maxAge <= 0) return;
    const headers: [string, string][] = [];
    response.headers.forEach((value, name) => {
      headers.push([name, value]);
    });
    const visibleAt = this.clock.landsAt();
    this.puts++;
    this.entries.set(key, {
      body,
      headers,
      visibleAt,
      expiresAt: visibleAt + maxAge * 1000,
    });
  }

  async delete(request: Request | string): Promise<boolean> {
    return this.entries.delete(typeof request === 'string' ? request : request.url);
  }

  /** Drops expired entries (the model calls it now and then, so memory follows what is live). */
  sweep(): void {
    if (this.forever) return;
    const now = this.clock.now();
    for (const [key, stored] of this.entries) if (now >= stored.expiresAt) this.entries.delete(key);
  }
}
