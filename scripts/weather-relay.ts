/**
 * `npm start` offline: a relay on 127.0.0.1 between the Worker and a weather upstream whose host does not resolve.
 * workerd logs a failed DNS lookup as an internal error with a native stack, in red, at every try; through the relay
 * the Worker gets a 503 naming the cause (one warning in its log) while the upstream is unreachable, and the
 * upstream's own answer as soon as it is reachable again.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WeatherRelay {
  /** The WEATHER_URL to give the Worker: the upstream's path and query on the relay. */
  url: string;
  close: () => Promise<void>;
}

/** Under the Worker's own 2 s limit (src/weather/types.ts), so the Worker hears why rather than timing out. */
const UPSTREAM_TIMEOUT_MS = 1500;
/** The request headers the upstream sees, as the Worker sent them. */
const FORWARDED = ['user-agent', 'accept'] as const;

export async function startWeatherRelay(upstream: URL, fetchFn: typeof fetch = fetch): Promise<WeatherRelay> {
  const server = createServer(async (req, res) => {
    const headers = new Headers();
    for (const name of FORWARDED) {
      const value = req.headers[name];
      if (typeof value === 'string') headers.set(name, value);
    }
    try {
      const answer = await fetchFn(new URL(req.url ?? '/', upstream), {
        headers,
        signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
      });
      const body = Buffer.from(await answer.arrayBuffer());
      const type = answer.headers.get('content-type');
      res.writeHead(answer.status, type ? { 'content-type': type } : {}).end(body);
    } catch (error) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end(`unreachable: ${cause(error)}`);
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${upstream.pathname}${upstream.search}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((done) => server.close(() => done()));
    },
  };
}

/** Node's fetch says only "fetch failed"; the reason (e.g. `getaddrinfo ENOTFOUND host`) is its cause. */
function cause(error: unknown): string {
  const { name, message, cause: inner } = error as Error;
  if (name === 'TimeoutError') return `no answer within ${UPSTREAM_TIMEOUT_MS / 1000} s`;
  return inner instanceof Error ? inner.message : message;
}
