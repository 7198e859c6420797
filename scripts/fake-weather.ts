/**
 * A local stand-in for Open-Meteo: serves the tests' fake upstream (tests/helpers/upstream.ts) over HTTP, always
 * answering a current temperature observed this minute. Used by the browser suite and the benchmarks, and by
 * hand for offline development:
 *
 *   node --experimental-strip-types scripts/fake-weather.ts --port 9000 --temp 28.5
 *   npm start -- --var WEATHER_URL:http://127.0.0.1:9000/v1/forecast
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { openMeteoAnswer } from '../tests/helpers/upstream.ts';

export interface FakeWeather {
  /** The WEATHER_URL to give the site. */
  url: string;
  /** How many requests it has answered. */
  requests: () => number;
  close: () => Promise<void>;
}

/** Starts the fake on 127.0.0.1 (port 0: any free port). */
export async function startFakeWeather({ tempC = 21.4, port = 0 } = {}): Promise<FakeWeather> {
  let count = 0;
  const server = createServer(async (_req, res) => {
    count += 1;
    const answer = await openMeteoAnswer({ kind: 'ok', tempC });
    answer.headers.forEach((value, name) => {
      res.setHeader(name, value);
    });
    res.writeHead(answer.status).end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/v1/forecast?latitude=33.8938&longitude=35.5018&current=temperature_2m`,
    requests: () => count,
    close: () => {
      server.closeAllConnections();
      return new Promise((done) => server.close(() => done()));
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '9000' }, temp: { type: 'string', default: '28.5' } },
  });
  const fake = await startFakeWeather({ tempC: Number(values.temp), port: Number(values.port) });
  console.log(`Fake weather upstream answering ${values.temp}°C at ${fake.url}`);
}
