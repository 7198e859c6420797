/**
 * `npm run bench -- --traffic [--quick] [--replicas-everywhere] [--colo-cache-forever] [--isolate-rps=N] [--rps=N]`: the global traffic
 * model (bench/traffic/README.md). Bundles the app, takes (or builds once) the archive, runs the same seeded traffic
 * through the four designs and prints the report (also written to bench/results/traffic.md, traffic.json,
 * traffic-chart.txt and traffic.png; a what-if run to traffic-<what-if>.*).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import { mapLimited } from '../../src/lib/map-limited.ts';
import { syntheticArticle } from '../archive.ts';
import { bundleForNode } from '../steps/context.ts';
import { ensureArchive, TRAFFIC_RESULTS, VOCABULARY } from './archive-cache.ts';
import type { DesignJob } from './design-worker.ts';
import { ISOLATE_MODEL, type IsolateModel } from './isolates.ts';
import { type Report, summarize, writeReport } from './report.ts';
import { DESIGNS, type DesignRun, type ModelOptions } from './simulate.ts';
import { SPIKE_SLUG } from './spike-article.ts';
import type { TrafficPlan } from './traffic.ts';

/** What one run of the model simulates. */
export interface TrafficConfig {
  size: number;
  durationMs: number;
  spikeMs: number;
  spikeFactor: number;
  baselineRps: number;
  seed: number;
  replicaLagMs: number;
  replicasEverywhere: boolean;
  /** What-if: colo cache entries never expire (an upper bound for any colo cache). */
  coloForever: boolean;
  isolates: IsolateModel;
  /** See ModelOptions.replayMs. */
  replayMs: number;
}

const MINUTE = 60_000;

export const FULL: TrafficConfig = {
  size: 100_000,
  durationMs: 80 * MINUTE,
  spikeMs: 30 * MINUTE,
  spikeFactor: 50,
  baselineRps: 5,
  seed: 22,
  replicaLagMs: 5_000,
  replicasEverywhere: false,
  coloForever: false,
  isolates: ISOLATE_MODEL,
  replayMs: 10_000,
};

export const QUICK: TrafficConfig = { ...FULL, size: 2_000, durationMs: 12 * MINUTE, spikeMs: 4 * MINUTE };

/** The app's factory and parts, bundled once for Node. */
export function bundleApp(dir: string) {
  mkdirSync(dir, { recursive: true });
  return bundleForNode<typeof import('./app-entry.ts')>(
    join(import.meta.dirname, 'app-entry.ts'),
    join(dir, 'app.mjs'),
  );
}

/** The readers' choices, from what the archive holds: its newest articles, its tags by use, its own words. */
export function planFor(file: string, config: TrafficConfig): TrafficPlan {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const recent = (
      db.prepare('SELECT slug FROM articles ORDER BY published_ms DESC, slug LIMIT 5000').all() as { slug: string }[]
    ).map((row) => row.slug);
    const tags = (
      db.prepare('SELECT tag FROM article_tags GROUP BY tag ORDER BY count(*) DESC, tag LIMIT 100').all() as {
        tag: string;
      }[]
    ).map((row) => row.tag);
    const sections = (db.prepare('SELECT slug FROM sections ORDER BY slug').all() as { slug: string }[]).map(
      (row) => row.slug,
    );
    const spikeStart = Math.round((config.durationMs - config.spikeMs) / 2);
    return {
      seed: config.seed,
      durationMs: config.durationMs,
      baselineRps: config.baselineRps,
      spike: { startMs: spikeStart, durationMs: config.spikeMs, factor: config.spikeFactor, slug: SPIKE_SLUG },
      recent,
      sections,
      tags,
      queries: searchQueries(config.size),
      archivePages: Math.max(2, Math.min(50, Math.floor(config.size / 20))),
    };
  } finally {
    db.close();
  }
}

/** 300 queries made of the archive's own words: one word, two words, or a quoted phrase. */
function searchQueries(size: number): string[] {
  return Array.from({ length: 300 }, (_, i) => {
    const words = syntheticArticle((i * 37) % size, size, VOCABULARY)
      .text.split('\n')
      .at(-2)
      ?.split(' ') ?? ['بيروت'];
    const at = (i * 7) % Math.max(1, words.length - 3);
    const pick = (n: number) =>
      words
        .slice(at, at + n)
        .join(' ')
        .replace(/[.،"]/g, '');
    return i % 10 === 9 ? `"${pick(2)}"` : i % 3 === 2 ? pick(2) : pick(1);
  });
}

/** Runs the model with `config` and returns its report (printed and written by `runTraffic`). */
export async function runModel(
  config: TrafficConfig,
  {
    log = (line: string) => {
      process.stderr.write(`${line}\n`);
    },
    resultsDir = TRAFFIC_RESULTS,
  }: { log?: (line: string) => void; resultsDir?: string } = {},
): Promise<{ report: Report; runs: DesignRun[]; archiveSeconds: number }> {
  const archive = await ensureArchive(config.size, log);
  await bundleApp(resultsDir);
  const plan = planFor(archive.file, config);
  const options: ModelOptions = {
    archive,
    plan,
    isolates: config.isolates,
    replicaLagMs: config.replicaLagMs,
    replicasEverywhere: config.replicasEverywhere,
    coloForever: config.coloForever,
    replayMs: config.replayMs,
    workDir: join(resultsDir, 'run'),
  };
  // The designs are independent: as many run at once as there are cores, each in its own thread and working copy.
  const runs = await mapLimited(DESIGNS, availableParallelism(), async (design, index) => {
    log(`traffic: ${design.name}…`);
    const run = await inThread({
      appFile: join(resultsDir, 'app.mjs'),
      design: index,
      options: { ...options, workDir: join(options.workDir, String(index)) },
    });
    log(`traffic: ${design.name}: ${run.count.toLocaleString('en-US')} requests in ${run.wallSeconds.toFixed(1)} s`);
    return run;
  });
  rmSync(options.workDir, { recursive: true, force: true });
  const machine = `Node ${process.versions.node}, load average ${loadavg()[0]?.toFixed(2)} at the end`;
  return { report: summarize(runs, config, plan, machine), runs, archiveSeconds: archive.seconds };
}

/** Runs one design in a worker thread (design-worker.ts). */
function inThread(job: DesignJob): Promise<DesignRun> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./design-worker.ts', import.meta.url), { workerData: job });
    worker.once('message', (run: DesignRun) => resolve(run));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`traffic: the thread of ${DESIGNS[job.design]?.name} exited with code ${code}`));
    });
  });
}

/** A number given as `--name=value`, or undefined. */
function numberFlag(argv: readonly string[], name: string): number | undefined {
  const arg = argv.find((a) => a.startsWith(`--${name}=`));
  if (arg === undefined) return undefined;
  const value = Number(arg.slice(name.length + 3));
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number, got ${arg}`);
  return value;
}

/**
 * The run `argv` asks for: `--quick`, and the what-ifs `--replicas-everywhere`, `--colo-cache-forever`,
 * `--isolate-rps=N`, `--rps=N`.
 */
export function configOf(argv: readonly string[]): TrafficConfig {
  const base = argv.includes('--quick') ? QUICK : FULL;
  const capacityRps = numberFlag(argv, 'isolate-rps') ?? base.isolates.capacityRps;
  return {
    ...base,
    baselineRps: numberFlag(argv, 'rps') ?? base.baselineRps,
    replicasEverywhere: argv.includes('--replicas-everywhere'),
    coloForever: argv.includes('--colo-cache-forever'),
    isolates: { ...base.isolates, capacityRps },
  };
}

/** The `--traffic` entry of bench/run.ts. */
export async function runTraffic(argv: readonly string[]): Promise<void> {
  const started = performance.now();
  const config = configOf(argv);
  const { report, runs, archiveSeconds } = await runModel(config);
  // A what-if run writes beside the default run's report, never over it.
  const whatIf = [
    config.replicasEverywhere ? 'replicas-everywhere' : '',
    config.coloForever ? 'colo-cache-forever' : '',
    config.isolates.capacityRps !== ISOLATE_MODEL.capacityRps ? `isolate-rps-${config.isolates.capacityRps}` : '',
    config.baselineRps !== FULL.baselineRps ? `rps-${config.baselineRps}` : '',
    argv.includes('--quick') ? 'quick' : '',
  ]
    .filter(Boolean)
    .join('-');
  const markdown = await writeReport(report, runs, join(TRAFFIC_RESULTS, '..'), {
    totalSeconds: (performance.now() - started) / 1000,
    archiveSeconds,
    name: whatIf ? `traffic-${whatIf}` : 'traffic',
  });
  console.log(markdown);
}
