/**
 * Bundle size and startup CPU, from wrangler itself:
 * - `wrangler deploy --dry-run` writes the bundle wrangler would upload; raw and gzip sizes are computed like
 *   wrangler's "Total Upload" line (all modules except source maps, zlib gzip at its default level).
 * - `wrangler check startup --worker <bundle>` runs that bundle's top-level code in workerd under the CPU
 *   profiler and writes a .cpuprofile; we sum its samples.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { median } from './stats.ts';
import { wrangler } from './wrangler-cli.ts';

export interface BundleSize {
  rawBytes: number;
  gzipBytes: number;
  /** Bytes the generated content module (src/generated/content.js) takes in the bundle, from esbuild's metafile. */
  contentBytes: number;
  /** The upload form wrangler would send, reused for the startup profile. */
  formPath: string;
}

interface Metafile {
  outputs: Record<string, { entryPoint?: string; inputs: Record<string, { bytesInOutput: number }> }>;
}

/** Builds the Worker as `wrangler deploy` would, without uploading. `dir` must be absolute. */
export async function dryRun(configPath: string, dir: string): Promise<BundleSize> {
  const outdir = join(dir, 'dist');
  const formPath = join(dir, 'worker.form');
  const metafile = join(dir, 'meta.json');
  await wrangler([
    'deploy',
    '--dry-run',
    '--config',
    configPath,
    '--outdir',
    outdir,
    '--outfile',
    formPath,
    '--metafile',
    metafile,
  ]);
  const modules = readdirSync(outdir)
    .filter((name) => /\.(m?js|wasm)$/.test(name) && statSync(join(outdir, name)).isFile())
    .map((name) => readFileSync(join(outdir, name)));
  const all = Buffer.concat(modules);
  const meta = JSON.parse(readFileSync(metafile, 'utf8')) as Metafile;
  let contentBytes = 0;
  for (const output of Object.values(meta.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (input.endsWith('src/generated/content.js')) contentBytes += bytesInOutput;
    }
  }
  return { rawBytes: all.length, gzipBytes: gzipSync(all).length, contentBytes, formPath };
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string } }[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface StartupSample {
  /** Sum of all sample intervals, ms (what wrangler prints as "Sampled time"). */
  sampledMs: number;
  /** Sampled time minus samples in "(idle)": CPU actually spent starting the Worker, ms. */
  activeMs: number;
}

export function summarizeProfile(profile: CpuProfile): StartupSample {
  const names = new Map(profile.nodes.map((n) => [n.id, n.callFrame.functionName]));
  let sampled = 0;
  let idle = 0;
  (profile.timeDeltas ?? []).forEach((delta, i) => {
    sampled += delta;
    if (names.get(profile.samples?.[i] ?? -1) === '(idle)') idle += delta;
  });
  return { sampledMs: sampled / 1000, activeMs: (sampled - idle) / 1000 };
}

export async function startupProfile(formPath: string, outfile: string): Promise<StartupSample> {
  await wrangler(['check', 'startup', '--worker', formPath, '--outfile', outfile]);
  return summarizeProfile(JSON.parse(readFileSync(outfile, 'utf8')) as CpuProfile);
}

export interface Startup {
  runs: StartupSample[];
  activeMs: number;
  sampledMs: number;
}

export function summarizeStartup(runs: StartupSample[]): Startup {
  return { runs, activeMs: median(runs.map((r) => r.activeMs)), sampledMs: median(runs.map((r) => r.sampledMs)) };
}

export interface SizeResults {
  /** The bundle as deployed today (real content). */
  real: BundleSize;
  /** The same build with an empty article list: the code alone. */
  codeOnly: BundleSize;
  /** The naive app (Hono + marked + the same content, none of our code): the reference for startup. */
  naive: BundleSize;
  startup: Startup;
  naiveStartup: Startup;
}

/**
 * Profiles each bundle `times` times, interleaved so noise hits them alike. Several runs are needed: the profiler
 * samples coarsely at first (intervals of several ms), so a single profile is quantized.
 */
export async function startups(forms: string[], dir: string, times: number): Promise<Startup[]> {
  const runs: StartupSample[][] = forms.map(() => []);
  for (let i = 0; i < times; i++) {
    for (const [j, form] of forms.entries())
      runs[j]?.push(await startupProfile(form, join(dir, `startup-${j}-${i}.cpuprofile`)));
  }
  return runs.map(summarizeStartup);
}
