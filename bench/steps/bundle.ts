/**
 * Bundle and startup: the Worker holds no article, so one build serves every archive size. Startup is read against
 * a Worker that is only a bare Hono app, built the same way, measured in turns (bench/startup.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { kib } from '../measure.ts';
import { type BuiltWorker, measureStartup } from '../startup.ts';
import { type BenchOptions, QUIET_ENV, ROOT, type Row, run, TMP, WRANGLER } from './context.ts';

/** Our startup may cost at most this many times a bare Hono Worker's. */
const STARTUP_RATIO = 1.3;

/** `wrangler deploy --dry-run` of a config into `dir`: the bundled module, and the upload form `check startup` reads. */
function dryRun(dir: string, what: string, config?: string): BuiltWorker {
  const form = join(dir, 'worker.form');
  const out = join(dir, 'dry');
  run(
    [WRANGLER, 'deploy', '--dry-run', ...(config ? ['--config', config] : []), '--outdir', out, '--outfile', form],
    what,
  );
  return { module: join(out, 'index.js'), form };
}

/** The floor of the startup measure: a Hono app and nothing else, with our compatibility date, minified as ours is. */
function bareHonoWorker(): BuiltWorker {
  const dir = join(TMP, 'bare-worker');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'index.js'),
    "import { Hono } from 'hono';\nexport default new Hono().get('/', (c) => c.text('ok'));\n",
  );
  const ours = readFileSync(join(ROOT, 'wrangler.toml'), 'utf8');
  const compatibility = /^compatibility_date = .*$/m.exec(ours)?.[0] ?? '';
  writeFileSync(join(dir, 'wrangler.toml'), `name = "bare"\nmain = "index.js"\n${compatibility}\nminify = true\n`);
  return dryRun(dir, 'wrangler deploy --dry-run (bare Hono)', join(dir, 'wrangler.toml'));
}

export function bundleStep(options: BenchOptions): Row[] {
  const rows: Row[] = [];
  const ours = dryRun(join(TMP, 'worker'), 'wrangler deploy --dry-run');
  const bundle = readFileSync(ours.module);
  const gzip = gzipSync(bundle).length;
  const seedTitle = 'قلق أميركا وحلفائها';
  // esbuild writes non-ASCII text in strings as \uXXXX escapes (tests/node/bundle.test.ts checks both forms).
  const escapedTitle = seedTitle.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const holdsArticle = [seedTitle, escapedTitle].some((form) => bundle.includes(Buffer.from(form)));
  rows.push({
    section: 'bundle',
    metric: 'Worker bundle (`wrangler deploy --dry-run`), same at every archive size',
    result: `${kib(bundle.length)} raw / ${kib(gzip)} gzip; contains article text: ${holdsArticle ? 'yes' : 'no'}`,
    // The budget of tests/node/bundle.test.ts, which says why it is what it is.
    target: '≤ 80 KiB gzip, no article inside',
    pass: gzip <= 80 * 1024 && !holdsArticle,
    value: gzip,
  });

  process.stderr.write('bench: startup, ours and a bare Hono Worker in turns\n');
  const startup = measureStartup(
    { ours, bare: bareHonoWorker() },
    { tmp: TMP, wrangler: WRANGLER, env: QUIET_ENV, ...options.startup },
  );
  const { ours: o, bare: b, runs } = startup;
  const v8 = (side: typeof o) =>
    `${side.total.toFixed(2)} ms (compile ${side.compile.toFixed(2)} + evaluate ${side.evaluate.toFixed(2)}; IQR ${side.iqr[0].toFixed(2)}–${side.iqr[1].toFixed(2)})`;
  rows.push({
    section: 'bundle',
    metric: `startup in V8: compile + evaluate of the bundle as an ES module (vm.SourceTextModule), a fresh Node process per run, medians of ${runs.v8} runs each, ours and a bare Hono Worker in turns`,
    result: `ours ${v8(o)}; bare Hono ${v8(b)} → ${startup.v8Ratio.toFixed(2)}× (median of per-turn ratios)`,
    target: `≤ ${STARTUP_RATIO}× bare Hono`,
    pass: startup.v8Ratio <= STARTUP_RATIO,
    value: startup.v8Ratio,
  });
  const profile = (side: typeof o) => `${side.profileMean.toFixed(1)} ± ${side.profileError.toFixed(1)} ms`;
  rows.push({
    section: 'bundle',
    metric: `startup in workerd: non-idle CPU of \`wrangler check startup\`'s profile (samples every few ms), mean ± standard error of ${runs.profile} runs each, ours and a bare Hono Worker in turns`,
    result: `ours ${profile(o)}; bare Hono ${profile(b)} → ${startup.profileRatio.toFixed(2)}× (ratio of means)`,
    target: `≤ ${STARTUP_RATIO}× bare Hono`,
    pass: startup.profileRatio <= STARTUP_RATIO,
    value: startup.profileRatio,
  });
  return rows;
}
