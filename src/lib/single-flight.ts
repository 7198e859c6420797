/**
 * One load per key at a time, shared by every request of the isolate that asks for it meanwhile. What is shared
 * is the loaded value, as data: a request that joins another's load never awaits that request's promise.
 *
 * Why: in workerd, code that runs after awaiting a promise another request settled can run in that other
 * request's context, and a Response made there belongs to it; the runtime then fails the request that sends it
 * ("Cannot perform I/O on behalf of a different request"). Handing each joiner a promise of its own (settled from
 * the loader's context) still leaked under sustained load (99 such 500s in 30,000 list requests). So a joiner
 * watches the flight's outcome from its own timers: whatever it does next runs in its own context.
 */

/** How long a caller waits for another request's load before it loads on its own. */
const DEFAULT_WAIT_LIMIT_MS = 5_000;
/** A joiner looks at the flight after 2 ms, then twice as late each time, up to every 32 ms. */
const FIRST_LOOK_MS = 2;
const LONGEST_LOOK_MS = 32;

/** One load in flight: its outcome, written by the loader when it settles, read by joiners. */
interface Flight<V> {
  outcome?: { ok: true; value: V } | { ok: false; error: unknown };
}

export class SingleFlight<K, V> {
  private readonly inflight = new Map<K, Flight<V>>();
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
    const joined = this.inflight.get(key);
    if (joined) return this.join(joined, load);
    const flight: Flight<V> = {};
    this.inflight.set(key, flight);
    const settle = (outcome: NonNullable<Flight<V>['outcome']>) => {
      flight.outcome = outcome;
      if (this.inflight.get(key) === flight) this.inflight.delete(key);
    };
    const started = load();
    started.then(
      (value) => settle({ ok: true, value }),
      (error: unknown) => settle({ ok: false, error }),
    );
    return started;
  }

  /** Watches `flight` from this caller's own timers until it settles, or loads on its own past the wait limit. */
  private join(flight: Flight<V>, load: () => Promise<V>): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      let waited = 0;
      const look = (pause: number) => {
        const { outcome } = flight;
        if (outcome) {
          if (outcome.ok) resolve(outcome.value);
          else reject(outcome.error);
        } else if (waited >= this.waitLimitMs) {
          load().then(resolve, reject);
        } else {
          const wait = Math.min(pause, this.waitLimitMs - waited);
          waited += wait;
          setTimeout(() => look(Math.min(pause * 2, LONGEST_LOOK_MS)), wait);
        }
      };
      look(FIRST_LOOK_MS);
    });
  }
}
