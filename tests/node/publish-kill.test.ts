/**
 * kill -9 of the real publish script in the middle of its D1 writes, at a few points: the archive it leaves is
 * whole (every list numbered, totals what a crawl finds, every page answering), the next run takes over the lock
 * the dead run left and completes the publish.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeArchive } from '../../bench/archive.ts';
import { localD1File, openLocalD1 } from '../../src/publish/node/local-d1.ts';
import { testApp } from '../helpers/app.ts';
import { expectNumbered, expectWholeList } from '../helpers/archive-checks.ts';
import { nodeBindings } from './support/bindings.ts';

const BASE = 300;
const SIZE = 1_200;
const dir = mkdtempSync(join(tmpdir(), 'publish-kill-'));
const content = join(dir, 'content');
const baseline = join(dir, 'baseline');

const publishArgs = (persist: string) => [
  '--experimental-strip-types',
  '--no-warnings',
  'scripts/publish.ts',
  '--local',
  // The share-card backlog would draw 200 cards a run: not what this test is about.
  '--cards',
  '0',
  '--content',
  content,
  '--persist-to',
  persist,
];

/** The number of articles in the state folder's database, read beside the writer (WAL). */
function articleCount(file: string): number {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return Number((db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n);
  } finally {
    db.close();
  }
}

/** Runs the publish script and kills it with SIGKILL once D1 holds more than `after` articles. */
async function publishKilledAfter(persist: string, after: number): Promise<number> {
  const file = localD1File(persist);
  const child: ChildProcess = spawn(process.execPath, publishArgs(persist), { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the publish ended before ${after} articles were written`);
    const count = articleCount(file);
    if (count > after) {
      child.kill('SIGKILL');
      await exited;
      return articleCount(file);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Every list as readers find it through the app, over the state folder's database. */
async function expectWholeArchive(persist: string): Promise<string[]> {
  const { db, close } = openLocalD1(localD1File(persist));
  try {
    await expectNumbered(db);
    const site = testApp({ bindings: nodeBindings({ DB: db }), now: () => Date.parse('2026-06-01T00:00:00Z') });
    const all = await expectWholeList(site.request, 'all');
    await expectWholeList(site.request, 'لبنان');
    return all;
  } finally {
    await close();
  }
}

beforeAll(() => {
  // The newest SIZE - BASE articles wait aside while the baseline publishes the oldest BASE.
  writeArchive(content, SIZE);
  const later = join(dir, 'later');
  mkdirSync(later);
  for (let i = BASE; i < SIZE; i++) renameSync(join(content, `a${i}.md`), join(later, `a${i}.md`));
  spawnSync(
    process.execPath,
    ['node_modules/wrangler/bin/wrangler.js', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', baseline],
    { encoding: 'utf8', env: { ...process.env, CI: 'true' } },
  );
  const first = spawnSync(process.execPath, publishArgs(baseline), { encoding: 'utf8' });
  expect(first.status, first.stderr).toBe(0);
  for (const name of readdirSync(later)) renameSync(join(later, name), join(content, name));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a publish killed with SIGKILL while it writes D1', () => {
  for (const after of [BASE, 700, 1_050]) {
    it(`leaves a whole archive when killed past ${after} articles, and the next run completes it`, async () => {
      const persist = join(dir, `killed-${after}`);
      cpSync(baseline, persist, { recursive: true });
      const left = await publishKilledAfter(persist, after);
      expect(left).toBeGreaterThan(after);
      expect(left).toBeLessThan(SIZE);
      expect((await expectWholeArchive(persist)).length).toBe(left);

      const next = spawnSync(process.execPath, publishArgs(persist), { encoding: 'utf8' });
      expect(next.status, next.stderr).toBe(0);
      expect(next.stderr).toMatch(/Took over the publish lock .*publish\.lock: the publish that held it \(pid \d+/);
      expect(next.stdout).toMatch(new RegExp(`added ${SIZE - left}, updated 0, removed 0, unchanged ${left}`));
      expect((await expectWholeArchive(persist)).length).toBe(SIZE);
    }, 120_000);
  }
});
