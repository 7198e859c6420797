/**
 * Requests per second through workerd, measured with autocannon. Routes are measured in rounds and the order
 * flips every round (A B C, C B A, ...), so a slow drift of the machine hits every route alike; ratios are taken
 * within each round and their median reported.
 */
import autocannon from 'autocannon';
import { median, ratios } from './stats.ts';

export interface LoadSettings {
  connections: number;
  /** Seconds per measured run. */
  seconds: number;
  rounds: number;
  /** Seconds of load per route before measuring (JIT, caches, first upstream call). */
  warmupSeconds: number;
}

export interface RouteRuns {
  path: string;
  /** HTTP status of a single request before the runs; routes that do not answer 200 are not measured. */
  status: number;
  /** Requests per second, one per round. */
  rps: number[];
  medianRps: number;
  /** Mean latency per round, ms. */
  latencyMs: number[];
  /** Requests that failed or did not answer 2xx, over all rounds (should be 0). */
  failures: number;
}

async function statusOf(origin: string, path: string): Promise<number> {
  const res = await fetch(origin + path, { headers: { 'accept-encoding': 'identity' } });
  await res.arrayBuffer();
  return res.status;
}

/** Measures every path in alternating rounds; keys of the result are the keys of `paths`. */
export async function measureRoutes<K extends string>(
  origin: string,
  paths: Record<K, string>,
  load: LoadSettings,
): Promise<Record<K, RouteRuns>> {
  const keys = Object.keys(paths) as K[];
  const runs = {} as Record<K, RouteRuns>;
  for (const key of keys) {
    const path = paths[key];
    runs[key] = {
      path,
      status: await statusOf(origin, path),
      rps: [],
      medianRps: Number.NaN,
      latencyMs: [],
      failures: 0,
    };
  }
  const live = keys.filter((k) => runs[k].status === 200);
  // No Accept-Encoding header: we measure the Worker, not workerd's compression (the edge compresses in production).
  const run = (path: string, duration: number) =>
    autocannon({ url: origin + path, connections: load.connections, duration, pipelining: 1 });

  for (const key of live) await run(runs[key].path, load.warmupSeconds);
  for (let round = 0; round < load.rounds; round++) {
    const order = round % 2 === 0 ? live : [...live].reverse();
    for (const key of order) {
      const result = await run(runs[key].path, load.seconds);
      runs[key].rps.push(result.requests.total / result.duration);
      runs[key].latencyMs.push(result.latency.average);
      runs[key].failures += result.errors + result.timeouts + result.non2xx;
    }
  }
  for (const key of live) runs[key].medianRps = median(runs[key].rps);
  return runs;
}

/** Median over rounds of a.rps / b.rps (NaN when either route was not measured). */
export function medianRatio(a: RouteRuns, b: RouteRuns): number {
  return median(ratios(a.rps, b.rps));
}
