/**
 * The isolates of one colo, started and stopped by load. Cloudflare does not publish how it places a Worker's
 * requests on isolates, only that since 2025 a Worker's requests in a data centre go to one shard server until it
 * is overloaded (blog.cloudflare.com/eliminating-cold-starts-2-shard-and-conquer). The model (every number an
 * assumption, see bench/traffic/README.md):
 *   - the colo needs ceil(rate / capacity) isolates, rate = its arrivals over the last 10 s; at least one;
 *   - a request goes to one of the oldest `needed` live isolates at random; when fewer are live, a new one
 *     starts and takes the request (a cold isolate: new caches, new app);
 *   - an isolate with no request for `idleMs` is evicted; one that has lived its lifetime (drawn at start,
 *     uniform between the bounds) is retired: the next request that needs one starts a new one.
 * Each isolate holds what src/index.ts makes once per isolate: its own caches, weather memory and app.
 */

export interface IsolateModel {
  /** Requests a second one isolate takes before the colo starts another. */
  capacityRps: number;
  idleMs: number;
  lifetimeMs: readonly [number, number];
  /** Window over which the colo's arrival rate is measured. */
  windowMs: number;
}

export const ISOLATE_MODEL: IsolateModel = {
  capacityRps: 25,
  idleMs: 60_000,
  lifetimeMs: [5 * 60_000, 30 * 60_000],
  windowMs: 10_000,
};

export interface Isolate<App> {
  id: number;
  bornAt: number;
  diesAt: number;
  lastUsed: number;
  served: number;
  instance: App;
  /** Per path: when this isolate's own D1 load for it ends (virtual ms): a request meanwhile waits for it. */
  loading: Map<string, number>;
}

export class ColoIsolates<App> {
  private readonly model: IsolateModel;
  private readonly rnd: () => number;
  private readonly start: () => App;
  private live: Isolate<App>[] = [];
  private readonly arrivals: number[] = [];
  private arrivalsFrom = 0;
  private nextId = 0;
  started = 0;
  evicted = 0;
  retired = 0;
  peak = 0;

  constructor(model: IsolateModel, rnd: () => number, start: () => App) {
    this.model = model;
    this.rnd = rnd;
    this.start = start;
  }

  /** The isolate that serves a request arriving at `t` (virtual ms), and whether it was started for it. */
  route(t: number): { isolate: Isolate<App>; cold: boolean } {
    this.arrivals.push(t);
    while ((this.arrivals[this.arrivalsFrom] as number) <= t - this.model.windowMs) this.arrivalsFrom++;
    if (this.arrivalsFrom > 4096) {
      this.arrivals.splice(0, this.arrivalsFrom);
      this.arrivalsFrom = 0;
    }
    const rate = (this.arrivals.length - this.arrivalsFrom) / (this.model.windowMs / 1000);
    const needed = Math.max(1, Math.ceil(rate / this.model.capacityRps));
    this.live = this.live.filter((isolate) => {
      if (t >= isolate.diesAt) this.retired++;
      else if (t - isolate.lastUsed > this.model.idleMs) this.evicted++;
      else return true;
      return false;
    });
    let cold = false;
    let isolate: Isolate<App>;
    if (this.live.length < needed) {
      const [shortest, longest] = this.model.lifetimeMs;
      isolate = {
        id: this.nextId++,
        bornAt: t,
        diesAt: t + shortest + this.rnd() * (longest - shortest),
        lastUsed: t,
        served: 0,
        instance: this.start(),
        loading: new Map(),
      };
      this.live.push(isolate);
      this.started++;
      this.peak = Math.max(this.peak, this.live.length);
      cold = true;
    } else {
      isolate = this.live[Math.floor(this.rnd() * needed)] as Isolate<App>;
    }
    isolate.lastUsed = t;
    isolate.served++;
    return { isolate, cold };
  }

  get count(): number {
    return this.live.length;
  }
}
