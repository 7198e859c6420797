/**
 * What every step of `npm run bench` shares: the run's options, its folders, the row type of the one table, and
 * the helpers that start wrangler and the publisher the way a newsroom would.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

export const ROOT = resolve(import.meta.dirname, '../..');
export const RESULTS = join(ROOT, 'bench/results');
export const TMP = join(RESULTS, '.tmp');
export const WRANGLER = join(ROOT, 'node_modules/wrangler/bin/wrangler.js');
// Offline and quiet: no Request.cf download, no telemetry.
export const QUIET_ENV = {
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_METRICS: 'false',
  CI: 'true',
};

/** One row of the bench table. `pass` is null for a figure reported without a target. */
export interface Row {
  section: string;
  metric: string;
  result: string;
  target: string;
  pass: boolean | null;
  value?: number;
}

export interface BenchOptions {
  quick: boolean;
  /** Archive sizes, smallest first: the smallest is the baseline of every ratio, the largest gets the deep steps. */
  sizes: number[];
  /** The full publish over the simulated network uses the archive of this size. */
  networkFull: number;
  load: { rounds: number; cold: number; warm: number };
  /** Search queries per shape and vocabulary. */
  searchQueries: number;
  startup: { v8Runs: number; profileRuns: number };
}

export function benchOptions(argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick');
  return quick
    ? {
        quick,
        sizes: [200, 2_000],
        networkFull: 2_000,
        load: { rounds: 3, cold: 20, warm: 200 },
        searchQueries: 30,
        startup: { v8Runs: 6, profileRuns: 4 },
      }
    : {
        quick,
        sizes: [1_000, 10_000, 100_000],
        networkFull: 10_000,
        load: { rounds: 5, cold: 100, warm: 1_000 },
        searchQueries: 200,
        startup: { v8Runs: 40, profileRuns: 30 },
      };
}

export const label = (size: number) => `${size.toLocaleString('en-US')} articles`;

/** Runs a Node script (wrangler, the publisher) in the project; throws with its output when it fails. */
export function run(args: string[], what: string): { seconds: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, env: QUIET_ENV, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`${what} failed:\n${result.stdout}\n${result.stderr}`);
  return { seconds: (performance.now() - started) / 1000, stdout: result.stdout };
}

/** A fresh local D1 in `persist`, migrated as `npm run db:migrate` does. */
export function migrate(persist: string) {
  run([WRANGLER, 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persist], 'migrations');
}

/** The real publish script, local, into the D1 of `persist`. */
export function publish(content: string, persist: string, what: string) {
  return run(
    [
      '--experimental-strip-types',
      '--no-warnings',
      'scripts/publish.ts',
      '--local',
      '--content',
      content,
      '--persist-to',
      persist,
      // Publishing is timed without the share-card backlog (200 cards a run, a fixed cost at every size).
      '--cards',
      '0',
    ],
    what,
  );
}

/** The publisher's summary line of a run. */
export const planLine = (stdout: string) => /added \d+, updated \d+, removed \d+, unchanged \d+/.exec(stdout)?.[0];

export function folderBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const stat = statSync(full);
    total += stat.isDirectory() ? folderBytes(full) : stat.size;
  }
  return total;
}

export type AppModule = typeof import('../app-entry.ts');

/** A module of the app bundled for Node (Node cannot load the .tsx views), imported fresh. */
export async function bundleForNode<T>(entry: string, outfile: string): Promise<T> {
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    outfile,
    logLevel: 'error',
  });
  return (await import(`${outfile}?${Date.now()}`)) as T;
}

/** The app's factory, bundled once for Node. */
export const loadApp = () => bundleForNode<AppModule>(join(ROOT, 'bench/app-entry.ts'), join(TMP, 'app.mjs'));

/** A KV binding holding a fresh temperature, so headers show a value and no refresh runs. */
export function weatherKv(): KVNamespace {
  const now = new Date().toISOString();
  const value = JSON.stringify({ tempC: 21.4, observedAt: now, fetchedAt: now, source: 'open-meteo' });
  return { get: async () => value, put: async () => {} } as unknown as KVNamespace;
}

export const executionContext = {
  waitUntil() {},
  passThroughOnException() {},
  props: {},
} as unknown as ExecutionContext;

/** The app with no weather upstream and no colo cache: every cold request is the isolate's own read and render. */
export function benchDeps(app: AppModule) {
  return {
    weather: app.createWeatherService({ fetch: async () => new Response('', { status: 503 }), now: Date.now }),
    now: Date.now,
    caches: app.createIsolateCaches(),
    colo: app.NO_COLO_CACHE,
  };
}
