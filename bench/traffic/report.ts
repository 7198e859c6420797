/**
 * What the runs mean: per design, D1 round trips at the primary and the replicas over time, the share of requests
 * that touch D1, server time percentiles per colo group, how long the new article took to show everywhere, and
 * the targets, checked on "+ both" during the spike. Summaries are plain data (traffic.json); the markdown and the
 * charts are made from them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pngChart, textChart } from './chart.ts';
import { COLOS, type ColoGroup, GROUPS, linksOf } from './colos.ts';
import type { TrafficConfig } from './run.ts';
import type { DesignRun } from './simulate.ts';
import { ROUTE_KINDS, type TrafficPlan } from './traffic.ts';

const SPIKE = 1;

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  n: number;
}

export interface DesignSummary {
  design: string;
  requests: number;
  spikeRequests: number;
  /** Requests the app executed; the rest were counted from a sample (ModelOptions.replayMs). */
  executed: number;
  wallSeconds: number;
  /**
   * Share of requests that made at least one D1 round trip: whole run, during the spike, and during the spike the
   * spike's own (the new article and the front page) and the rest (the baseline's readers).
   */
  touching: { all: number; spike: number; spikeOwn: number; spikeBaseline: number };
  /** During the spike, per kind of request: how many, and how many touched D1. */
  byKind: Record<string, { requests: number; touching: number }>;
  /** D1 round trips a second at the primary and at the replicas: before the spike, during it, its busiest minute. */
  primaryPerSecond: { before: number; spike: number; peakMinute: number };
  replicaPerSecond: { before: number; spike: number; peakMinute: number };
  /**
   * During the spike: requests that read the primary, per colo, URL and minute: the most, and how many colo·URL·minutes
   * went over one (the target); `perUrlMinuteAny` the same for reads of any instance, primary or replica.
   */
  perUrlMinute: PerUrlMinute;
  perUrlMinuteAny: PerUrlMinute;
  /** The same per distinct query (SQL and parameters) instead of per URL: round trips, any instance and primary. */
  perQueryMinute: PerUrlMinute;
  perQueryMinutePrimary: PerUrlMinute;
  /** Server time during the spike by colo group, and over every colo (worst colo's p99 too). */
  serverSpike: Record<ColoGroup, Percentiles>;
  serverAll: Record<ColoGroup, Percentiles>;
  worstColoP99: { colo: string; p99: number; d1Share: number };
  /** Colos whose p99 during the spike is over 50 ms, worst first, with their share of requests touching D1. */
  coloOver50: { colo: string; p99: number; touching: number; d1Ms: number }[];
  /** CPU (this V8, local SQLite included) during the spike, all colos. */
  cpuSpike: Percentiles;
  isolates: { started: number; peak: number };
  coloCacheHitRate: number | null;
  /** Seconds from the publish until every later answer in every colo showed the new article (null: never). */
  visible: {
    article: number | null;
    front: number | null;
    staleAfter60s: number;
    neverAsked: string[];
    /** Answers after the publish that did not show it: the article's 404s, front pages without it. */
    articleStale: number;
    frontStale: number;
  };
  publish: { wallMs: number; result: string };
  errors: number;
  statuses: Record<string, number>;
  logged: { count: number; first: string[] };
}

export interface PerUrlMinute {
  max: number;
  over: number;
  worst: string[];
}

export interface Target {
  name: string;
  /** The figure per design, and whether it meets the target. */
  results: Record<string, { value: string; pass: boolean }>;
}

export interface Report {
  machine: string;
  config: TrafficConfig;
  plan: { spikeStartMin: number; spikeMinutes: number; requestsPerDesign: number };
  designs: DesignSummary[];
  targets: Target[];
  /** Per design, per minute: requests, primary and replica round trips. */
  series: Record<string, { requests: number[]; primary: number[]; replica: number[] }>;
}

export function percentiles(values: Float32Array | number[]): Percentiles {
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  return { p50: at(50), p95: at(95), p99: at(99), n: sorted.length };
}

/** The colo·URL·minutes of the spike with the most requests in `touches`, and how many had more than one. */
function perUrlMinute(touches: Map<string, number>, names?: readonly string[]): PerUrlMinute {
  const sorted = [...touches.entries()].sort((a, b) => b[1] - a[1]);
  return {
    max: sorted[0]?.[1] ?? 0,
    over: sorted.filter(([, n]) => n > 1).length,
    worst: sorted.slice(0, 5).map(([key, n]) => {
      const [colo, path = '', minute] = key.split('|');
      const what = names ? (names[Number(path.slice(1))] ?? path) : path;
      return `${COLOS[Number(colo)]?.code} ${what} minute ${minute}: ${n}`;
    }),
  };
}

function summarizeRun(run: DesignRun, plan: TrafficPlan, replicasEverywhere: boolean): DesignSummary {
  const publishMin = plan.spike.startMs / 60_000;
  const spikeEndMin = (plan.spike.startMs + plan.spike.durationMs) / 60_000;
  const rate = (from: number, to: number, key: 'primary' | 'replica') => {
    const minutes = run.minutes.slice(Math.floor(from), Math.ceil(to));
    return minutes.reduce((sum, m) => sum + m[key], 0) / Math.max(1, minutes.length * 60);
  };
  const peak = (key: 'primary' | 'replica') =>
    Math.max(...run.minutes.slice(Math.floor(publishMin), Math.ceil(spikeEndMin)).map((m) => m[key] / 60));
  let touching = 0;
  let spikeTouching = 0;
  let spikeRequests = 0;
  let own = 0;
  let ownTouching = 0;
  const perColoTouching = new Uint32Array(COLOS.length);
  const byKind: Record<string, { requests: number; touching: number }> = Object.fromEntries(
    ROUTE_KINDS.map((k) => [k, { requests: 0, touching: 0 }]),
  );
  const byGroup = (phase: number | null) => {
    const values = new Map<ColoGroup, number[]>(GROUPS.map((g) => [g, []]));
    for (let i = 0; i < run.count; i++) {
      if (phase !== null && run.phase[i] !== phase) continue;
      values.get((COLOS[run.colo[i] as number] as (typeof COLOS)[number]).group)?.push(run.serverMs[i] as number);
    }
    return Object.fromEntries(GROUPS.map((g) => [g, percentiles(values.get(g) ?? [])])) as Record<
      ColoGroup,
      Percentiles
    >;
  };
  const perColo = COLOS.map(() => [] as number[]);
  const perColoD1 = COLOS.map(() => [] as number[]);
  const cpu: number[] = [];
  for (let i = 0; i < run.count; i++) {
    const touched = (run.trips[i] as number) > 0;
    if (touched) touching++;
    if (run.phase[i] !== SPIKE) continue;
    spikeRequests++;
    if (touched) spikeTouching++;
    const kind = byKind[ROUTE_KINDS[run.kind[i] as number] as string] as { requests: number; touching: number };
    kind.requests++;
    if (touched) kind.touching++;
    if (run.spike[i]) {
      own++;
      if (touched) ownTouching++;
    }
    const c = run.colo[i] as number;
    if (touched) perColoTouching[c] = (perColoTouching[c] ?? 0) + 1;
    perColo[run.colo[i] as number]?.push(run.serverMs[i] as number);
    perColoD1[run.colo[i] as number]?.push(run.d1Ms[i] as number);
    cpu.push(run.cpuMs[i] as number);
  }
  const byColo = perColo
    .map((values, i) => {
      const p99 = percentiles(values).p99;
      // How much of the requests at or above the p99 is D1 round trips (rather than CPU).
      const d1 = perColoD1[i] ?? [];
      let total = 0;
      let inD1 = 0;
      values.forEach((v, j) => {
        if (v >= p99) {
          total += v;
          inD1 += d1[j] ?? 0;
        }
      });
      const colo = COLOS[i] as (typeof COLOS)[number];
      const links = linksOf(colo, { replicasEverywhere });
      return {
        colo: colo.code,
        p99,
        d1Share: total > 0 ? inD1 / total : 0,
        touching: (perColoTouching[i] ?? 0) / Math.max(1, values.length),
        d1Ms: run.design.replicas ? links.replicaMs : links.primaryMs,
      };
    })
    .sort((a, b) => b.p99 - a.p99);
  const worst = byColo[0] ?? { colo: '', p99: 0, d1Share: 0 };
  const publishedAt = plan.spike.startMs;
  const lastStale = (key: 'articleLastStale' | 'frontLastStale', first: 'articleFirstOk' | 'frontFirstOk') => {
    let latest = 0;
    for (const seen of run.visibility) {
      if (seen[first] === null) continue;
      latest = Math.max(latest, (seen[key] ?? publishedAt) - publishedAt);
    }
    return run.visibility.some((seen) => seen[first] !== null) ? latest / 1000 : null;
  };
  const staleAfter60s = run.visibility.reduce(
    (n, seen) =>
      n +
      ((seen.articleLastStale ?? 0) > publishedAt + 60_000 ? 1 : 0) +
      ((seen.frontLastStale ?? 0) > publishedAt + 60_000 ? 1 : 0),
    0,
  );
  const statuses = Object.fromEntries([...run.statuses.entries()].sort());
  const errors = [...run.statuses.entries()].filter(([k]) => / 5\d\d$/.test(k)).reduce((n, [, v]) => n + v, 0);
  const cacheLookups = run.coloCache.hits + run.coloCache.misses;
  return {
    design: run.design.name,
    requests: run.count,
    spikeRequests,
    executed: run.count - run.replayed,
    wallSeconds: run.wallSeconds,
    touching: {
      all: touching / run.count,
      spike: spikeTouching / Math.max(1, spikeRequests),
      spikeOwn: ownTouching / Math.max(1, own),
      spikeBaseline: (spikeTouching - ownTouching) / Math.max(1, spikeRequests - own),
    },
    byKind,
    primaryPerSecond: {
      before: rate(0, publishMin, 'primary'),
      spike: rate(publishMin, spikeEndMin, 'primary'),
      peakMinute: peak('primary'),
    },
    replicaPerSecond: {
      before: rate(0, publishMin, 'replica'),
      spike: rate(publishMin, spikeEndMin, 'replica'),
      peakMinute: peak('replica'),
    },
    perUrlMinute: perUrlMinute(run.spikePrimary),
    perUrlMinuteAny: perUrlMinute(run.spikeTouches),
    perQueryMinute: perUrlMinute(run.spikeQueries, run.queryNames),
    perQueryMinutePrimary: perUrlMinute(run.spikeQueriesPrimary, run.queryNames),
    serverSpike: byGroup(SPIKE),
    serverAll: byGroup(null),
    worstColoP99: { colo: worst.colo, p99: worst.p99, d1Share: worst.d1Share },
    coloOver50: byColo
      .filter((c) => c.p99 > 50)
      .map(({ colo, p99, touching, d1Ms }) => ({ colo, p99, touching, d1Ms })),
    cpuSpike: percentiles(cpu),
    isolates: {
      started: run.isolates.reduce((n, i) => n + i.started, 0),
      peak: run.isolates.reduce((n, i) => n + i.peak, 0),
    },
    coloCacheHitRate: run.design.coloCache && cacheLookups > 0 ? run.coloCache.hits / cacheLookups : null,
    visible: {
      article: lastStale('articleLastStale', 'articleFirstOk'),
      front: lastStale('frontLastStale', 'frontFirstOk'),
      staleAfter60s,
      neverAsked: COLOS.filter((_, i) => run.visibility[i]?.articleFirstOk === null).map((c) => c.code),
      articleStale: run.visibility.reduce((n, seen) => n + seen.articleStale, 0),
      frontStale: run.visibility.reduce((n, seen) => n + seen.frontStale, 0),
    },
    publish: { wallMs: run.publish.wallMs, result: run.publish.result },
    errors,
    statuses,
    logged: run.logged,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const num = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

/** The targets of issue 22, checked for every design (they are the goal of "+ both"). */
function targetsOf(designs: DesignSummary[], config: TrafficConfig): Target[] {
  const each = (f: (d: DesignSummary) => { value: string; pass: boolean }) =>
    Object.fromEntries(designs.map((d) => [d.design, f(d)]));
  return [
    {
      name: 'primary reads do not grow with traffic: at most one request per colo per URL per minute reads the primary (spike)',
      results: each((d) => ({
        value: `most ${d.perUrlMinute.max} (${d.perUrlMinute.over} colo·URL·minutes over 1); primary ${num(d.primaryPerSecond.before)}→${num(d.primaryPerSecond.spike)} trips/s`,
        pass: d.perUrlMinute.max <= 1,
      })),
    },
    {
      name: 'at least 99% of requests touch no D1 (spike)',
      results: each((d) => ({
        value: `${pct(1 - d.touching.spike)} touch none (spike's own ${pct(1 - d.touching.spikeOwn)}, other readers ${pct(1 - d.touching.spikeBaseline)})`,
        pass: d.touching.spike <= 0.01,
      })),
    },
    {
      name: 'p99 server time ≤ 50 ms in every colo (spike)',
      results: each((d) => ({
        value: `worst ${d.worstColoP99.colo} ${num(d.worstColoP99.p99)} ms; ${d.coloOver50.length} of ${COLOS.length} colos over 50 ms`,
        pass: d.worstColoP99.p99 <= 50,
      })),
    },
    {
      name: 'the new article and the front page showing it, everywhere within 60 s of the publish',
      results: each((d) => ({
        value: `article ${d.visible.article?.toFixed(1) ?? '—'} s, front ${d.visible.front?.toFixed(1) ?? '—'} s`,
        pass:
          d.visible.article !== null && d.visible.front !== null && d.visible.article <= 60 && d.visible.front <= 60,
      })),
    },
  ].map((t) => ({ ...t, name: t.name.replace('(spike)', `(spike, ${config.spikeFactor}× traffic)`) }));
}

export function summarize(runs: DesignRun[], config: TrafficConfig, plan: TrafficPlan, machine: string): Report {
  const designs = runs.map((run) => summarizeRun(run, plan, config.replicasEverywhere));
  return {
    machine,
    config,
    plan: {
      spikeStartMin: plan.spike.startMs / 60_000,
      spikeMinutes: plan.spike.durationMs / 60_000,
      requestsPerDesign: runs[0]?.count ?? 0,
    },
    designs,
    targets: targetsOf(designs, config),
    series: Object.fromEntries(
      runs.map((run) => [
        run.design.name,
        {
          requests: run.minutes.map((m) => m.requests),
          primary: run.minutes.map((m) => m.primary),
          replica: run.minutes.map((m) => m.replica),
        },
      ]),
    ),
  };
}

/** The report as markdown. */
export function markdownOf(report: Report, timing: { totalSeconds: number; archiveSeconds: number }): string {
  const { config, designs } = report;
  const both = designs.find((d) => d.design === '+ both');
  const mins = config.durationMs / 60_000;
  const lines = [
    `## Global traffic model (${config.size.toLocaleString('en-US')} articles)`,
    '',
    `${mins} simulated minutes, ${config.baselineRps} requests/s over ${COLOS.length} colos, a ${report.plan.spikeMinutes}-minute spike of ${config.spikeFactor}× on one article published at minute ${report.plan.spikeStartMin}; ${report.plan.requestsPerDesign.toLocaleString('en-US')} requests per design through the real app (a page its isolate served from memory moments before counts with that measured answer). Isolates: one per ${config.isolates.capacityRps} req/s of a colo's load, evicted after ${config.isolates.idleMs / 1000} s idle, living ${config.isolates.lifetimeMs[0] / 60_000}–${config.isolates.lifetimeMs[1] / 60_000} min. Replica lag ${config.replicaLagMs / 1000} s; replicas ${config.replicasEverywhere ? `in every colo (${'what-if'}, ${linksOf(COLOS[0] as (typeof COLOS)[number], { replicasEverywhere: true }).replicaMs} ms)` : "in D1's six regions"}.${config.coloForever ? ' Colo cache entries never expire (what-if: an upper bound, pages would never change).' : ''} Server time = CPU in this V8 (local SQLite included) + simulated D1 round trips. ${report.machine}; run took ${timing.totalSeconds.toFixed(0)} s${timing.archiveSeconds > 0 ? ` (archive made in ${timing.archiveSeconds.toFixed(0)} s)` : ' (archive from the cache)'}.`,
    '',
    '| Design | touch D1 (spike) | primary trips/s before → spike (peak min) | replica trips/s before → spike (peak min) | isolates started (peak live) | colo cache hits | article / front page everywhere after | its 404s / fronts without it | stale after 60 s | 5xx |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...designs.map(
      (d) =>
        `| ${d.design} | ${pct(d.touching.spike)} | ${num(d.primaryPerSecond.before)} → ${num(d.primaryPerSecond.spike)} (${num(d.primaryPerSecond.peakMinute)}) | ${num(d.replicaPerSecond.before)} → ${num(d.replicaPerSecond.spike)} (${num(d.replicaPerSecond.peakMinute)}) | ${d.isolates.started} (${d.isolates.peak}) | ${d.coloCacheHitRate === null ? '—' : pct(d.coloCacheHitRate)} | ${d.visible.article?.toFixed(1) ?? '—'} s / ${d.visible.front?.toFixed(1) ?? '—'} s | ${d.visible.articleStale.toLocaleString('en-US')} / ${d.visible.frontStale.toLocaleString('en-US')} | ${d.visible.staleAfter60s} | ${d.errors} |`,
    ),
    '',
    'Server time during the spike, ms (p50 / p95 / p99), by colo group:',
    '',
    `| Design | ${GROUPS.join(' | ')} | worst colo p99 (D1 share of its tail) |`,
    `| --- | ${GROUPS.map(() => '---:').join(' | ')} | ---: |`,
    ...designs.map(
      (d) =>
        `| ${d.design} | ${GROUPS.map((g) => {
          const p = d.serverSpike[g];
          return `${num(p.p50)} / ${num(p.p95)} / ${num(p.p99)}`;
        }).join(' | ')} | ${d.worstColoP99.colo} ${num(d.worstColoP99.p99)} (${pct(d.worstColoP99.d1Share)}) |`,
    ),
    '',
    'Server time over the whole run (before, during and after the spike), ms (p50 / p95 / p99):',
    '',
    `| Design | ${GROUPS.join(' | ')} |`,
    `| --- | ${GROUPS.map(() => '---:').join(' | ')} |`,
    ...designs.map(
      (d) =>
        `| ${d.design} | ${GROUPS.map((g) => {
          const p = d.serverAll[g];
          return `${num(p.p50)} / ${num(p.p95)} / ${num(p.p99)}`;
        }).join(' | ')} |`,
    ),
    '',
    "Requests during the spike by kind, and the share of each that touched D1 (the spike's own requests: the new article and the front page):",
    '',
    `| Kind | requests | ${designs.map((d) => d.design).join(' | ')} |`,
    `| --- | ---: | ${designs.map(() => '---:').join(' | ')} |`,
    ...ROUTE_KINDS.map(
      (kind) =>
        `| ${kind} | ${(designs[0]?.byKind[kind]?.requests ?? 0).toLocaleString('en-US')} | ${designs
          .map((d) => {
            const k = d.byKind[kind];
            return k && k.requests > 0 ? pct(k.touching / k.requests) : '—';
          })
          .join(' | ')} |`,
    ),
    `| all | ${(designs[0]?.spikeRequests ?? 0).toLocaleString('en-US')} | ${designs.map((d) => pct(d.touching.spike)).join(' | ')} |`,
    `| the spike's own | | ${designs.map((d) => pct(d.touching.spikeOwn)).join(' | ')} |`,
    `| the other readers' | | ${designs.map((d) => pct(d.touching.spikeBaseline)).join(' | ')} |`,
    '',
    `Executed by the app (the rest repeat a measured answer the same isolate gave from its memory less than ${config.replayMs / 1000} s before): ${designs.map((d) => `${d.design} ${d.executed.toLocaleString('en-US')} in ${d.wallSeconds.toFixed(0)} s`).join('; ')}.`,
    '',
    `CPU in this V8 during the spike (all designs' requests are the same): ${designs.map((d) => `${d.design} p50 ${num(d.cpuSpike.p50)} / p99 ${num(d.cpuSpike.p99)} ms`).join('; ')}.`,
    '',
    `Targets (issue 22), the goal of "+ both"; the other designs for comparison:`,
    '',
    `| Target | ${designs.map((d) => d.design).join(' | ')} |`,
    `| --- | ${designs.map(() => '---').join(' | ')} |`,
    ...report.targets.map(
      (t) =>
        `| ${t.name} | ${designs
          .map((d) => {
            const r = t.results[d.design];
            return r ? `${r.pass ? 'PASS' : 'FAIL'} ${r.value}` : '—';
          })
          .join(' | ')} |`,
    ),
    '',
    both
      ? `"+ both": ${
          report.targets.every((t) => t.results['+ both']?.pass)
            ? 'every target PASS'
            : `FAIL: ${report.targets
                .filter((t) => !t.results['+ both']?.pass)
                .map((t) => t.name)
                .join('; ')}`
        }.`
      : '',
    '',
    `Target 1 read on every D1 instance (primary or replica; not a target, it shows what the replicas take): at most one request per colo per URL per minute reads D1 during the spike: ${designs.map((d) => `${d.design} ${d.perUrlMinuteAny.max <= 1 ? 'yes' : 'no'}, most ${d.perUrlMinuteAny.max} (${d.perUrlMinuteAny.over} over 1)`).join('; ')}.${both ? ` "+ both"'s most: ${both.perUrlMinuteAny.worst.join('; ') || 'none'}.` : ''}`,
    '',
    `The same counted per distinct query (SQL and parameters) instead of per URL (a read many URLs share, like the chrome every page shows, counts once): round trips per colo per query per minute during the spike, to any instance (to the primary): ${designs.map((d) => `${d.design} most ${d.perQueryMinute.max} (${d.perQueryMinutePrimary.max}), ${d.perQueryMinute.over} (${d.perQueryMinutePrimary.over}) over 1`).join('; ')}.${both ? ` "+ both"'s most: ${both.perQueryMinute.worst.join('; ') || 'none'}.` : ''}`,
    '',
    ...designs
      .filter((d) => d.design === '+ both' || d.design === 'today')
      .map(
        (d) =>
          `Colos over 50 ms p99 during the spike, ${d.design} (p99, share of requests touching D1, one D1 round trip): ${
            d.coloOver50.map((c) => `${c.colo} ${num(c.p99)} ms, ${pct(c.touching)}, ${num(c.d1Ms)} ms`).join('; ') ||
            'none'
          }.`,
      ),
    '',
    `D1 round trips a second (one column per ${Math.max(1, Math.ceil(mins / 60))} min; spike marked ^):`,
    '',
    '```text',
    textChart(report),
    '```',
  ];
  return lines.join('\n');
}

/** Writes `name`.md, .json, -chart.txt and .png into `dir`; returns the markdown. */
export async function writeReport(
  report: Report,
  _runs: DesignRun[],
  dir: string,
  timing: { totalSeconds: number; archiveSeconds: number; name: string },
): Promise<string> {
  const { name } = timing;
  const markdown = markdownOf(report, timing);
  writeFileSync(join(dir, `${name}.md`), `${markdown}\n`);
  writeFileSync(join(dir, `${name}.json`), JSON.stringify({ ...report, timing }, null, 2));
  writeFileSync(join(dir, `${name}-chart.txt`), `${textChart(report)}\n`);
  const png = await pngChart(report);
  if (png) writeFileSync(join(dir, `${name}.png`), png);
  return `${markdown}\n\nWritten: bench/results/${name}.md, ${name}.json, ${name}-chart.txt${png ? `, ${name}.png` : ''}.`;
}
