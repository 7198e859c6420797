/**
 * A local stand-in for Open-Meteo: answers `GET /v1/forecast` with a current temperature observed this minute,
 * in the format src/weather/upstream.ts accepts. Used by the browser suite and the benchmarks, and by hand for
 * offline development:
 *
 *   node --experimental-strip-types scripts/fake-weather.ts --port 9000 --temp 28.5
 *   npm start -- --var WEATHER_URL:http://127.0.0.1:9000/v1/forecast
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

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
  const server = createServer((req, res) => {
    count += 1;
    if (req.method !== 'GET' || !req.url?.startsWith('/v1/forecast')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    // Open-Meteo's format: wall time without a zone, here UTC (offset 0), always "now" so it counts as fresh.
    const time = new Date().toISOString().slice(0, 16);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(
      JSON.stringify({
        current: { time, interval: 900, temperature_2m: tempC },
        current_units: { time: 'iso8601', interval: 'seconds', temperature_2m: '°C' },
        utc_offset_seconds: 0,
      }),
    );
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
