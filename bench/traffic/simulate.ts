/**
 * One design under the whole run: every request of the stream executed by the real app (bundled from
 * bench/traffic/app-entry.ts) on an isolate of its colo, against the archive through the simulated D1, on the
 * virtual clock. Returns what happened, request by request in compact form, for report.ts.
 *
 * Server time of a request = its real time in this V8 (performance.now() around app.fetch and reading the body:
 * our code plus the local SQLite query time, since D1 runs in-process here) + the simulated D1 round trips + the
 * time it waits for a load its isolate already has in flight for the same path (the app's SingleFlight; requests
 * run one after another here, so that wait is added from the virtual clock).
 */
import { openLocalD1 } from '../../src/publish/node/local-d1.ts';
import { type Archive, workingCopy } from './archive-cache.ts';
import { VirtualCache } from './colo-cache.ts';
import { COLOS, linksOf } from './colos.ts';
import { Meter, openReplica, simulatedD1 } from './d1.ts';
import { ColoIsolates, type Isolate, type IsolateModel } from './isolates.ts';
import { seeded } from './random.ts';
import { preparePublish, SPIKE_SLUG } from './spike-article.ts';
import { ROUTE_KINDS, requests, type SimRequest, type TrafficPlan } from './traffic.ts';

type AppModule = typeof import('./app-entry.ts');

/** What a request came to: measured when executed, copied when replayed. */
interface Outcome {
  cpuMs: number;
  primary: number;
  replica: number;
  /** What its round trips asked, and where they went. */
  queries: { target: 'primary' | 'replica'; key: string }[];
  waitMs: number;
  status: number;
  /** For the front page after the publish: whether it names the new article. */
  shows: boolean | null;
}

/** One isolate's app, what making it cost (its first request pays it), and its replayable samples. */
interface Instance {
  app: ReturnType<AppModule['createApp']>;
  startMs: number;
  /** Per path: when it was measured, whether after the publish (what is checked of it changed then), and how. */
  samples: Map<string, { at: number; published: boolean; page: object; outcome: Outcome }>;
  /** Until when the isolate's own memory holds the page at `path` valid (0: not held). */
  pageValidUntil(path: string): number;
  /** The isolate's own kept page at `path` (its identity changes when the page is made again). */
  page(path: string): object | undefined;
}

export interface Design {
  name: string;
  coloCache: boolean;
  replicas: boolean;
}

export const DESIGNS: readonly Design[] = [
  { name: 'today', coloCache: false, replicas: false },
  { name: '+ colo cache', coloCache: true, replicas: false },
  { name: '+ replicas', coloCache: false, replicas: true },
  { name: '+ both', coloCache: true, replicas: true },
];

export interface ModelOptions {
  archive: Archive;
  plan: TrafficPlan;
  isolates: IsolateModel;
  /** How long a replica lags the primary after the publish (ms). */
  replicaLagMs: number;
  replicasEverywhere: boolean;
  /** The `--colo-cache-forever` what-if: colo cache entries never expire (bench/traffic/colo-cache.ts). */
  coloForever: boolean;
  /**
   * A request for a page its isolate served from memory (no D1, no colo cache) less than this long ago, and still
   * holds valid, is not executed again: it is counted with that request's measured outcome (0: execute all).
   * Pages only; it keeps the spike's hundreds of identical hits a second from dominating the run's time.
   */
  replayMs: number;
  /** Folder for the run's working copy of the archive. */
  workDir: string;
}

/** The run's virtual epoch: 08:00 in Beirut, the morning after the synthetic archive's newest article. */
export const START = Date.parse('2026-01-01T06:00:00Z');
const SITE = 'https://al-ayyam.example';
/** Minute buckets of the run. */
const MINUTE = 60_000;

export type Phase = 0 | 1 | 2;
export const PHASES = ['before the spike', 'spike', 'after the spike'] as const;

/** When a colo first and last saw the new article (virtual ms since the start; null: not yet). */
export interface Visibility {
  /** The article (page, AMP, API) answered 200. */
  articleFirstOk: number | null;
  /** The last answer after the publish that did not show it (404 for the article). */
  articleLastStale: number | null;
  articleStale: number;
  /** The front page (`/`, `/api/front`) names it. */
  frontFirstOk: number | null;
  frontLastStale: number | null;
  frontStale: number;
}

export interface DesignRun {
  design: Design;
  wallSeconds: number;
  publish: { atMs: number; wallMs: number; result: string };
  /** Per request, in arrival order. */
  colo: Uint8Array;
  phase: Uint8Array;
  /** Server time = cpu + D1 round trips + wait for the isolate's own load in flight (ms). */
  serverMs: Float32Array;
  cpuMs: Float32Array;
  d1Ms: Float32Array;
  trips: Uint8Array;
  /** Requests counted from a sample instead of executed (see ModelOptions.replayMs). */
  replayed: number;
  /** Requests executed by the app, per kind (index into ROUTE_KINDS). */
  executedByKind: number[];
  /** Index into ROUTE_KINDS; 1 in `spike` for the spike's own requests. */
  kind: Uint8Array;
  spike: Uint8Array;
  count: number;
  /** Per minute of the run. */
  minutes: { requests: number; primary: number; replica: number; touching: number }[];
  /** Requests that touched D1 during the spike (any instance, and the primary), by colo, path and minute. */
  spikeTouches: Map<string, number>;
  spikePrimary: Map<string, number>;
  /**
   * Round trips during the spike by colo, query (SQL and parameters) and minute, to any instance and to the primary:
   * a read shared by many URLs (the chrome every page shows) is one query, however many URLs it serves.
   */
  spikeQueries: Map<string, number>;
  spikeQueriesPrimary: Map<string, number>;
  /** A short name per query id of spikeQueries: the first table it reads and its parameters. */
  queryNames: string[];
  visibility: Visibility[];
  isolates: { started: number; peak: number }[];
  coloCache: { hits: number; misses: number; puts: number };
  statuses: Map<string, number>;
  logged: { count: number; first: string[] };
}

/** Runs `design` over the plan's whole stream. */
export async function simulate(appModule: AppModule, design: Design, options: ModelOptions): Promise<DesignRun> {
  const { plan } = options;
  const started = performance.now();
  const file = workingCopy(options.archive, options.workDir);
  const primary = openLocalD1(file);
  const replica = design.replicas ? openReplica(file) : null;
  const publishAt = plan.spike.startMs;
  const publish = await preparePublish(primary.db, new Date(START + publishAt));
  const clock = { t: START };
  const meter = new Meter();
  const now = () => clock.t;
  const lifecycle = seeded(plan.seed + 1);
  // Room for the expected number of requests and 5% more; grown if a run has more.
  const expected = (plan.baselineRps * (plan.durationMs + plan.spike.durationMs * (plan.spike.factor - 1))) / 1000;
  const capacity = Math.ceil(expected * 1.05) + 1024;
  const run: DesignRun = {
    design,
    wallSeconds: 0,
    publish: { atMs: publishAt, wallMs: 0, result: '' },
    colo: new Uint8Array(capacity),
    phase: new Uint8Array(capacity),
    serverMs: new Float32Array(capacity),
    cpuMs: new Float32Array(capacity),
    d1Ms: new Float32Array(capacity),
    trips: new Uint8Array(capacity),
    replayed: 0,
    executedByKind: ROUTE_KINDS.map(() => 0),
    kind: new Uint8Array(capacity),
    spike: new Uint8Array(capacity),
    count: 0,
    minutes: Array.from({ length: Math.ceil(plan.durationMs / MINUTE) }, () => ({
      requests: 0,
      primary: 0,
      replica: 0,
      touching: 0,
    })),
    spikeTouches: new Map(),
    spikePrimary: new Map(),
    spikeQueries: new Map(),
    spikeQueriesPrimary: new Map(),
    queryNames: [],
    visibility: COLOS.map(() => ({
      articleFirstOk: null,
      articleLastStale: null,
      articleStale: 0,
      frontFirstOk: null,
      frontLastStale: null,
      frontStale: 0,
    })),
    isolates: [],
    coloCache: { hits: 0, misses: 0, puts: 0 },
    statuses: new Map(),
    logged: { count: 0, first: [] },
  };
  const colos = COLOS.map((colo) => {
    const links = linksOf(colo, { replicasEverywhere: options.replicasEverywhere });
    const cache = new VirtualCache({ now, landsAt: () => clock.t + meter.waitMs }, { forever: options.coloForever });
    const db = simulatedD1(
      { primary: primary.db, replica: replica?.db ?? primary.db },
      { reads: design.replicas ? 'replica' : 'primary', primaryMs: links.primaryMs, replicaMs: links.replicaMs },
      meter,
    );
    const env = {
      DB: db,
      CF_VERSION_METADATA: { id: 'traffic-model', tag: '', timestamp: '' },
      SITE_URL: SITE,
      WEATHER_URL: 'http://127.0.0.1:9/',
      WEATHER_KV: weatherKv(now),
    };
    const shared = design.coloCache ? appModule.coloCache(cache as unknown as Cache) : appModule.NO_COLO_CACHE;
    const isolates = new ColoIsolates<Instance>(options.isolates, lifecycle, () => {
      const begin = performance.now();
      const caches = appModule.createIsolateCaches();
      const app = appModule.createApp({
        weather: appModule.createWeatherService({ fetch: async () => new Response('', { status: 503 }), now }),
        now,
        caches,
        colo: shared,
      });
      return {
        app,
        startMs: performance.now() - begin,
        samples: new Map(),
        pageValidUntil: (path) => caches.pagesByUrl.get(`${SITE}|${path}`)?.validUntil ?? 0,
        page: (path) => caches.pagesByUrl.get(`${SITE}|${path}`),
      };
    });
    return { cache, env, isolates };
  });

  const restore = captureLogs(run.logged);
  // Queries by a short id, so the per-minute counts do not keep every SQL text per entry.
  const queryIds = new Map<string, number>();
  let published = false;
  let caughtUp = replica === null;
  const spikeEnd = plan.spike.startMs + plan.spike.durationMs;
  const articlePaths = new Set([
    `/articles/${SPIKE_SLUG}`,
    `/articles/${SPIKE_SLUG}/amp`,
    `/api/articles/${SPIKE_SLUG}`,
  ]);
  const fronts = new Set(['/', '/api/front']);

  /** Runs one request through the app on its isolate. */
  const execute = async (
    request: SimRequest,
    isolate: Isolate<Instance>,
    colo: (typeof colos)[number],
    cold: boolean,
  ) => {
    const spawnMs = cold ? isolate.instance.startMs : 0;
    const lookups = colo.cache.hits + colo.cache.misses;
    meter.reset();
    const pending: Promise<unknown>[] = [];
    const ctx = {
      waitUntil: (p: Promise<unknown>) => pending.push(p),
      passThroughOnException() {},
      props: {},
    } as unknown as ExecutionContext;
    const readsFront = published && fronts.has(request.path);
    const begin = performance.now();
    const response = await isolate.instance.app.fetch(new Request(SITE + request.path), colo.env, ctx);
    const text = readsFront ? await response.text() : null;
    if (!readsFront) await response.arrayBuffer();
    const cpuMs = performance.now() - begin + spawnMs;
    await Promise.all(pending);
    const outcome: Outcome = {
      cpuMs,
      primary: meter.primary,
      replica: meter.replica,
      queries: meter.queries,
      waitMs: meter.waitMs,
      status: response.status,
      shows: text === null ? null : text.includes(SPIKE_SLUG),
    };
    // A page served from the isolate's own memory, touching neither D1 nor the colo cache: a sample to replay.
    const pure = outcome.primary + outcome.replica === 0 && colo.cache.hits + colo.cache.misses === lookups;
    const page = isolate.instance.page(request.path);
    if (pure && !cold && page && isolate.instance.pageValidUntil(request.path) > clock.t) {
      isolate.instance.samples.set(request.path, { at: request.t, published, page, outcome });
    }
    return outcome;
  };

  try {
    for (const request of requests(plan)) {
      if (!published && request.t >= publishAt) {
        clock.t = START + publishAt;
        const wall = performance.now();
        run.publish.result = await publish();
        run.publish.wallMs = performance.now() - wall;
        published = true;
      }
      if (!caughtUp && request.t >= publishAt + options.replicaLagMs) {
        replica?.catchUp();
        caughtUp = true;
      }
      clock.t = START + request.t;
      const colo = colos[request.colo] as (typeof colos)[number];
      const { isolate, cold } = colo.isolates.route(request.t);
      // Replayed: the isolate served this page from its memory less than replayMs ago, and still holds that same
      // page valid (a page made again since, from newer reads, may show something else: it is executed).
      const sample = isolate.instance.samples.get(request.path);
      const replay =
        !cold &&
        sample !== undefined &&
        sample.published === published &&
        request.t - sample.at < options.replayMs &&
        isolate.instance.page(request.path) === sample.page &&
        isolate.instance.pageValidUntil(request.path) > clock.t;
      const outcome = replay ? sample.outcome : await execute(request, isolate, colo, cold);
      if (replay) run.replayed++;
      else {
        const k = ROUTE_KINDS.indexOf(request.kind);
        run.executedByKind[k] = (run.executedByKind[k] ?? 0) + 1;
      }
      const trips = outcome.primary + outcome.replica;

      let joinMs = 0;
      if (trips === 0) {
        const until = isolate.loading.get(request.path);
        if (until !== undefined && until > clock.t) joinMs = until - clock.t;
      } else {
        isolate.loading.set(request.path, clock.t + outcome.waitMs + outcome.cpuMs);
      }
      if (run.count === run.serverMs.length) grow(run);
      const i = run.count++;
      const phase: Phase = request.t < publishAt ? 0 : request.t < spikeEnd ? 1 : 2;
      run.colo[i] = request.colo;
      run.phase[i] = phase;
      run.cpuMs[i] = outcome.cpuMs;
      run.d1Ms[i] = outcome.waitMs + joinMs;
      run.serverMs[i] = outcome.cpuMs + outcome.waitMs + joinMs;
      run.trips[i] = Math.min(255, trips);
      run.kind[i] = ROUTE_KINDS.indexOf(request.kind);
      run.spike[i] = request.spike ? 1 : 0;
      const minute = run.minutes[Math.floor(request.t / MINUTE)];
      if (minute) {
        minute.requests++;
        minute.primary += outcome.primary;
        minute.replica += outcome.replica;
        if (trips > 0) minute.touching++;
      }
      if (phase === 1 && trips > 0) {
        const key = `${request.colo}|${request.path}|${Math.floor(request.t / MINUTE)}`;
        run.spikeTouches.set(key, (run.spikeTouches.get(key) ?? 0) + 1);
        if (outcome.primary > 0) run.spikePrimary.set(key, (run.spikePrimary.get(key) ?? 0) + 1);
        for (const query of outcome.queries) {
          const id = queryIds.get(query.key) ?? queryIds.set(query.key, queryIds.size).size - 1;
          const at = `${request.colo}|q${id}|${Math.floor(request.t / MINUTE)}`;
          run.spikeQueries.set(at, (run.spikeQueries.get(at) ?? 0) + 1);
          if (query.target === 'primary') run.spikeQueriesPrimary.set(at, (run.spikeQueriesPrimary.get(at) ?? 0) + 1);
        }
      }
      const status = `${request.kind} ${outcome.status}`;
      run.statuses.set(status, (run.statuses.get(status) ?? 0) + 1);

      if (published) {
        const seen = run.visibility[request.colo] as Visibility;
        if (articlePaths.has(request.path)) {
          if (outcome.status === 200) seen.articleFirstOk ??= request.t;
          else {
            seen.articleLastStale = request.t;
            seen.articleStale++;
          }
        } else if (outcome.shows !== null) {
          if (outcome.shows) seen.frontFirstOk ??= request.t;
          else {
            seen.frontLastStale = request.t;
            seen.frontStale++;
          }
        }
      }
      if ((i & 0x3fff) === 0) for (const c of colos) c.cache.sweep();
    }
  } finally {
    restore();
    replica?.close();
    await primary.close();
  }
  for (const c of colos) {
    run.isolates.push({ started: c.isolates.started, peak: c.isolates.peak });
    run.coloCache.hits += c.cache.hits;
    run.coloCache.misses += c.cache.misses;
    run.coloCache.puts += c.cache.puts;
  }
  run.queryNames = [...queryIds.keys()].map((key) => {
    const statements = key.split('\u0001').map((statement) => {
      const [sql = '', params = ''] = statement.split('\u0000');
      return `${/FROM\s+(\w+)/i.exec(sql)?.[1] ?? 'select'}${params.slice(0, 40)}`;
    });
    return statements.join(' + ');
  });
  run.wallSeconds = (performance.now() - started) / 1000;
  return run;
}

/** Doubles the per-request arrays. */
function grow(run: DesignRun): void {
  const twice = <T extends Uint8Array | Float32Array>(array: T): T => {
    const bigger = new (array.constructor as new (n: number) => T)(array.length * 2);
    bigger.set(array);
    return bigger;
  };
  run.colo = twice(run.colo);
  run.phase = twice(run.phase);
  run.serverMs = twice(run.serverMs);
  run.cpuMs = twice(run.cpuMs);
  run.d1Ms = twice(run.d1Ms);
  run.trips = twice(run.trips);
  run.kind = twice(run.kind);
  run.spike = twice(run.spike);
}

/** A KV binding holding a temperature fetched just now (virtual time), so no request refreshes it. */
function weatherKv(now: () => number): KVNamespace {
  return {
    get: async () => {
      const at = new Date(now()).toISOString();
      return JSON.stringify({ tempC: 21.4, observedAt: at, fetchedAt: at, source: 'open-meteo' });
    },
    put: async () => {},
  } as unknown as KVNamespace;
}

/** Counts what the app logs during a run (and keeps the first lines), instead of printing a line per request. */
function captureLogs(into: { count: number; first: string[] }): () => void {
  const { warn, error } = console;
  const keep = (...args: unknown[]) => {
    into.count++;
    if (into.first.length < 5) into.first.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
  };
  console.warn = keep;
  console.error = keep;
  return () => {
    console.warn = warn;
    console.error = error;
  };
}
