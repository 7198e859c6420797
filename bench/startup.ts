/**
 * Startup of the Worker against a Worker that is only a bare Hono app, built the same way (minified by
 * `wrangler deploy --dry-run`), measured in turns so both see the same machine. Two measures:
 * - V8: a fresh Node process per run compiles the bundle as an ES module (vm.SourceTextModule) and evaluates it,
 *   timing each step with performance.now() (microseconds). workerd runs the same V8 steps at startup; this is the
 *   part the bundle decides, with the resolution to tell two bundles apart.
 * - workerd: `wrangler check startup`'s CPU profile (non-idle time), which includes the runtime's own floor but
 *   samples every few milliseconds: a single run reads a bare Worker as 0 or as 20 ms, so only the mean over many
 *   runs means anything, and it is given with its standard error.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, percentile } from './measure.ts';

/** A built Worker: its bundled module (index.js) and the upload form wrangler profiles. */
export interface BuiltWorker {
  module: string;
  form: string;
}

export interface StartupSide {
  /** V8: compile and evaluate, medians (ms), and the interquartile range of their sum. */
  compile: number;
  evaluate: number;
  total: number;
  iqr: [number, number];
  /** workerd: mean non-idle CPU of the profile (ms) and its standard error. */
  profileMean: number;
  profileError: number;
}

export interface StartupResult {
  ours: StartupSide;
  bare: StartupSide;
  /** Ours over bare: V8 totals (median of per-turn ratios) and workerd profile means. */
  v8Ratio: number;
  profileRatio: number;
  runs: { v8: number; profile: number };
}

/** Compiles and evaluates the module named on the command line; prints `compile evaluate` in ms. */
const TIMER = `import vm from 'node:vm';
import { readFileSync } from 'node:fs';
const source = readFileSync(process.argv[2], 'utf8');
const t0 = performance.now();
const module = new vm.SourceTextModule(source, { identifier: 'worker.js' });
const t1 = performance.now();
await module.link(() => { throw new Error('a Worker bundle imports nothing'); });
await module.evaluate();
const t2 = performance.now();
process.stdout.write(\`\${t1 - t0} \${t2 - t1}\`);
`;

function v8Run(timer: string, module: string): { compile: number; evaluate: number } {
  const out = spawnSync(process.execPath, ['--experimental-vm-modules', '--no-warnings', timer, module], {
    encoding: 'utf8',
  });
  const [compile, evaluate] = out.stdout.trim().split(' ').map(Number);
  if (out.status !== 0 || compile === undefined || evaluate === undefined || Number.isNaN(evaluate)) {
    throw new Error(`timing ${module} failed: ${out.stderr.trim().split('\n')[0]}`);
  }
  return { compile, evaluate };
}

/** Non-idle CPU (ms) of one `wrangler check startup` profile. */
function profileRun(wrangler: string, form: string, outfile: string, env: NodeJS.ProcessEnv): number {
  const out = spawnSync(process.execPath, [wrangler, 'check', 'startup', '--worker', form, '--outfile', outfile], {
    encoding: 'utf8',
    env,
  });
  if (out.status !== 0) throw new Error(`wrangler check startup failed: ${out.stderr.trim().split('\n')[0]}`);
  const profile = JSON.parse(readFileSync(outfile, 'utf8')) as {
    nodes: { id: number; callFrame: { functionName: string } }[];
    samples: number[];
    timeDeltas: number[];
  };
  const names = new Map(profile.nodes.map((n) => [n.id, n.callFrame.functionName]));
  let active = 0;
  profile.samples.forEach((node, i) => {
    if (names.get(node) !== '(idle)') active += profile.timeDeltas[i] ?? 0;
  });
  return active / 1000;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const standardError = (values: number[]) => {
  const m = mean(values);
  const variance = values.reduce((a, v) => a + (v - m) ** 2, 0) / Math.max(1, values.length - 1);
  return Math.sqrt(variance / values.length);
};

/** Measures both Workers in turns: `v8Runs` fresh processes and `profileRuns` profiles each. */
export function measureStartup(
  workers: { ours: BuiltWorker; bare: BuiltWorker },
  options: { tmp: string; wrangler: string; env: NodeJS.ProcessEnv; v8Runs: number; profileRuns: number },
): StartupResult {
  const timer = join(options.tmp, 'startup-timer.mjs');
  writeFileSync(timer, TIMER);
  const v8 = {
    ours: [] as { compile: number; evaluate: number }[],
    bare: [] as { compile: number; evaluate: number }[],
  };
  for (let i = 0; i < options.v8Runs; i++) {
    v8.ours.push(v8Run(timer, workers.ours.module));
    v8.bare.push(v8Run(timer, workers.bare.module));
  }
  const profiles = { ours: [] as number[], bare: [] as number[] };
  for (let i = 0; i < options.profileRuns; i++) {
    for (const side of ['ours', 'bare'] as const) {
      const outfile = join(options.tmp, `startup-${side}.cpuprofile`);
      profiles[side].push(profileRun(options.wrangler, workers[side].form, outfile, options.env));
    }
  }
  const sideOf = (side: 'ours' | 'bare'): StartupSide => {
    const totals = v8[side].map((r) => r.compile + r.evaluate);
    return {
      compile: median(v8[side].map((r) => r.compile)),
      evaluate: median(v8[side].map((r) => r.evaluate)),
      total: median(totals),
      iqr: [percentile(totals, 25), percentile(totals, 75)],
      profileMean: mean(profiles[side]),
      profileError: standardError(profiles[side]),
    };
  };
  const turnRatios = v8.ours.map((r, i) => {
    const bare = v8.bare[i] as { compile: number; evaluate: number };
    return (r.compile + r.evaluate) / (bare.compile + bare.evaluate);
  });
  const ours = sideOf('ours');
  const bare = sideOf('bare');
  return {
    ours,
    bare,
    v8Ratio: median(turnRatios),
    profileRatio: ours.profileMean / bare.profileMean,
    runs: { v8: options.v8Runs, profile: options.profileRuns },
  };
}
