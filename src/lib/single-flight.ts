/**
 * One load per key at a time, shared by every request of the isolate that asks for it meanwhile, with each caller
 * holding a promise of its own.
 *
 * Why not hand out the shared promise: in workerd, code that runs after awaiting a promise another request
 * settled can run in that other request's context, and a Response made there belongs to it; the runtime then
 * fails the request that sends it ("Cannot perform I/O on behalf of a different request"). A promise created by
 * the caller and settled from the loader's context is settled back in the caller's own context (the runtime's
 * cross-request promise handling), so what a caller does next is always its own I/O. What is shared is only the
 * loaded value: data, never a Response or a stream.
 */

/** How long a caller waits for another request's load before it loads on its own. */
const DEFAULT_WAIT_LIMIT_MS = 5_000;

export class SingleFlight<K, V> {
  private readonly inflight = new Map<K, Promise<V>>();
  private readonly waitLimitMs: number;

  constructor(waitLimitMs = DEFAULT_WAIT_LIMIT_MS) {
    this.waitLimitMs = waitLimitMs;
  }

  /**
   * The value of `load` for `key`: the load already in flight for it, or a new one. A caller never waits more
   * than the wait limit on someone else's load (a request cancelled mid-load never settles it): past the limit
   * it runs `load` itself.
   */
  run(key: K, load: () => Promise<V>): Promise<V> {
    const shared = this.inflight.get(key);
    if (shared) return this.join(shared, load);
    const started = load();
    this.inflight.set(key, started);
    const forget = () => {
      if (this.inflight.get(key) === started) this.inflight.delete(key);
    };
    started.then(forget, forget);
    return own(started);
  }

  /**
   * The caller's own promise of the shared load. Only its resolve and reject are called from the loader's context
   * (the runtime defers them to the caller's); its timer is set and cleared in the caller's context alone.
   */
  private join(shared: Promise<V>, load: () => Promise<V>): Promise<V> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waited = new Promise<V>((resolve, reject) => {
      shared.then(resolve, reject);
      timer = setTimeout(() => load().then(resolve, reject), this.waitLimitMs);
    });
    return waited.finally(() => clearTimeout(timer));
  }
}

/** A promise created in the caller's context that settles like `shared`. */
function own<V>(shared: Promise<V>): Promise<V> {
  return new Promise<V>((resolve, reject) => {
    shared.then(resolve, reject);
  });
}
