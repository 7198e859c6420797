/**
 * `npm start [-- --port N] [-- wrangler dev options]`: applies the D1 migrations to the local database, publishes
 * content/ into it, then serves the site with `wrangler dev` on http://localhost:<port>: `--port`, else PORT, else
 * 8787, with SITE_URL following it. Every other argument goes to `wrangler dev` (`--var NAME:value`,
 * `--test-scheduled`, …); `--persist-to` to all three steps.
 *
 * Quiet offline: wrangler does not download Request.cf (CLOUDFLARE_CF_FETCH_ENABLED=false; the site never reads it),
 * and a weather upstream whose host does not resolve is reached through a relay (weather-relay.ts), so the failed
 * fetch is one warning rather than workerd's red internal error with its stack.
 *
 * Signals go on to the step running; the exit code is the failed step's, or wrangler's; 2 for bad arguments.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseStartArgs } from './start-args.ts';
import { startWeatherRelay, type WeatherRelay } from './weather-relay.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WRANGLER = join(ROOT, 'node_modules/wrangler/bin/wrangler.js');
/** Set unless the caller set it: `CLOUDFLARE_CF_FETCH_ENABLED=true npm start` fetches Request.cf again. */
const ENV = { CLOUDFLARE_CF_FETCH_ENABLED: 'false', ...process.env };
/** How long the offline check waits for a DNS answer. */
const LOOKUP_TIMEOUT_MS = 2000;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

type Exit = { code: number | null; signal: NodeJS.Signals | null };

let child: ChildProcess | undefined;
let stopping = false;
for (const signal of SIGNALS) {
  process.on(signal, () => {
    stopping = true;
    if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
    else exitAs({ code: null, signal });
  });
}

/** Runs one step with this Node, output straight to the terminal. */
function run(args: string[], env: NodeJS.ProcessEnv): Promise<Exit> {
  return new Promise((done, fail) => {
    child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.once('error', fail);
    child.once('exit', (code, signal) => done({ code, signal }));
  });
}

/** Ends as the step ended: with its code, or killed by the same signal. */
function exitAs({ code, signal }: Exit): never {
  if (signal) {
    for (const name of SIGNALS) process.removeAllListeners(name);
    process.kill(process.pid, signal);
  }
  process.exit(code ?? 1);
}

/** Runs a preparation step; stops here when it failed or a signal came. */
async function step(args: string[], env: NodeJS.ProcessEnv = ENV): Promise<void> {
  const exit = await run(args, env);
  if (exit.code !== 0 || stopping) exitAs(exit);
}

/** wrangler.toml's WEATHER_URL (a plain string under [vars]). */
function configuredWeatherUrl(): string | undefined {
  const toml = readFileSync(join(ROOT, 'wrangler.toml'), 'utf8');
  return /^WEATHER_URL\s*=\s*"([^"]+)"/m.exec(toml)?.[1];
}

async function resolves(host: string): Promise<boolean> {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  if (isIP(bare) || bare === 'localhost') return true;
  const timeout = new Promise<never>((_, fail) => setTimeout(fail, LOOKUP_TIMEOUT_MS).unref());
  try {
    await Promise.race([lookup(bare), timeout]);
    return true;
  } catch {
    return false;
  }
}

function warn(line: string): void {
  const colour = process.stderr.isTTY && !process.env.NO_COLOR;
  console.warn(colour ? `\x1b[33m▲ [WARNING]\x1b[0m ${line}` : `▲ [WARNING] ${line}`);
}

/** A relay when the upstream's host does not resolve (offline), after saying so; else null. */
async function offlineRelay(url: string | undefined): Promise<WeatherRelay | null> {
  if (!url || !URL.canParse(url)) return null;
  const upstream = new URL(url);
  if (await resolves(upstream.hostname)) return null;
  warn(
    `weather: ${upstream.hostname} does not resolve (offline?), so the header shows "–" until it answers. ` +
      'For a local temperature: `node --experimental-strip-types scripts/fake-weather.ts --port 9000`, then ' +
      '`npm start -- --var WEATHER_URL:http://127.0.0.1:9000/v1/forecast`.',
  );
  return startWeatherRelay(upstream);
}

const args = parseStartArgs(process.argv.slice(2), process.env);
if ('error' in args) {
  console.error(`npm start: ${args.error}`);
  process.exit(2);
}
const persist = args.persistTo === undefined ? [] : ['--persist-to', args.persistTo];
// The migrations ask for confirmation unless CI is set.
await step([WRANGLER, 'd1', 'migrations', 'apply', 'DB', '--local', ...persist], { ...ENV, CI: 'true' });
await step(['--experimental-strip-types', '--no-warnings', 'scripts/publish.ts', '--local', ...persist]);

const relay = await offlineRelay(args.vars.get('WEATHER_URL') ?? configuredWeatherUrl());
// After the caller's arguments, so the relay replaces the WEATHER_URL it stands in for.
const vars = [
  ...(args.vars.has('SITE_URL') ? [] : ['--var', `SITE_URL:http://localhost:${args.port}`]),
  ...(relay ? ['--var', `WEATHER_URL:${relay.url}`] : []),
];
const exit = await run([WRANGLER, 'dev', '--port', String(args.port), ...args.wranglerArgs, ...vars], ENV);
await relay?.close();
exitAs(exit);
