/**
 * Publishing over the network (`content:publish -- --remote`, issue 22): the publish step (runPublish, in this
 * process) against the bench's local D1 and an in-memory R2, both behind simulated-network.ts, where every call
 * costs a 100 ms round trip of virtual time. Two runs: one edited article in the largest archive (while its share
 * card backlog catches up, then once every article has its card), and a full publish into a fresh database.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type OpenBindings, openLocalDatabase } from '../src/publish/node/bindings.ts';
import { localD1File, openLocalD1 } from '../src/publish/node/local-d1.ts';
import { shareCardKey, versionWithCard } from '../src/publish/node/media-publish.ts';
import { type PublishOutcome, runPublish } from '../src/publish/node/run-publish.ts';
import { writeArchive } from './archive.ts';
import { type NetworkTally, pagedMemoryR2, simulatedNetwork } from './simulated-network.ts';
import type { Row } from './steps/context.ts';

/** The round trip of one D1 or R2 call from a publishing machine to Cloudflare (a pessimistic figure). */
export const LATENCY_MS = 100;
/** D1's largest response the runs must stay under. */
const MAX_RESULT_BYTES = 50 * 1024 * 1024;

const SECTION = `network (${LATENCY_MS} ms per call)`;

interface Measured {
  outcome: PublishOutcome;
  tally: NetworkTally;
  /** Virtual seconds (real time plus every wait), and the real seconds of the run alone. */
  seconds: number;
  realSeconds: number;
}

/** One publish run through the simulated network, as the publish script runs it (`--cards` = cardBacklog). */
async function publishOverNetwork(
  root: string,
  content: string,
  persist: string,
  bucket: R2Bucket,
  { full = false, cardBacklog }: { full?: boolean; cardBacklog: number },
): Promise<Measured> {
  const network = simulatedNetwork(LATENCY_MS);
  // The local database of the bench's state folder and the in-memory bucket, each call a round trip. The run is a
  // local one (lock file and stamps in the state folder) with the remote run's calls: the lock row is one batch
  // either way.
  const openBindings: OpenBindings = async (wanted) => {
    const local = openLocalDatabase(wanted);
    return { ...local, db: network.d1(local.db), media: async () => network.r2(bucket) };
  };
  const started = network.now();
  const realStart = performance.now();
  const outcome = await runPublish({
    root,
    content,
    mode: 'local',
    persistTo: persist,
    full,
    cardBacklog,
    openBindings,
  });
  if (outcome.kind !== 'published') throw new Error(`network publish: ${JSON.stringify(outcome).slice(0, 500)}`);
  return {
    outcome,
    tally: network.tally(),
    seconds: (network.now() - started) / 1000,
    realSeconds: (performance.now() - realStart) / 1000,
  };
}

const r2Calls = (t: NetworkTally) => Object.values(t.r2).reduce((n, c) => n + c, 0);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** `412 D1 + 9 R2 calls (put 3, list 2, …) → 58.3 s (12.1 s without the waits)` */
function describe({ tally, seconds, realSeconds }: Measured): string {
  const r2 = Object.entries(tally.r2)
    .filter(([, n]) => n > 0)
    .map(([op, n]) => `${op} ${n}`)
    .join(', ');
  return `${tally.d1} D1 + ${r2Calls(tally)} R2 calls${r2 ? ` (${r2})` : ''} → ${seconds.toFixed(1)} s (${realSeconds.toFixed(1)} s without the waits)`;
}

const planOf = (m: Measured) => {
  if (m.outcome.kind !== 'published') return '';
  const { plan, cards } = m.outcome.report;
  return `added ${plan.added.length}, updated ${plan.updated.length}, unchanged ${plan.unchanged}; cards made ${cards.made}, backlog ${cards.backlog.toLocaleString('en-US')}`;
};

/**
 * The steady state of a paper whose back catalogue has caught up: every article names its share card (the key the
 * backlog would give it, with the version that goes with it) and R2 holds each card.
 */
async function giveEveryArticleItsCard(persist: string, bucket: R2Bucket) {
  const { db, close } = openLocalD1(localD1File(persist));
  try {
    const { results } = await db
      .prepare('SELECT slug, title, version FROM articles WHERE card IS NULL AND image IS NULL')
      .all<{ slug: string; title: string; version: string }>();
    const card = new Uint8Array(64);
    for (let i = 0; i < results.length; i += 1000) {
      const statements: D1PreparedStatement[] = [];
      for (const row of results.slice(i, i + 1000)) {
        const key = shareCardKey(row.title, undefined);
        await bucket.put(key, card);
        statements.push(
          db
            .prepare('UPDATE articles SET card = ?1, version = ?2 WHERE slug = ?3')
            .bind(key, versionWithCard(row.version, key), row.slug),
        );
      }
      await db.batch(statements);
    }
    return results.length;
  } finally {
    await close();
  }
}

const WRANGLER_ENV = {
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_METRICS: 'false',
  CI: 'true',
};

/** A fresh local D1 in `persist`, migrated as `npm run db:migrate` does. */
export function freshDatabase(root: string, persist: string) {
  rmSync(persist, { recursive: true, force: true });
  const wrangler = join(root, 'node_modules/wrangler/bin/wrangler.js');
  const result = spawnSync(
    process.execPath,
    [wrangler, 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persist],
    { cwd: root, env: WRANGLER_ENV, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`migrations failed:\n${result.stdout}\n${result.stderr}`);
}

/**
 * One edited article in an archive of `size` already published into `persist` from `content` (stamps saved
 * there, as the bench's local publishes leave them): first while the share-card backlog still has the whole back
 * catalogue to do (the default 200 cards a run), then once every article has its card.
 */
export async function networkOneEdit(root: string, content: string, persist: string, size: number) {
  const rows: Row[] = [];
  const label = size.toLocaleString('en-US');
  const { bucket, objects } = pagedMemoryR2();
  appendFileSync(join(content, `a${Math.floor(size / 3)}.md`), '\nفقرة أضيفت عبر الشبكة.\n');
  const catchingUp = await publishOverNetwork(root, content, persist, bucket, { cardBacklog: 200 });
  rows.push({
    section: SECTION,
    metric: `one edited article in a ${label}-article archive whose back catalogue has no share cards yet (200 drawn a run)`,
    result: `${describe(catchingUp)}; ${planOf(catchingUp)}`,
    target: 'report (drawing 200 cards is CPU, not network)',
    pass: null,
    value: catchingUp.seconds,
  });
  const seeded = await giveEveryArticleItsCard(persist, bucket);
  process.stderr.write(`bench: gave ${seeded} articles their card (R2 holds ${objects.size} objects)\n`);
  appendFileSync(join(content, `a${Math.floor((size * 2) / 3)}.md`), '\nفقرة أضيفت عبر الشبكة.\n');
  const steady = await publishOverNetwork(root, content, persist, bucket, { cardBacklog: 200 });
  rows.push({
    section: SECTION,
    metric: `one edited article in a ${label}-article archive, every article with its share card in R2`,
    result: `${describe(steady)}; ${planOf(steady)}`,
    target: size >= 100_000 ? '≤ 15 s' : 'report',
    pass: size >= 100_000 ? steady.seconds <= 15 : null,
    value: steady.seconds,
  });
  rows.push(largest(`one edit, ${label} articles`, [catchingUp, steady]));
  return rows;
}

/** A full publish of the `size` articles of `content` into a fresh database (`persist`) and an empty bucket. */
export async function networkFullPublish(root: string, content: string, persist: string, size: number) {
  freshDatabase(root, persist);
  const { bucket } = pagedMemoryR2();
  const full = await publishOverNetwork(root, content, persist, bucket, { full: true, cardBacklog: 200 });
  const label = size.toLocaleString('en-US');
  return [
    {
      section: SECTION,
      metric: `full publish of ${label} articles into a fresh database (and 200 back-catalogue cards)`,
      result: `${describe(full)}; ${planOf(full)}`,
      target: size >= 10_000 ? '≤ 5 min' : 'report',
      pass: size >= 10_000 ? full.seconds <= 300 : null,
      value: full.seconds,
    },
    largest(`full publish, ${label} articles`, [full]),
  ];
}

/** The largest single D1 response of some runs, and the longest statement and most parameters they sent. */
function largest(what: string, runs: Measured[]): Row {
  const biggest = runs.map((r) => r.tally.largest).sort((a, b) => b.bytes - a.bytes)[0] ?? { bytes: 0, sql: '' };
  const longest = Math.max(...runs.map((r) => r.tally.longestSql));
  const params = Math.max(...runs.map((r) => r.tally.mostParams));
  return {
    section: SECTION,
    metric: `${what}: largest D1 result (JSON), longest statement, most bound parameters`,
    result: `${mib(biggest.bytes)} (\`${biggest.sql.slice(0, 60)}…\`); ${(longest / 1024).toFixed(1)} KiB; ${params}`,
    target: '< 50 MiB; ≤ 100 KB; ≤ 100',
    pass: biggest.bytes < MAX_RESULT_BYTES && longest <= 100_000 && params <= 100,
    value: biggest.bytes,
  };
}

/**
 * `npm run bench -- --network`: this section alone. Writes the archives into `tmp`, publishes the largest locally
 * (no latency) as the main run does, then measures both runs.
 */
export async function benchNetwork(root: string, tmp: string, { archive, full }: { archive: number; full: number }) {
  const rows: Row[] = [];
  const content = join(tmp, `net-content-${archive}`);
  const persist = join(tmp, `net-d1-${archive}`);
  process.stderr.write(`bench: network: archive of ${archive.toLocaleString('en-US')} articles\n`);
  writeArchive(content, archive);
  freshDatabase(root, persist);
  // Files changed in the last 2 s get no stamp (file-stamps.ts): the edit runs would read them again.
  await new Promise((done) => setTimeout(done, 2_100));
  const { bucket } = pagedMemoryR2();
  const local: OpenBindings = async (wanted) => ({
    ...openLocalDatabase(wanted),
    media: async () => bucket,
  });
  const base = await runPublish({
    root,
    content,
    mode: 'local',
    persistTo: persist,
    cardBacklog: 0,
    openBindings: local,
  });
  if (base.kind !== 'published') throw new Error(`base publish: ${JSON.stringify(base).slice(0, 500)}`);
  rows.push(...(await networkOneEdit(root, content, persist, archive)));
  const fullContent = join(tmp, `net-content-${full}`);
  mkdirSync(fullContent, { recursive: true });
  writeArchive(fullContent, full);
  rows.push(...(await networkFullPublish(root, fullContent, join(tmp, `net-d1-full-${full}`), full)));
  return rows;
}
