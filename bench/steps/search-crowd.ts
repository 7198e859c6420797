/**
 * One search asked by a crowd (issue 19: `/search?q=بيروت` at 50 connections), in one V8 against an archive's D1:
 * 50 clients each send their next request as soon as their last answer is read, as autocannon does against a
 * server, and each answer's time runs from its request to its last byte, waiting behind the others included.
 * "Before" gives every request fresh isolate caches, so each one queries the index, as the app did before search
 * pages were cached and identical queries in flight shared one read; "after" is one isolate as deployed.
 */
import { setImmediate } from 'node:timers/promises';
import { percentile } from '../measure.ts';
import { type AppModule, benchDeps, executionContext, label, type Row } from './context.ts';

const CONNECTIONS = 50;
const QUERY = 'بيروت';
const WARM_UP_QUERY = 'الحكومة';
/** Where the issue sets its target (p99 under 100 ms at 3,000 articles): the sizes up to this one. */
const TARGET_UP_TO = 10_000;

interface CrowdLatency {
  p50: number;
  p99: number;
  requests: number;
  /** Answers other than 200 (a read past its time limit answers 503). */
  failed: number;
}

/** `ask(connection)` sends one request on that connection and resolves with its status once its body is read. */
async function crowd(ask: (connection: number) => Promise<number>, requests: number): Promise<CrowdLatency> {
  const times: number[] = [];
  let sent = 0;
  let failed = 0;
  const client = async (connection: number) => {
    while (sent < requests) {
      sent++;
      // A request reaches a server as an I/O event: without this turn of the event loop, clients whose answers
      // come from memory (microtasks only) would keep the ones waiting for a read from ever being resumed.
      await setImmediate();
      const started = performance.now();
      if ((await ask(connection)) !== 200) failed++;
      times.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => client(i)));
  return { p50: percentile(times, 50), p99: percentile(times, 99), requests: times.length, failed };
}

export async function searchCrowdRow(
  appModule: AppModule,
  env: Record<string, unknown>,
  size: number,
  { quick }: { quick: boolean },
): Promise<Row> {
  const get = async (app: ReturnType<AppModule['createApp']>, query = QUERY) => {
    const res = await app.fetch(
      new Request(`https://al-ayyam.example/search?q=${encodeURIComponent(query)}`),
      env,
      executionContext,
    );
    await res.arrayBuffer();
    return res.status;
  };
  // Every app answers one other search first: the crowd then meets a warm isolate and an uncached query, as it
  // would once a story breaks, not the isolate's own first request.
  const warmApp = async (deps = benchDeps(appModule)) => {
    const app = appModule.createApp(deps);
    await get(app, WARM_UP_QUERY);
    return { deps, app };
  };
  // Before: a set of caches per connection, replaced before each of its requests.
  const perConnection = await Promise.all(Array.from({ length: CONNECTIONS }, () => warmApp()));
  const before = await crowd(
    (c) => {
      const own = perConnection[c] as (typeof perConnection)[number];
      own.deps.caches = appModule.createIsolateCaches();
      return get(own.app);
    },
    CONNECTIONS * (quick ? 2 : 4),
  );
  const { app: shared } = await warmApp();
  const after = await crowd(() => get(shared), CONNECTIONS * (quick ? 10 : 40));
  const targeted = size <= TARGET_UP_TO;
  const fmt = (l: CrowdLatency) =>
    `p50 ${l.p50.toFixed(1)} / p99 ${l.p99.toFixed(1)} ms (${l.requests} requests, ${l.failed} not 200)`;
  return {
    section: label(size),
    metric: `\`/search?q=${QUERY}\` at ${CONNECTIONS} connections in one isolate: before (every request queries) → after (cached, shared)`,
    result: `${fmt(before)} → ${fmt(after)}`,
    target: targeted ? 'after: p99 < 100 ms' : 'report',
    pass: targeted ? after.p99 < 100 && after.failed === 0 : after.failed === 0 ? null : false,
    value: after.p99,
  };
}
