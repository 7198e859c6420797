/**
 * `npm run test:load`: the Worker under `wrangler dev` (tests/load/site.ts) at 50 connections, one autocannon run per
 * route family over several URLs of it, with the Worker's clock sped up so the isolate's caches expire inside every
 * run; then `/search?q=بيروت` alone, and `/robots.txt` alone (the dev runtime's floor); then 200 articles
 * published while lists are read. Progress goes to stderr, the report (markdown, to paste into docs) to stdout.
 * Exits 1 when any answer was not 2xx, any request failed, or a reader saw a half-published archive (`total: 0`,
 * or a 404 for a page that exists before and after the publish).
 *   npm run test:load               60 s per run (about 13 minutes)
 *   npm run test:load -- --quick    10 s per run (about 3 minutes): checks the harness
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon, { type AutocannonRequest, type AutocannonResult } from 'autocannon';
import { ARCHIVE_FRESH_MS } from '../../src/cache/isolate.ts';
import { routeFamilies } from './families.ts';
import { type LoadSite, startLoadSite } from './site.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const SECONDS = values.quick ? 10 : 60;
const CONNECTIONS = 50;
const ARCHIVE_SIZE = 1_000;
const URLS_PER_FAMILY = 10;
/** How long the isolate trusts a D1 read. */
const FRESH_MS = ARCHIVE_FRESH_MS;
/** Clock speed of the family runs: three expiries per run, whatever its length. */
const SPEED = (3 * FRESH_MS) / 1000 / SECONDS;
/** Clock speed while publishing: cached lists expire every 100 ms, so readers keep reading D1 during the publish. */
const PUBLISH_SPEED = 600;
const NEW_ARTICLES = 200;
/** Articles per page on /page/N and tag pages (LIST_LIMIT in src/site/lists.tsx). */
const LIST_LIMIT = 20;
const SEARCH_QUERY = 'بيروت';

const progress = (line: string) => process.stderr.write(`load: ${line}\n`);
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const count = (n: number) => n.toLocaleString('en-US');
const isOk = (status: number) => status >= 200 && status < 300;
/** A path as a reader writes it (Arabic unescaped). */
const readable = (path: string) => decodeURI(path);

/** Counts answers by what they were (e.g. `404 /page/7`), keeping the start of the first body of each. */
class Tally {
  private readonly seen = new Map<string, { n: number; body: string }>();

  note(what: string, body = ''): void {
    const known = this.seen.get(what);
    if (known) known.n++;
    else this.seen.set(what, { n: 1, body: body.slice(0, 100).replace(/\s+/g, ' ') });
  }

  get total(): number {
    return [...this.seen.values()].reduce((sum, { n }) => sum + n, 0);
  }

  /** The `limit` most frequent, e.g. `12 × 500 /feed.xml: Error: Cannot perform I/O…`. */
  top(limit: number): string[] {
    return [...this.seen.entries()]
      .sort((a, b) => b[1].n - a[1].n)
      .slice(0, limit)
      .map(([what, { n, body }]) => `${n} × ${what}${body ? `: ${body}` : ''}`);
  }
}

interface Row {
  label: string;
  urls: number;
  requests: number;
  non2xx: number;
  errors: number;
  p50: number;
  p99: number;
  expiries: number;
  /** The answers that were not 2xx. */
  failed: Tally;
}

interface HammerOptions {
  seconds: number;
  /** Sees every answer. */
  inspect?: (path: string, status: number, body: string) => void;
  /** Ends the run early when it settles. */
  stop?: Promise<unknown>;
}

/** Runs autocannon over `paths` at CONNECTIONS connections and makes a row of it. */
async function hammer(site: LoadSite, label: string, paths: string[], options: HammerOptions): Promise<Row> {
  const failed = new Tally();
  const requests: AutocannonRequest[] = paths.map((path) => ({
    method: 'GET',
    path,
    onResponse: (status, body) => {
      if (!isOk(status)) failed.note(`${status} ${readable(path)}`, body);
      options.inspect?.(path, status, body);
    },
  }));
  const before = await site.clock();
  const run = autocannon({
    url: site.baseUrl,
    connections: CONNECTIONS,
    duration: options.seconds,
    timeout: 30,
    requests,
  });
  options.stop?.then(() => run.stop());
  const result: AutocannonResult = await run;
  const after = await site.clock();
  const row = {
    label,
    urls: new Set(paths).size,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    p50: result.latency.p50,
    p99: result.latency.p99,
    expiries: Math.floor((after.now - before.now) / FRESH_MS),
    failed,
  };
  progress(`${label}: ${count(row.requests)} requests, ${row.non2xx} non-2xx, ${row.errors} errors`);
  return row;
}

async function articleTotal(site: LoadSite): Promise<number> {
  const res = await site.get('/api/articles');
  return ((await res.json()) as { total: number }).total;
}

async function status(site: LoadSite, path: string): Promise<number> {
  const res = await site.get(path);
  await res.arrayBuffer();
  return res.status;
}

interface PublishOutcome {
  before: number;
  after: number;
  publishSeconds: number;
  /** The last archive page before the publish. */
  lastPage: number;
  row: Row;
  /** Answers of /api/articles that said `total: 0`. */
  emptyTotals: number;
  /** The smallest and largest `total` any answer said. */
  totals: [number, number];
  /** 404s for pages that exist before and after the publish. */
  lostPages: Tally;
}

/**
 * Reads /api/articles (every other request), every archive page and a tag's page 2 at 50 connections while
 * NEW_ARTICLES newer articles are published, and checks every answer.
 */
async function publishUnderLoad(site: LoadSite): Promise<PublishOutcome> {
  const before = await articleTotal(site);
  const lastPage = Math.ceil(before / LIST_LIMIT);
  const tagPage = `/tags/${encodeURIComponent(site.facts.tags[0] ?? '')}/page/2`;
  const pages = [...Array.from({ length: lastPage - 1 }, (_, i) => `/page/${i + 2}`), tagPage];
  // The harness's own premise: these pages exist now (and only gain articles from the publish).
  for (const path of [pages.at(-2) ?? '', tagPage]) {
    if ((await status(site, path)) !== 200) throw new Error(`${path} should exist before the publish`);
  }
  const paths = pages.flatMap((page) => ['/api/articles', page]);
  let emptyTotals = 0;
  const totals: [number, number] = [Number.POSITIVE_INFINITY, 0];
  const lostPages = new Tally();
  const inspect = (path: string, code: number, body: string) => {
    if (path === '/api/articles' && code === 200) {
      const total = Number(/"total":(\d+)/.exec(body)?.[1]);
      totals[0] = Math.min(totals[0], total);
      totals[1] = Math.max(totals[1], total);
      if (total === 0) emptyTotals++;
    }
    if (code === 404 && path !== '/api/articles') lostPages.note(readable(path));
  };

  await site.clock({ speed: PUBLISH_SPEED });
  let publishSeconds = 0;
  const published = (async () => {
    await sleep(2_000);
    progress(`publishing ${NEW_ARTICLES} newer articles under load`);
    const started = performance.now();
    await site.publishNewer(NEW_ARTICLES);
    publishSeconds = (performance.now() - started) / 1000;
    // Long enough for every cached list to expire many times after the publish.
    await sleep(2_000);
  })();
  const row = await hammer(site, 'publish under load', paths, {
    seconds: 3_600,
    inspect,
    stop: published.catch(() => {}),
  });
  await published;
  await site.clock({ speed: SPEED });
  const after = await articleTotal(site);
  progress(`publish under load: ${emptyTotals} answers with total: 0, ${lostPages.total} 404s for existing pages`);
  return { before, after, publishSeconds, lastPage, row, emptyTotals, totals, lostPages };
}

function machine(): string {
  const git = (...args: string[]) => spawnSync('git', args, { encoding: 'utf8' }).stdout.trim();
  const dirty = git('status', '--porcelain', '--untracked-files=no') ? ' with uncommitted changes' : '';
  const wrangler = spawnSync(process.execPath, ['node_modules/wrangler/bin/wrangler.js', '--version'], {
    encoding: 'utf8',
  }).stdout.trim();
  return (
    `commit ${git('rev-parse', '--short', 'HEAD')}${dirty}; Node ${process.versions.node}, wrangler ${wrangler}, ` +
    `${availableParallelism()} CPUs, load average ${loadavg()[0]?.toFixed(2)} before the run`
  );
}

function table(rows: Row[]): string {
  const lines = [
    '| family | URLs | requests | non-2xx | errors | p50 ms | p99 ms | cache expiries |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    const cells = [r.label, r.urls, count(r.requests), r.non2xx, r.errors, r.p50, r.p99, r.expiries];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

function report(
  rows: Row[],
  search: Row,
  floor: Row,
  publish: PublishOutcome,
  about: string,
  problems: string[],
): string {
  const failures = rows.flatMap((r) => r.failed.top(3).map((line) => `- ${r.label}: \`${line}\``));
  return [
    `### Load run (\`npm run test:load${values.quick ? ' -- --quick' : ''}\`), ${new Date().toISOString().slice(0, 10)}`,
    '',
    `${count(ARCHIVE_SIZE + 1)} articles (synthetic, plus the seed article with its photo) under \`wrangler dev\` ` +
      `(workerd, local D1 and R2); ${CONNECTIONS} connections; ${SECONDS} s per run, each connection cycling ` +
      `through the run's URLs; the Worker's clock at ${SPEED}× so the isolate's 60-second caches expire inside ` +
      `every run. ${about}.`,
    '',
    table(rows),
    '',
    `Search: \`/search?q=${SEARCH_QUERY}\` alone at ${CONNECTIONS} connections: p50 ${search.p50} ms, ` +
      `p99 ${search.p99} ms (${count(search.requests)} requests in ${SECONDS} s); a constant answer ` +
      `(\`/robots.txt\`) under the same load, the dev runtime's own floor: p50 ${floor.p50} ms, p99 ${floor.p99} ms.`,
    '',
    `Publish under load: ${NEW_ARTICLES} newer articles published in ${publish.publishSeconds.toFixed(1)} s ` +
      `(${count(publish.before)} → ${count(publish.after)} articles) while ${CONNECTIONS} connections read ` +
      `\`/api/articles\` (every other request), \`/page/2\` … \`/page/${publish.lastPage}\` and a tag's \`/page/2\`, ` +
      `the clock at ${PUBLISH_SPEED}× (lists reloaded every ${FRESH_MS / PUBLISH_SPEED} ms): \`total\` seen from ` +
      `${count(publish.totals[0])} to ${count(publish.totals[1])}; answers with \`total: 0\`: ${publish.emptyTotals}; ` +
      `404s for a page that exists before and after: ${publish.lostPages.total}.`,
    '',
    problems.length === 0 ? 'Result: **pass**.' : `Result: **fail**: ${problems.join('; ')}.`,
    ...(failures.length ? ['', 'Answers that were not 2xx (the most frequent per run):', '', ...failures] : []),
  ].join('\n');
}

async function main(): Promise<number> {
  const started = performance.now();
  const about = machine();
  progress(`preparing an archive of ${count(ARCHIVE_SIZE)} articles under wrangler dev`);
  const site = await startLoadSite({ size: ARCHIVE_SIZE, logName: 'load-wrangler.log' });
  try {
    const families = await routeFamilies(site, URLS_PER_FAMILY);
    const groups = new Map<string, string[]>();
    for (const f of families) groups.set(f.group, [...(groups.get(f.group) ?? []), ...f.urls]);
    await site.clock({ speed: SPEED });
    const rows: Row[] = [];
    for (const [group, paths] of groups) rows.push(await hammer(site, group, paths, { seconds: SECONDS }));
    const searchPath = `/search?${new URLSearchParams({ q: SEARCH_QUERY })}`;
    const search = await hammer(site, `search \`${SEARCH_QUERY}\` (one query)`, [searchPath], { seconds: SECONDS });
    rows.push(search);
    // The same load on a constant answer: what wrangler dev itself costs at 50 connections, for search to be read
    // against (no route can be faster here than this).
    const floor = await hammer(site, 'floor: `/robots.txt` (constant)', ['/robots.txt'], { seconds: SECONDS });
    rows.push(floor);
    const publish = await publishUnderLoad(site);
    rows.push(publish.row);

    const problems = rows
      .filter((r) => r.non2xx + r.errors > 0)
      .map((r) => `${r.label}: ${r.non2xx} non-2xx, ${r.errors} errors`);
    if (publish.emptyTotals) problems.push(`${publish.emptyTotals} /api/articles answers said total: 0`);
    if (publish.lostPages.total) {
      problems.push(`${publish.lostPages.total} 404s for existing pages (${publish.lostPages.top(3).join(', ')})`);
    }
    const minutes = ((performance.now() - started) / 60_000).toFixed(1);
    console.log(report(rows, search, floor, publish, `${about}; ${minutes} minutes in all`, problems));
    return problems.length === 0 ? 0 : 1;
  } finally {
    await site.stop();
  }
}

process.exitCode = await main();
