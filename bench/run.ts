/**
 * `npm run bench`: the archive at newspaper scale (see bench/README.md). Runs the steps under bench/steps/ in order,
 * prints one markdown table (stdout) and writes every figure to bench/results/latest.json.
 *   npm run bench                sizes 1,000 / 10,000 / 100,000
 *   npm run bench -- --quick     sizes 200 / 2,000, short rounds (checks the harness)
 *   npm run bench -- --network   only publishing over a simulated network (bench/network-publish.ts)
 *   npm run bench -- --traffic   the global traffic model instead (bench/traffic/README.md)
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { benchNetwork } from './network-publish.ts';
import { archiveScaleStep, type Baselines, type PublishedArchive, publishArchive } from './steps/archive-scale.ts';
import { bundleStep } from './steps/bundle.ts';
import {
  type BenchOptions,
  benchOptions,
  label,
  loadApp,
  RESULTS,
  ROOT,
  type Row,
  TMP,
  WRANGLER,
} from './steps/context.ts';
import { d1SizeStep } from './steps/d1-size.ts';
import { networkEditStep, networkFullStep } from './steps/network.ts';
import { photosStep } from './steps/photos.ts';
import { searchStep } from './steps/search.ts';

const rows: Row[] = [];
const add = (list: Row[]) => {
  for (const row of list) {
    rows.push(row);
    process.stderr.write(`  ${row.section} | ${row.metric} | ${row.result}\n`);
  }
};

async function main() {
  const options = benchOptions(process.argv);
  const started = performance.now();
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const wranglerVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules/wrangler/package.json'), 'utf8')).version;
  const machine = `Node ${process.versions.node}, wrangler ${wranglerVersion}, load average ${loadavg()[0]?.toFixed(2)} before the run`;
  process.stderr.write(`bench: ${machine}\n`);
  const largest = options.sizes.at(-1) as number;

  if (process.argv.includes('--network')) {
    add(await benchNetwork(ROOT, TMP, { archive: largest, full: options.networkFull }));
    printRows(options, machine, started, 'network.json');
    return;
  }

  const app = await loadApp();
  add(bundleStep(options));

  const base: Baselines = {};
  let worstCase: PublishedArchive | undefined;
  for (const size of options.sizes) {
    const { rows: scaleRows, archive } = await archiveScaleStep(options, app, size, base);
    add(scaleRows);
    if (size === options.networkFull) add(await networkFullStep(archive));
    if (size === largest) worstCase = archive;
    else rmSync(archive.content, { recursive: true, force: true });
  }
  if (!worstCase) throw new Error('no archive was measured');

  // The largest archive again in realistic text, with a D1 of its own, for the search and size steps.
  process.stderr.write(`bench: archive of ${label(largest)}, realistic vocabulary\n`);
  const realistic = publishArchive(largest, 'realistic');
  add([
    {
      section: label(largest),
      metric:
        'full publish of the same number of articles in the realistic vocabulary (its own D1, for search and size)',
      result: `${realistic.full.toFixed(1)} s (${((realistic.full / largest) * 1000).toFixed(2)} ms per article)`,
      target: 'report',
      pass: null,
      value: realistic.full,
    },
  ]);
  add(await searchStep(options, [worstCase, realistic]));
  add(d1SizeStep([worstCase, realistic]));
  add(await networkEditStep(worstCase));
  for (const archive of [worstCase, realistic]) rmSync(archive.content, { recursive: true, force: true });

  add(await photosStep(options, app));
  printRows(options, machine, started, 'latest.json');
}

/** Prints the rows as one markdown table and writes them to bench/results/`file`. */
function printRows(options: BenchOptions, machine: string, started: number, file: string) {
  const minutes = (performance.now() - started) / 60_000;
  const ran = `${machine}, ${loadavg()[0]?.toFixed(2)} after; ${minutes.toFixed(0)} minutes`;
  const table = [
    `Machine: ${ran}. Medians of ${options.load.rounds} rounds unless a row says otherwise; cold = a new set of isolate caches per request.`,
    '',
    '| Section | Metric | Result | Target | Pass |',
    '| --- | --- | --- | --- | :---: |',
    ...rows.map(
      (r) =>
        `| ${r.section} | ${r.metric} | ${r.result} | ${r.target} | ${r.pass === null ? '—' : r.pass ? '✅' : '❌'} |`,
    ),
  ].join('\n');
  console.log(table);
  writeFileSync(join(RESULTS, file), JSON.stringify({ machine: ran, quick: options.quick, rows }, null, 2));
}

if (!existsSync(WRANGLER)) throw new Error('run npm ci first');
// `--traffic`: the global traffic model instead (bench/traffic/README.md).
if (process.argv.includes('--traffic')) await (await import('./traffic/run.ts')).runTraffic(process.argv);
else await main();
