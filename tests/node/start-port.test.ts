/**
 * `npm start` as a developer runs it, on a port of its own (`-- --port N`) and a fresh state folder: migrations,
 * publish, then `wrangler dev`, with canonical links and feeds on that port. Offline-quiet: an upstream that does not
 * resolve (`.invalid` never does) is one warning, and nothing prints a stack or an error. A SIGTERM to npm alone stops
 * wrangler and workerd too. Bounded: the server has 75 s to come up, and its whole process group is killed at the end.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, ROOT, requireWranglerNode } from './support/wrangler-dev.ts';

const READY_MS = 75_000;
const STOP_MS = 15_000;
const UPSTREAM = 'http://upstream.invalid/v1/forecast?latitude=33.8938&longitude=35.5018&current=temperature_2m';

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
/** Whether any process of the group led by `pid` is left (signal 0 only probes). */
const groupAlive = (pid: number) => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** `npm start -- <args>` in its own process group, with this Node first on PATH (as the guard requires). */
function npmStart(args: string[], env: Record<string, string> = {}): { child: ChildProcess; output: () => string } {
  const { CLOUDFLARE_CF_FETCH_ENABLED: _, ...inherited } = process.env;
  const npm = process.env.npm_execpath;
  const [command, prefix] = npm?.endsWith('.js') ? [process.execPath, [npm]] : ['npm', []];
  const child = spawn(command, [...prefix, 'start', '--', ...args], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...inherited,
      PATH: `${dirname(process.execPath)}:${process.env.PATH}`,
      WRANGLER_SEND_METRICS: 'false',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      ...env,
    },
  });
  let text = '';
  child.stdout?.on('data', (chunk) => (text += chunk));
  child.stderr?.on('data', (chunk) => (text += chunk));
  return { child, output: () => text };
}

async function waitFor<T>(what: string, limitMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    const found = await probe();
    if (found !== undefined) return found;
    await sleep(250);
  }
  throw new Error(`${what} within ${limitMs / 1000} s`);
}

describe('npm start -- --port N', () => {
  let port: number;
  let persistDir: string;
  let started: ReturnType<typeof npmStart>;
  const failWith = (message: string) => new Error(`${message}\n--- npm start said:\n${started.output().slice(-4000)}`);

  beforeAll(async () => {
    requireWranglerNode('npm test');
    port = await freePort();
    persistDir = mkdtempSync(join(tmpdir(), 'al-ayyam-start-'));
    const args = ['--port', String(port), '--ip', '127.0.0.1', '--inspector-port', String(await freePort())];
    started = npmStart([...args, '--persist-to', persistDir, '--var', `WEATHER_URL:${UPSTREAM}`]);
    await waitFor(`npm start did not serve / on port ${port}`, READY_MS, async () => {
      if (started.child.exitCode !== null) throw failWith(`npm start exited with ${started.child.exitCode}`);
      const res = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(5_000) }).catch(() => null);
      await res?.arrayBuffer();
      return res?.status === 200 ? true : undefined;
    }).catch((error: Error) => {
      throw failWith(error.message);
    });
  }, READY_MS + 10_000);

  afterAll(async () => {
    const pid = started?.child.pid;
    if (pid !== undefined && groupAlive(pid)) process.kill(-pid, 'SIGKILL');
    if (persistDir) rmSync(persistDir, { recursive: true, force: true });
  });

  it('serves canonical links and feeds on that port (SITE_URL follows it)', async () => {
    const html = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    expect(html).toContain(`<link rel="canonical" href="http://localhost:${port}/"`);
    const feed = await (await fetch(`http://127.0.0.1:${port}/feed.xml`)).text();
    expect(feed).toContain(`<link>http://localhost:${port}/articles/`);
  });

  it('offline, says once that the header shows "–", then logs each failed fetch as one warning, with no error or stack', async () => {
    const html = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    expect(html).toContain('<span aria-hidden="true">–</span>');
    const failed = 'weather: upstream answer rejected, keeping the last good value: HTTP 503: unreachable: ';
    await waitFor('no warning for the failed weather fetch', 10_000, async () =>
      started.output().includes(failed) ? true : undefined,
    ).catch((error: Error) => {
      throw failWith(error.message);
    });
    const output = started.output();
    expect(output.split('upstream.invalid does not resolve (offline?), so the header shows "–"').length).toBe(2);
    expect(output).toContain('scripts/fake-weather.ts');
    expect(output).not.toContain('Request.cf');
    expect(output).not.toMatch(/\[ERROR\]|✘|stack:|\n\s+at /);
  });

  it('stops with wrangler and workerd on a SIGTERM to npm alone', async () => {
    const { child } = started;
    const pid = child.pid as number;
    process.kill(pid, 'SIGTERM');
    await waitFor('processes of npm start were left running', STOP_MS, async () =>
      groupAlive(pid) ? undefined : true,
    ).catch((error: Error) => {
      throw failWith(error.message);
    });
  });
});

describe('npm start with a bad port', () => {
  it('stops before doing anything, with one line and exit code 2', async () => {
    const { child, output } = npmStart(['--test-scheduled'], { PORT: '70000' });
    const code = await new Promise((done) => child.once('exit', done));
    expect(code).toBe(2);
    expect(output().trim().split('\n').at(-1)).toBe(
      'npm start: PORT must be a port number from 1 to 65535, got "70000"',
    );
    expect(output()).not.toContain('wrangler');
  });
});
