/**
 * The archive the traffic model reads: bench/archive.ts's synthetic archive, migrated by wrangler into a fresh
 * local D1 and published by the real `scripts/publish.ts --local`, as bench/run.ts does. Built once per size and
 * generator version (a hash of bench/archive.ts, random.ts, vocabulary.ts, migrations/ and the publish format) and kept under
 * bench/results/traffic/ (git-ignored). The archive bench/run.ts leaves in its .tmp folder is taken instead when
 * it was made by the same generator (checked on sample articles), after taking down the live article run.ts adds.
 * Every run works on a copy: the run publishes into it.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { PUBLISH_FORMAT } from '../../src/content/build.ts';
import { sourceHash } from '../../src/publish/node/incremental.ts';
import { localD1File, openLocalD1 } from '../../src/publish/node/local-d1.ts';
import { publishArticles } from '../../src/publish/publish.ts';
import { readPublishedState } from '../../src/publish/write.ts';
import { syntheticArticle, type Vocabulary, writeArchive } from '../archive.ts';
import { migrate, publish, ROOT } from '../steps/context.ts';

export const TRAFFIC_RESULTS = join(ROOT, 'bench/results/traffic');

/**
 * The archive's words: bench/archive.ts's realistic vocabulary (Zipf over 50,000 word forms, as news text reads), so
 * readers' searches cost what they would on a real paper's archive.
 */
export const VOCABULARY: Vocabulary = 'realistic';

export interface Archive {
  size: number;
  /** The SQLite file of the archive (never written by a run: runs use `workingCopy`). */
  file: string;
  source: 'cache' | 'bench/run.ts' | 'built';
  /** Seconds spent making it in this run (0 from the cache). */
  seconds: number;
}

/** What makes an archive: the generator, the schema and the publish format. */
export function generatorVersion(): string {
  const hash = createHash('sha256');
  hash.update(`publish format ${PUBLISH_FORMAT}, vocabulary ${VOCABULARY}\n`);
  for (const part of ['archive.ts', 'random.ts', 'vocabulary.ts']) hash.update(readFileSync(join(ROOT, 'bench', part)));
  for (const name of migrationNames()) hash.update(name).update(readFileSync(join(ROOT, 'migrations', name)));
  return hash.digest('hex').slice(0, 12);
}

const migrationNames = () =>
  readdirSync(join(ROOT, 'migrations'))
    .filter((name) => name.endsWith('.sql'))
    .sort();

/** The archive of `size` articles, from the cache, from bench/run.ts's leftovers, or built now. */
export async function ensureArchive(size: number, log: (line: string) => void): Promise<Archive> {
  const dir = join(TRAFFIC_RESULTS, `archive-${size}-${generatorVersion()}`);
  const file = join(dir, 'd1.sqlite');
  const ready = join(dir, 'ready.json');
  if (existsSync(ready)) {
    return { size, file, source: 'cache', seconds: 0 };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const state = join(dir, 'state');
  const leftover = join(ROOT, 'bench/results/.tmp', `d1-${size}`);
  let source: Archive['source'] = 'built';
  if (await madeBySameGenerator(leftover, size)) {
    log(`traffic: taking the ${size.toLocaleString('en-US')}-article archive bench/run.ts left in ${leftover}`);
    const copy = new DatabaseSync(localD1File(leftover), { readOnly: true });
    copy.exec(`VACUUM INTO '${file.replaceAll("'", "''")}'`);
    copy.close();
    await takeDownExtras(file, size);
    source = 'bench/run.ts';
  } else {
    log(`traffic: building a ${size.toLocaleString('en-US')}-article archive (once; cached in ${dir})`);
    const content = join(dir, 'content');
    writeArchive(content, size, VOCABULARY);
    migrate(state);
    publish(content, state, 'scripts/publish.ts --local');
    // One self-contained file (no -wal beside it), so a run's copy is a plain file copy.
    const built = localD1File(state);
    const db = new DatabaseSync(built);
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    db.close();
    renameSync(built, file);
    rmSync(content, { recursive: true, force: true });
    rmSync(state, { recursive: true, force: true });
  }
  // The replica model reads snapshots, which needs WAL (wrangler's own files are WAL too).
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  db.close();
  const seconds = (performance.now() - started) / 1000;
  writeFileSync(ready, JSON.stringify({ size, generator: generatorVersion(), source, seconds }, null, 2));
  // Archives of this size made by another generator are of no more use.
  for (const name of readdirSync(TRAFFIC_RESULTS)) {
    if (name.startsWith(`archive-${size}-`) && join(TRAFFIC_RESULTS, name) !== dir) {
      rmSync(join(TRAFFIC_RESULTS, name), { recursive: true, force: true });
    }
  }
  return { size, file, source, seconds };
}

/** A copy of the archive for one run (the run publishes into it), in `dir`. */
export function workingCopy(archive: Archive, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'd1.sqlite');
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  copyFileSync(archive.file, file);
  return file;
}

/**
 * Whether bench/run.ts's state folder holds the archive bench/archive.ts makes today: the same migrations, at
 * least `size` articles, and sample articles whose source hash is the one their generated text has.
 */
async function madeBySameGenerator(stateDir: string, size: number): Promise<boolean> {
  if (!existsSync(stateDir)) return false;
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(localD1File(stateDir), { readOnly: true });
    const applied = (db.prepare('SELECT name FROM d1_migrations ORDER BY name').all() as { name: string }[]).map(
      (row) => row.name,
    );
    if (applied.join() !== migrationNames().join()) return false;
    const count = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    if (count < size) return false;
    // Index size / 2 is the article run.ts edits; these it leaves alone.
    for (const i of [0, Math.floor(size / 3), size - 1]) {
      const article = syntheticArticle(i, size, VOCABULARY);
      const row = db.prepare('SELECT source_hash FROM articles WHERE slug = ?').get(article.slug) as
        | { source_hash: string }
        | undefined;
      if (row?.source_hash !== sourceHash(article.text)) return false;
    }
    return true;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/** Takes down what run.ts publishes on top of the synthetic archive (its live article), by the real publish code. */
async function takeDownExtras(file: string, size: number): Promise<void> {
  const { db, close } = openLocalD1(file);
  try {
    const state = await readPublishedState(db);
    const synthetic = new Set(Array.from({ length: size }, (_, i) => `a${i}`));
    const kept = new Set([...state.rows.keys()].filter((slug) => synthetic.has(slug)));
    if (kept.size < state.rows.size) await publishArticles(db, [], { now: new Date(), state, kept });
  } finally {
    await close();
  }
}
