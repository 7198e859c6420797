/**
 * `npm run bench`: the archive at newspaper scale (see bench/README.md). For each archive size it publishes a
 * synthetic archive into a fresh local D1, times a full and a one-article publish, and times requests in one V8
 * against that D1; every figure comes with its ratio to the smallest size measured in the same run. Prints one
 * markdown table (stdout) and writes every figure to bench/results/latest.json.
 *   npm run bench               sizes 1,000 / 10,000 / 100,000 (about 10 minutes on a quiet machine)
 *   npm run bench -- --quick    sizes 200 / 2,000, short rounds (checks the harness)
 */
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { Hono } from 'hono';
import { localD1File, openLocalD1 } from '../src/publish/node/local-d1.ts';
import { benchPhoto, processImage, timeImagePublish } from '../src/publish/node/media/index.ts';
import { parseQuery } from '../src/search/query.ts';
import { listCursor } from '../src/site/cursor.ts';
import { searchArticles } from '../src/store/search.ts';
import { liveArticle, syntheticArticle, writeArchive } from './archive.ts';
import { kib, median, ms, perCall, percentile, sideBySide } from './measure.ts';

const ROOT = resolve(import.meta.dirname, '..');
const RESULTS = join(ROOT, 'bench/results');
const TMP = join(RESULTS, '.tmp');
const WRANGLER = join(ROOT, 'node_modules/wrangler/bin/wrangler.js');
const quick = process.argv.includes('--quick');
const SIZES = quick ? [200, 2_000] : [1_000, 10_000, 100_000];
const LOAD = quick ? { rounds: 3, cold: 20, warm: 200 } : { rounds: 5, cold: 100, warm: 1_000 };
// Offline and quiet: no Request.cf download, no telemetry.
const QUIET_ENV = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', CI: 'true' };

interface Row {
  section: string;
  metric: string;
  result: string;
  target: string;
  pass: boolean | null;
  value?: number;
}
const rows: Row[] = [];
const add = (row: Row) => {
  rows.push(row);
  process.stderr.write(`  ${row.section} | ${row.metric} | ${row.result}\n`);
};

function run(args: string[], what: string): { seconds: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, env: QUIET_ENV, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`${what} failed:\n${result.stdout}\n${result.stderr}`);
  return { seconds: (performance.now() - started) / 1000, stdout: result.stdout };
}

const publishArgs = (content: string, persist: string) => [
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
];

/** A D1 binding that counts its round trips: each batch, and each single statement's all/first/run/raw. */
function countingD1(inner: D1Database): { db: D1Database; trips: () => number } {
  let trips = 0;
  const statements = new WeakMap<object, D1PreparedStatement>();
  const wrap = (statement: D1PreparedStatement): D1PreparedStatement => {
    const trip = <T>(run: () => T) => {
      trips++;
      return run();
    };
    const wrapped = {
      bind: (...values: unknown[]) => wrap(statement.bind(...values)),
      all: () => trip(() => statement.all()),
      first: (column?: string) => trip(() => (column === undefined ? statement.first() : statement.first(column))),
      run: () => trip(() => statement.run()),
      raw: () => trip(() => statement.raw()),
    } as unknown as D1PreparedStatement;
    statements.set(wrapped, statement);
    return wrapped;
  };
  const db = {
    prepare: (sql: string) => wrap(inner.prepare(sql)),
    batch: (list: D1PreparedStatement[]) => {
      trips++;
      return inner.batch(list.map((s) => statements.get(s) ?? s));
    },
  } as unknown as D1Database;
  return { db, trips: () => trips };
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const stat = statSync(full);
    total += stat.isDirectory() ? folderBytes(full) : stat.size;
  }
  return total;
}

/** The app's factory, bundled once for Node. */
async function loadApp() {
  const outfile = join(TMP, 'app.mjs');
  await build({
    entryPoints: [join(ROOT, 'bench/app-entry.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    outfile,
    logLevel: 'error',
  });
  return (await import(outfile)) as typeof import('./app-entry.ts');
}

/** A KV binding holding a fresh temperature, so headers show a value and no refresh runs. */
function weatherKv(): KVNamespace {
  const now = new Date().toISOString();
  const value = JSON.stringify({ tempC: 21.4, observedAt: now, fetchedAt: now, source: 'open-meteo' });
  return { get: async () => value, put: async () => {} } as unknown as KVNamespace;
}

const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext;

async function main() {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const wranglerVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules/wrangler/package.json'), 'utf8')).version;
  const machine = `Node ${process.versions.node}, wrangler ${wranglerVersion}, load average ${loadavg()[0]?.toFixed(2)} before the run`;
  process.stderr.write(`bench: ${machine}\n`);
  const appModule = await loadApp();

  // Bundle and startup: the Worker holds no article, so one build serves every archive size.
  const dry = join(TMP, 'dry-run');
  // The upload form wrangler would send (--outfile) is what `wrangler check startup` profiles.
  const workerBundle = join(TMP, 'worker.form');
  run([WRANGLER, 'deploy', '--dry-run', '--outdir', dry, '--outfile', workerBundle], 'wrangler deploy --dry-run');
  const bundle = readFileSync(join(dry, 'index.js'));
  const gzip = gzipSync(bundle).length;
  const seedTitle = 'قلق أميركا وحلفائها';
  // esbuild writes non-ASCII text in strings as \uXXXX escapes (tests/node/bundle.test.ts checks both forms).
  const escapedTitle = seedTitle.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const holdsArticle = [seedTitle, escapedTitle].some((form) => bundle.includes(Buffer.from(form)));
  add({
    section: 'bundle',
    metric: 'Worker bundle (`wrangler deploy --dry-run`), same at every archive size',
    result: `${kib(bundle.length)} raw / ${kib(gzip)} gzip; contains article text: ${holdsArticle ? 'yes' : 'no'}`,
    target: '≤ 60 KiB gzip, no article inside',
    pass: gzip <= 60 * 1024 && !holdsArticle,
    value: gzip,
  });
  // The floor of this measure: a Worker that is only a bare Hono app, built and profiled the same way, in turns.
  const bareDir = join(TMP, 'bare-worker');
  mkdirSync(bareDir, { recursive: true });
  writeFileSync(
    join(bareDir, 'index.js'),
    "import { Hono } from 'hono';\nexport default new Hono().get('/', (c) => c.text('ok'));\n",
  );
  const ours = readFileSync(join(ROOT, 'wrangler.toml'), 'utf8');
  const compatibility = /^compatibility_date = .*$/m.exec(ours)?.[0] ?? '';
  writeFileSync(join(bareDir, 'wrangler.toml'), `name = "bare"\nmain = "index.js"\n${compatibility}\nminify = true\n`);
  const bareBundle = join(bareDir, 'worker.form');
  run(
    [
      WRANGLER,
      'deploy',
      '--dry-run',
      '--config',
      join(bareDir, 'wrangler.toml'),
      '--outdir',
      join(bareDir, 'dry'),
      '--outfile',
      bareBundle,
    ],
    'wrangler deploy --dry-run (bare Hono)',
  );
  const startups: { active: number; script: number }[] = [];
  const bareStartups: { active: number; script: number }[] = [];
  const profile = (worker: string, into: typeof startups) => {
    const outfile = join(TMP, `startup-${into === startups ? 'ours' : 'bare'}-${into.length}.cpuprofile`);
    run([WRANGLER, 'check', 'startup', '--worker', worker, '--outfile', outfile], 'wrangler check startup');
    into.push(startupMs(JSON.parse(readFileSync(outfile, 'utf8'))));
  };
  for (let i = 0; i < (quick ? 1 : 7); i++) {
    profile(workerBundle, startups);
    profile(bareBundle, bareStartups);
  }
  const startup = median(startups.map((p) => p.active));
  const evaluation = median(startups.map((p) => p.script));
  const bareStartup = median(bareStartups.map((p) => p.active));
  const runs = (list: typeof startups) => list.map((p) => p.active.toFixed(1)).join(', ');
  add({
    section: 'bundle',
    metric:
      "startup (`wrangler check startup`, median of runs in turns): non-idle CPU, of it the bundle's own code; a bare Hono Worker the same way",
    result: `${startup.toFixed(1)} ms, ${evaluation.toFixed(1)} ms own code (runs ${runs(startups)}); bare Hono ${bareStartup.toFixed(1)} ms (runs ${runs(bareStartups)})`,
    target: '≤ 10 ms',
    pass: startup <= 10,
    value: startup,
  });

  const base: Record<string, number> = {};
  for (const size of SIZES) {
    const label = `${size.toLocaleString('en-US')} articles`;
    process.stderr.write(`bench: archive of ${label}\n`);
    const content = join(TMP, `content-${size}`);
    const { topTag } = writeArchive(content, size);
    const persist = join(TMP, `d1-${size}`);
    run([WRANGLER, 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persist], 'migrations');
    const full = run(publishArgs(content, persist), 'full publish').seconds;
    const middle = `a${Math.floor(size / 2)}`;
    appendFileSync(join(content, `${middle}.md`), '\nفقرة أضيفت للتصحيح.\n');
    const one = run(publishArgs(content, persist), 'one-article publish');
    // A live article of 200 updates, published; then one more update, the newsroom's busiest publish.
    writeFileSync(join(content, liveArticle(200).name), liveArticle(200).text);
    run(publishArgs(content, persist), 'live article publish');
    writeFileSync(join(content, liveArticle(201).name), liveArticle(201).text);
    const liveUpdate = run(publishArgs(content, persist), 'one more live update');
    const dbBytes = folderBytes(join(persist, 'v3/d1'));
    const scale = (key: string, value: number) => {
      base[key] ??= value;
      return value / (base[key] as number);
    };
    add({
      section: label,
      metric: 'full publish (read, validate, write to local D1)',
      result: `${full.toFixed(1)} s (${((full / size) * 1000).toFixed(2)} ms per article)`,
      target: size >= 100_000 ? '< 10 min' : 'report',
      pass: size >= 100_000 ? full < 600 : null,
      value: full,
    });
    add({
      section: label,
      metric: 'publish after editing one article',
      result: `${one.seconds.toFixed(1)} s; ${/added \d+, updated \d+, removed \d+, unchanged \d+/.exec(one.stdout)?.[0]}`,
      target: size >= 100_000 ? '< 10 s' : 'report',
      pass: size >= 100_000 ? one.seconds < 10 : null,
      value: one.seconds,
    });
    add({
      section: label,
      metric: 'publish one more update to a live article of 200 updates',
      result: `${liveUpdate.seconds.toFixed(1)} s; ${/added \d+, updated \d+, removed \d+, unchanged \d+/.exec(liveUpdate.stdout)?.[0]}`,
      target: size >= 100_000 ? '< 10 s (then live within 60 s)' : 'report',
      pass: size >= 100_000 ? liveUpdate.seconds < 10 : null,
      value: liveUpdate.seconds,
    });
    add({
      section: label,
      metric: 'local D1 size',
      result: `${(dbBytes / 1024 / 1024).toFixed(1)} MiB`,
      target: 'report',
      pass: null,
      value: dbBytes,
    });

    // In-process SQLite, the local D1's own file: a cold request's time is the query plus our code, with no RPC.
    const { db, close } = openLocalD1(localD1File(persist));
    try {
      // The cursor of the entry 40% down the archive: 2,000 pages of 20 deep at 100,000 articles.
      const deepRank = Math.floor(size * 0.4);
      const deep = await db
        .prepare("SELECT published_at, slug FROM listings JOIN articles USING (slug) WHERE list = 'all' AND seq = ?")
        .bind(size - deepRank)
        .first<{ published_at: string; slug: string }>();
      const cursor = listCursor({ publishedAt: deep?.published_at ?? '', slug: deep?.slug ?? '' });
      const deepPage = Math.max(2, Math.round(deepRank / 20));
      const month = (
        await db.prepare('SELECT month FROM articles WHERE slug = ?').bind(middle).first<{ month: string }>()
      )?.month;
      const deps = {
        weather: appModule.createWeatherService({
          fetch: async () => new Response('', { status: 503 }),
          now: Date.now,
        }),
        now: Date.now,
        caches: appModule.createIsolateCaches(),
        // One V8, no colo: every cold request is the isolate's own D1 read and render.
        colo: appModule.NO_COLO_CACHE,
      };
      const app = appModule.createApp(deps);
      const env = {
        DB: db,
        CF_VERSION_METADATA: { id: 'bench', tag: '', timestamp: '' },
        SITE_URL: 'https://al-ayyam.example',
        WEATHER_URL: 'http://127.0.0.1:9/',
        WEATHER_KV: weatherKv(),
      };
      const get = async (path: string) => {
        const res = await app.fetch(new Request(`https://al-ayyam.example${path}`), env, ctx);
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
        await res.arrayBuffer();
      };
      const routes: [string, string][] = [
        ['article page', `/articles/${middle}`],
        ['front page `/`', '/'],
        ['section page (`/sections/lebanon`)', '/sections/lebanon'],
        ['`/api/front`', '/api/front'],
        ['tag page (the largest tag)', `/tags/${encodeURIComponent(topTag)}`],
        [`archive page 40% deep (\`/page/${deepPage.toLocaleString('en-US')}\`)`, `/page/${deepPage}`],
        ['tag list API (the largest tag)', `/api/articles?tag=${encodeURIComponent(topTag)}`],
        ['`/api/articles` page 1', '/api/articles'],
        ['`/feed.xml` (50 newest, full bodies)', '/feed.xml'],
        ['`/sitemap.xml` (index of every month)', '/sitemap.xml'],
        [`one monthly sitemap (\`/sitemaps/${month}.xml\`)`, `/sitemaps/${month}.xml`],
        ['`/search?q=` one common word', `/search?q=${encodeURIComponent('الحكومة')}`],
        [
          `\`/api/articles\` cursor 40% deep (${Math.round(deepRank / 20).toLocaleString('en-US')} pages of 20)`,
          `/api/articles?cursor=${cursor}`,
        ],
      ];
      for (const [index, [name, path]] of routes.entries()) {
        // Search results are not cached (queries are unbounded), so every search request is a query: fewer of them.
        const scaleDown = path.startsWith('/search') ? 10 : 1;
        const cold = await perCall(
          async () => {
            deps.caches = appModule.createIsolateCaches();
            await get(path);
          },
          { rounds: LOAD.rounds, iterations: Math.ceil(LOAD.cold / scaleDown) },
        );
        await get(path);
        const warm = await perCall(() => get(path), {
          rounds: LOAD.rounds,
          iterations: Math.ceil(LOAD.warm / scaleDown / 10),
        });
        // Keyed by position: a route's name can carry a size-dependent page number or month.
        const coldRatio = scale(`cold ${index}`, cold);
        const warmRatio = scale(`warm ${index}`, warm);
        const first = size === SIZES[0];
        add({
          section: label,
          metric: `${name}: cold isolate (D1 read + render) / warm (cached)`,
          result: `${ms(cold)} / ${ms(warm)}${first ? '' : ` → ${coldRatio.toFixed(2)}× / ${warmRatio.toFixed(2)}× of ${SIZES[0]?.toLocaleString('en-US')}`}`,
          target: first ? 'baseline' : 'within 1.2×',
          pass: first ? null : coldRatio <= 1.2 && warmRatio <= 1.2,
          value: cold,
        });
      }
      // The front page as a cold isolate makes it: its D1 round trips (each batch or single read is one) and
      // its weight, with sections, top stories and the latest list filled from the whole archive.
      {
        const counting = countingD1(db);
        const frontDeps = { ...deps, caches: appModule.createIsolateCaches() };
        const res = await appModule
          .createApp(frontDeps)
          .fetch(new Request('https://al-ayyam.example/'), { ...env, DB: counting.db }, ctx);
        const html = Buffer.from(await res.arrayBuffer());
        const trips = counting.trips();
        add({
          section: label,
          metric: 'front page, cold isolate: D1 round trips',
          result: `${trips}`,
          target: '≤ 3',
          pass: trips <= 3,
          value: trips,
        });
        const gzip = gzipSync(html).length;
        add({
          section: label,
          metric: 'front page HTML (no client JavaScript)',
          result: `${kib(html.length)} / ${kib(gzip)} gzip; scripts: ${html.includes(Buffer.from('<script')) ? 'yes' : 'none'}`,
          target: size >= 100_000 ? '< 60 KB, gzip < 15 KB' : 'report',
          pass: size >= 100_000 ? html.length < 60_000 && gzip < 15_000 : null,
          value: html.length,
        });
      }
      // Search in the local D1 (in-process SQLite, the same engine and file): latency per query kind.
      const words = (i: number) =>
        syntheticArticle(i * 37, size)
          .text.split('\n')
          .at(-2)
          ?.split(' ') ?? ['بيروت'];
      const kinds: [string, (i: number) => string][] = [
        ['one word', (i) => words(i)[3] ?? 'بيروت'],
        ['three words', (i) => words(i).slice(5, 8).join(' ')],
        ['phrase', (i) => `"${words(i).slice(10, 12).join(' ')}"`],
        ['prefix', (i) => (words(i)[14] ?? 'الانتخابات').slice(0, 5)],
      ];
      for (const [kind, query] of kinds) {
        const times: number[] = [];
        for (let i = 0; i < (quick ? 10 : 30); i++) {
          const parsed = parseQuery(query(i));
          if (!parsed.ok) continue;
          const started = performance.now();
          await searchArticles(db, parsed, { now: Date.now() });
          times.push(performance.now() - started);
        }
        const p95 = percentile(times, 95);
        add({
          section: label,
          metric: `search, ${kind} (local D1, ${times.length} queries)`,
          result: `p50 ${ms(median(times))}, p95 ${ms(p95)}`,
          target: 'p95 ≤ 100 ms',
          pass: p95 <= 100,
          value: p95,
        });
      }

      if (size === SIZES[0]) {
        // The price of our template + temperature fill + headers, against a bare Hono handler sending the same bytes.
        const path = `/articles/${middle}`;
        const sample = await app.fetch(new Request(`https://al-ayyam.example${path}`), env, ctx);
        const bytes = new Uint8Array(await sample.arrayBuffer());
        const headers: Record<string, string> = {};
        sample.headers.forEach((value, name) => {
          headers[name] = value;
        });
        const bare = new Hono().get('/articles/:slug', () => new Response(bytes, { headers }));
        const cmp = await sideBySide(
          () => get(path),
          async () => (await bare.fetch(new Request(`https://al-ayyam.example${path}`))).arrayBuffer(),
          { rounds: LOAD.rounds + 2, iterations: LOAD.warm * 2 },
        );
        add({
          section: 'one V8',
          metric: 'warm article request vs a bare Hono handler returning the same bytes',
          result: `${ms(cmp.a)} vs ${ms(cmp.b)} → ${cmp.ratio.toFixed(2)}×`,
          target: '≤ 1.5×',
          pass: cmp.ratio <= 1.5,
          value: cmp.ratio,
        });
      }
    } finally {
      await close();
    }
    rmSync(content, { recursive: true, force: true });
  }

  // Photos: publish cost per image, what a phone downloads, and the cost of serving /media/<key>.
  process.stderr.write('bench: photos\n');
  const photo = await benchPhoto(2400, 1600);
  const timing = await timeImagePublish(
    photo,
    'قلق أميركا وحلفائها إزاء قمة " كيم _ بوتين " في فلاديفوستوك',
    quick ? 1 : 3,
  );
  add({
    section: 'photos',
    metric: 'publish time per image: 2400×1600 JPEG → AVIF, WebP and JPEG at 480/800/1200/1600, plus its share card',
    result: `variants ${ms(median(timing.variantsMs))} (CPU ${ms(median(timing.variantsCpuMs))}), card ${ms(median(timing.cardMs))} (CPU ${ms(median(timing.cardCpuMs))})`,
    target: 'report',
    pass: null,
  });
  const processed = await processImage(photo, 'bench.jpg');
  if ('problem' in processed) throw new Error(processed.problem);
  // A 390 px phone shows the lead image 358 CSS px wide; at 3× it picks the smallest AVIF at least 1,074 px wide.
  const avif = processed.image.variants.filter((v) => v.contentType === 'image/avif').sort((a, b) => a.width - b.width);
  const chosen = avif.find((v) => v.width >= 358 * 3) ?? avif.at(-1);
  add({
    section: 'photos',
    metric: 'lead image bytes on a 390 px phone (3×): the original file before, the AVIF `srcset` picks now',
    result: `${kib(photo.byteLength)} → ${kib(chosen?.bytes ?? 0)} (${chosen?.width} px AVIF): ${((chosen?.bytes ?? 0) / photo.byteLength).toFixed(2)}×`,
    target: 'smaller',
    pass: (chosen?.bytes ?? Number.POSITIVE_INFINITY) < photo.byteLength,
  });
  {
    const file = processed.files.find((f) => f.key.endsWith('/800.avif')) ?? processed.files[0];
    const bytes = new Uint8Array(file?.bytes ?? []);
    const object = {
      key: file?.key,
      size: bytes.byteLength,
      httpEtag: '"bench"',
      uploaded: new Date(0),
      httpMetadata: { contentType: file?.contentType },
      get body() {
        return new Response(bytes).body;
      },
    };
    const bucket = { get: async () => object, head: async () => object } as unknown as R2Bucket;
    const app = appModule.createApp({
      weather: appModule.createWeatherService({ fetch: async () => new Response('', { status: 503 }), now: Date.now }),
      now: Date.now,
      caches: appModule.createIsolateCaches(),
      colo: appModule.NO_COLO_CACHE,
    });
    const env = { MEDIA: bucket, SITE_URL: 'https://al-ayyam.example', WEATHER_KV: weatherKv() };
    const path = `/media/${file?.key}`;
    const sample = await app.fetch(new Request(`https://al-ayyam.example${path}`), env, ctx);
    const headers: Record<string, string> = {};
    sample.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const bare = new Hono().get('/media/*', () => new Response(bytes, { headers }));
    const cmp = await sideBySide(
      async () => (await app.fetch(new Request(`https://al-ayyam.example${path}`), env, ctx)).arrayBuffer(),
      async () => (await bare.fetch(new Request(`https://al-ayyam.example${path}`))).arrayBuffer(),
      { rounds: LOAD.rounds + 2, iterations: LOAD.warm },
    );
    add({
      section: 'photos',
      metric: '`/media/<key>` request (R2 read stubbed in memory) vs a bare Hono handler sending the same bytes',
      result: `${ms(cmp.a)} vs ${ms(cmp.b)} → ${cmp.ratio.toFixed(2)}×`,
      target: 'close to a static file',
      pass: null,
      value: cmp.ratio,
    });
  }

  const table = [
    `Machine: ${machine}. Medians of ${LOAD.rounds} rounds; cold = a new set of isolate caches per request.`,
    '',
    '| Section | Metric | Result | Target | Pass |',
    '| --- | --- | --- | --- | :---: |',
    ...rows.map(
      (r) =>
        `| ${r.section} | ${r.metric} | ${r.result} | ${r.target} | ${r.pass === null ? '—' : r.pass ? '✅' : '❌'} |`,
    ),
  ].join('\n');
  console.log(table);
  writeFileSync(join(RESULTS, 'latest.json'), JSON.stringify({ machine, quick, rows }, null, 2));
}

/**
 * A startup profile's non-idle CPU time, and the part of it sampled in the bundle's own code (frames with a
 * script URL), in ms. The profiler samples startup coarsely (intervals of several ms), so single runs are
 * quantized and a busy machine stretches them: read the median, and the runs.
 */
function startupMs(profile: {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  samples: number[];
  timeDeltas: number[];
}): { active: number; script: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  let active = 0;
  let script = 0;
  profile.samples.forEach((node, i) => {
    const frame = byId.get(node);
    const delta = profile.timeDeltas[i] ?? 0;
    if (frame?.functionName !== '(idle)') active += delta;
    if (frame?.url) script += delta;
  });
  return { active: active / 1000, script: script / 1000 };
}

if (!existsSync(WRANGLER)) throw new Error('run npm ci first');
await main();
