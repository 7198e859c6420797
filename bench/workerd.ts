/**
 * Starts the bench Worker in workerd through wrangler's local dev runtime (no network, in-memory KV).
 * `unstable_startWorker(options)` is `new DevEnv().startWorker(options)`; we build the DevEnv ourselves only to
 * subscribe to its reload event before the Worker starts.
 *
 * Requests go straight to the socket workerd serves the Worker on (the one `wrangler dev`'s proxy forwards to):
 * the dev proxy is a Durable Object hop that production does not have, and would flatten every ratio.
 */
import { createServer } from 'node:net';
import { unstable_DevEnv } from 'wrangler';

export interface RunningWorker {
  /** Origin of workerd's socket for this Worker, e.g. http://127.0.0.1:41234. */
  origin: string;
  dispose: () => Promise<void>;
}

/** A free loopback port for wrangler's own (unused) proxy listener. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

interface ProxyData {
  userWorkerUrl: { protocol: string; hostname: string; port: string };
}

export async function startWorker(configPath: string, vars: Record<string, string>): Promise<RunningWorker> {
  const devEnv = new unstable_DevEnv();
  // Listen before starting: the reload that carries workerd's address can complete at any point after start.
  const reloaded = new Promise<ProxyData>((done) => {
    devEnv.once('reloadComplete', (event: { proxyData: ProxyData }) => done(event.proxyData));
  });
  const worker = await devEnv.startWorker({
    config: configPath,
    bindings: Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, { type: 'plain_text', value: v }])),
    dev: {
      remote: false,
      persist: false,
      watch: false,
      inspector: false,
      logLevel: 'error',
      server: { hostname: '127.0.0.1', port: await freePort() },
    },
  });
  await worker.ready;
  const { userWorkerUrl: u } = await reloaded;
  return { origin: `${u.protocol}//${u.hostname}:${u.port}`, dispose: () => worker.dispose() };
}
