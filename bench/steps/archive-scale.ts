/**
 * One archive size: a synthetic archive published into a fresh local D1 (full, one edit, a live update), then
 * requests through the app in one V8 against that D1, every figure as a ratio to the smallest size of the run.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { localD1File, openLocalD1 } from '../../src/publish/node/local-d1.ts';
import { listCursor } from '../../src/site/cursor.ts';
import { liveArticle, type Vocabulary, writeArchive } from '../archive.ts';
import { kib, ms, perCall, sideBySide } from '../measure.ts';
import {
  type AppModule,
  type BenchOptions,
  benchDeps,
  executionContext,
  folderBytes,
  label,
  migrate,
  planLine,
  publish,
  type Row,
  TMP,
  weatherKv,
} from './context.ts';
import { searchCrowdRow } from './search-crowd.ts';

export interface PublishedArchive {
  size: number;
  vocabulary: Vocabulary;
  content: string;
  persist: string;
  topTag: string;
  /** Seconds of the full publish. */
  full: number;
}

/** Writes an archive of `size` articles and publishes it in full into a fresh local D1 of its own. */
export function publishArchive(size: number, vocabulary: Vocabulary = 'worst-case'): PublishedArchive {
  const name = vocabulary === 'worst-case' ? `${size}` : `${size}-${vocabulary}`;
  const content = join(TMP, `content-${name}`);
  const persist = join(TMP, `d1-${name}`);
  const { topTag } = writeArchive(content, size, vocabulary);
  migrate(persist);
  const full = publish(content, persist, `full publish (${vocabulary})`).seconds;
  return { size, vocabulary, content, persist, topTag, full };
}

/** Baselines of the ratios: the first (smallest) archive's figure under each key. */
export type Baselines = Record<string, number>;

export async function archiveScaleStep(
  options: BenchOptions,
  app: AppModule,
  size: number,
  base: Baselines,
): Promise<{ rows: Row[]; archive: PublishedArchive }> {
  const rows: Row[] = [];
  const section = label(size);
  const largest = size >= 100_000;
  process.stderr.write(`bench: archive of ${section}\n`);
  const archive = publishArchive(size);
  const { content, persist, full } = archive;
  const middle = `a${Math.floor(size / 2)}`;
  appendFileSync(join(content, `${middle}.md`), '\nفقرة أضيفت للتصحيح.\n');
  const one = publish(content, persist, 'one-article publish');
  // A live article of 200 updates, published; then one more update, the newsroom's busiest publish.
  writeFileSync(join(content, liveArticle(200).name), liveArticle(200).text);
  publish(content, persist, 'live article publish');
  writeFileSync(join(content, liveArticle(201).name), liveArticle(201).text);
  const liveUpdate = publish(content, persist, 'one more live update');
  const dbBytes = folderBytes(join(persist, 'v3/d1'));
  rows.push(
    {
      section,
      metric: 'full publish (read, validate, write to local D1)',
      result: `${full.toFixed(1)} s (${((full / size) * 1000).toFixed(2)} ms per article)`,
      target: largest ? '< 10 min' : 'report',
      pass: largest ? full < 600 : null,
      value: full,
    },
    {
      section,
      metric: 'publish after editing one article',
      result: `${one.seconds.toFixed(1)} s; ${planLine(one.stdout)}`,
      target: largest ? '< 10 s' : 'report',
      pass: largest ? one.seconds < 10 : null,
      value: one.seconds,
    },
    {
      section,
      metric: 'publish one more update to a live article of 200 updates',
      result: `${liveUpdate.seconds.toFixed(1)} s; ${planLine(liveUpdate.stdout)}`,
      target: largest ? '< 10 s (then live within 60 s)' : 'report',
      pass: largest ? liveUpdate.seconds < 10 : null,
      value: liveUpdate.seconds,
    },
    {
      section,
      metric: 'local D1 size (the state folder on disk)',
      result: `${(dbBytes / 1024 / 1024).toFixed(1)} MiB`,
      target: 'report',
      pass: null,
      value: dbBytes,
    },
  );
  rows.push(...(await requests(options, app, archive, middle, base)));
  return { rows, archive };
}

/**
 * Requests in one V8 against the archive's D1, opened in-process (the local D1's own SQLite file): a cold request's
 * time is the query plus our code, with no RPC.
 */
async function requests(
  options: BenchOptions,
  appModule: AppModule,
  { size, persist, topTag }: PublishedArchive,
  middle: string,
  base: Baselines,
): Promise<Row[]> {
  const rows: Row[] = [];
  const section = label(size);
  const smallest = options.sizes[0] ?? size;
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
    const deps = benchDeps(appModule);
    const app = appModule.createApp(deps);
    const env = {
      DB: db,
      CF_VERSION_METADATA: { id: 'bench', tag: '', timestamp: '' },
      SITE_URL: 'https://al-ayyam.example',
      WEATHER_URL: 'http://127.0.0.1:9/',
      WEATHER_KV: weatherKv(),
    };
    const get = async (path: string) => {
      const res = await app.fetch(new Request(`https://al-ayyam.example${path}`), env, executionContext);
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
    const { load } = options;
    const first = size === smallest;
    const scale = (key: string, value: number) => {
      base[key] ??= value;
      return value / (base[key] as number);
    };
    for (const [index, [name, path]] of routes.entries()) {
      // A cold search is a whole index query, far dearer than any other cold page: fewer of them.
      const scaleDown = path.startsWith('/search') ? 10 : 1;
      const cold = await perCall(
        async () => {
          deps.caches = appModule.createIsolateCaches();
          await get(path);
        },
        { rounds: load.rounds, iterations: Math.ceil(load.cold / scaleDown) },
      );
      await get(path);
      const warm = await perCall(() => get(path), {
        rounds: load.rounds,
        iterations: Math.ceil(load.warm / scaleDown / 10),
      });
      // Keyed by position: a route's name can carry a size-dependent page number or month.
      const coldRatio = scale(`cold ${index}`, cold);
      const warmRatio = scale(`warm ${index}`, warm);
      rows.push({
        section,
        metric: `${name}: cold isolate (D1 read + render) / warm (cached)`,
        result: `${ms(cold)} / ${ms(warm)}${first ? '' : ` → ${coldRatio.toFixed(2)}× / ${warmRatio.toFixed(2)}× of ${smallest.toLocaleString('en-US')}`}`,
        target: first ? 'baseline' : 'within 1.2×',
        pass: first ? null : coldRatio <= 1.2 && warmRatio <= 1.2,
        value: cold,
      });
    }
    rows.push(await searchCrowdRow(appModule, env, size, options));
    rows.push(...(await frontPage(appModule, env, db, size)));
    if (first) rows.push(await overhead(options, app, env, middle));
  } finally {
    await close();
  }
  return rows;
}

type BenchEnv = Record<string, unknown>;

/**
 * The front page as a cold isolate makes it: its D1 round trips (each batch or single read is one) and its weight,
 * with sections, top stories and the latest list filled from the whole archive.
 */
async function frontPage(appModule: AppModule, env: BenchEnv, db: D1Database, size: number): Promise<Row[]> {
  const section = label(size);
  const counting = countingD1(db);
  const res = await appModule
    .createApp(benchDeps(appModule))
    .fetch(new Request('https://al-ayyam.example/'), { ...env, DB: counting.db }, executionContext);
  if (res.status !== 200) throw new Error(`the front page through the counting D1 answered ${res.status}`);
  const html = Buffer.from(await res.arrayBuffer());
  const trips = counting.trips();
  const gzip = gzipSync(html).length;
  const largest = size >= 100_000;
  return [
    {
      section,
      metric: 'front page, cold isolate: D1 round trips',
      result: `${trips}`,
      target: '≤ 3',
      pass: trips <= 3,
      value: trips,
    },
    {
      section,
      metric: 'front page HTML (no client JavaScript)',
      result: `${kib(html.length)} / ${kib(gzip)} gzip; scripts: ${html.includes(Buffer.from('<script')) ? 'yes' : 'none'}`,
      target: largest ? '< 60 KB, gzip < 15 KB' : 'report',
      pass: largest ? html.length < 60_000 && gzip < 15_000 : null,
      value: html.length,
    },
  ];
}

/** The price of our template + temperature fill + headers, against a bare Hono handler sending the same bytes. */
async function overhead(
  options: BenchOptions,
  app: ReturnType<AppModule['createApp']>,
  env: BenchEnv,
  middle: string,
): Promise<Row> {
  const path = `/articles/${middle}`;
  const fetchOurs = () => app.fetch(new Request(`https://al-ayyam.example${path}`), env, executionContext);
  const sample = await fetchOurs();
  const bytes = new Uint8Array(await sample.arrayBuffer());
  const headers: Record<string, string> = {};
  sample.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const bare = new Hono().get('/articles/:slug', () => new Response(bytes, { headers }));
  const cmp = await sideBySide(
    async () => (await fetchOurs()).arrayBuffer(),
    async () => (await bare.fetch(new Request(`https://al-ayyam.example${path}`))).arrayBuffer(),
    { rounds: options.load.rounds + 2, iterations: options.load.warm * 2 },
  );
  return {
    section: 'one V8',
    metric: 'warm article request vs a bare Hono handler returning the same bytes',
    result: `${ms(cmp.a)} vs ${ms(cmp.b)} → ${cmp.ratio.toFixed(2)}×`,
    target: '≤ 1.5×',
    pass: cmp.ratio <= 1.5,
    value: cmp.ratio,
  };
}

/** A D1 binding that counts its round trips: each batch, and each statement's all/first/run/raw, in a session too. */
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
  const prepare = (sql: string) => wrap(inner.prepare(sql));
  const batch = (list: D1PreparedStatement[]) => {
    trips++;
    return inner.batch(list.map((s) => statements.get(s) ?? s));
  };
  // Every request reads through a session (src/store/session.ts): its statements are the ones counted.
  const db = {
    prepare,
    batch,
    withSession: () => ({ prepare, batch, getBookmark: () => null }),
  } as unknown as D1Database;
  return { db, trips: () => trips };
}
