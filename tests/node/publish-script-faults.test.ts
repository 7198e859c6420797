/**
 * `npm run content:publish` (scripts/publish.ts, spawned) when its surroundings fail it: a read-only database file
 * or folder (chmod), no database, or another publish holding the lock each end the run with exactly one line on
 * stderr, no stack, a non-zero exit code (3: a fault, 4: busy), and nothing in R2 (wrangler is not even started).
 * chmod does not stop root: run as root, the script is spawned as `nobody`, for whom it does.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { D1_DIR, localState } from './support/local-state.ts';

/** Who runs the script: chmod binds every user but root. */
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;
const user = asRoot ? { uid: NOBODY, gid: NOBODY } : {};
/** As root, whether `nobody` can run the script from this checkout at all. */
const runnable =
  !asRoot ||
  spawnSync(process.execPath, ['-e', "require('node:fs').accessSync('scripts/publish.ts')"], user).status === 0;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) {
    chmodAll(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A project's content and a migrated local state folder, owned by whoever runs the script. */
function setUp(): { dir: string; persist: string; content: string; dbFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'publish-script-'));
  dirs.push(dir);
  const content = join(dir, 'content');
  mkdirSync(content);
  writeFileSync(join(content, 'a.md'), '---\ntitle: خبر\ndate: 2025-02-28T10:00:00\n---\n\nنص الخبر.\n');
  const persist = join(dir, 'state');
  const dbFile = localState(persist);
  if (asRoot) chownAll(dir);
  return { dir, persist, content, dbFile };
}

function chownAll(path: string) {
  chownSync(path, NOBODY, NOBODY);
  if (statSync(path).isDirectory()) for (const name of readdirSync(path)) chownAll(join(path, name));
}
function chmodAll(path: string, mode: number) {
  if (!existsSync(path)) return;
  chmodSync(path, mode);
  if (statSync(path).isDirectory()) for (const name of readdirSync(path)) chmodAll(join(path, name), mode);
}

function publish({ dir, persist, content }: { dir: string; persist: string; content: string }) {
  const args = ['--experimental-strip-types', '--no-warnings', 'scripts/publish.ts', '--local'];
  const result = spawnSync(process.execPath, [...args, '--persist-to', persist, '--content', content], {
    encoding: 'utf8',
    env: { ...process.env, HOME: dir },
    ...user,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Exactly one line on stderr (no stack), nothing on stdout, and nothing in R2: wrangler never started. */
function expectOneLine(run: ReturnType<typeof publish>, persist: string, status: number, line: string) {
  expect(run.stderr).toBe(`${line}\n`);
  expect(run.stdout).toBe('');
  expect(run.status).toBe(status);
  expect(existsSync(join(persist, 'v3', 'r2'))).toBe(false);
}

describe.skipIf(!runnable)('content:publish when it cannot write', () => {
  it('exits 3 with one line naming a read-only database file', () => {
    const project = setUp();
    chmodSync(project.dbFile, 0o444);
    expectOneLine(
      publish(project),
      project.persist,
      3,
      `content:publish: write ${project.dbFile}: attempt to write a readonly database; the database file or its folder is read-only: make both writable, then publish again`,
    );
  });

  it('exits 3 with one line naming the database when its folder is read-only', () => {
    const project = setUp();
    chmodSync(dirname(project.dbFile), 0o555);
    expectOneLine(
      publish(project),
      project.persist,
      3,
      `content:publish: open ${project.dbFile}: attempt to write a readonly database; the database file or its folder is read-only: make both writable, then publish again`,
    );
  });

  it('exits 3 with one line naming the lock file when the state folder is read-only', () => {
    const project = setUp();
    chmodSync(project.persist, 0o555);
    expectOneLine(
      publish(project),
      project.persist,
      3,
      `content:publish: take the publish lock ${project.persist}/publish.lock: EACCES: permission denied`,
    );
  });

  it('exits 3 with one line naming the folder when there is no database', () => {
    const project = setUp();
    rmSync(join(project.persist, 'v3'), { recursive: true });
    expectOneLine(
      publish(project),
      project.persist,
      3,
      `content:publish: open ${project.persist}/${D1_DIR}: no local D1 database there: run \`npm run db:migrate\` (wrangler d1 migrations apply DB --local) first`,
    );
  });
});

describe.skipIf(!runnable)('content:publish while another publish runs', () => {
  it('exits 4 at once with one line naming its pid, start time and lock file', () => {
    const project = setUp();
    // This test's own process stands for the running publish: alive, on this host.
    const startedMs = Date.now() - 5_000;
    const lock = join(project.persist, 'publish.lock');
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), startedMs, token: 'first' }));
    const time = new Date(startedMs).toISOString().slice(11, 19);
    expectOneLine(
      publish(project),
      project.persist,
      4,
      `content:publish: another publish is running (pid ${process.pid}, started ${time} UTC); wait for it or remove ${lock} if that process is gone`,
    );
    expect(existsSync(lock)).toBe(true);
  });
});
