/** A tiny stand-in for Open-Meteo on loopback, so the weather service runs its real code path with no network. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeUpstream {
  url: string;
  requests: () => number;
  close: () => Promise<void>;
}

export async function startFakeUpstream(): Promise<FakeUpstream> {
  let count = 0;
  const server = createServer((_req, res) => {
    count++;
    // Open-Meteo's format: local wall time without a zone, here UTC (offset 0), always "now" so it is fresh.
    const time = new Date().toISOString().slice(0, 16);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        current: { time, temperature_2m: 21.4 },
        current_units: { temperature_2m: '°C' },
        utc_offset_seconds: 0,
      }),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/forecast?latitude=33.8938&longitude=35.5018&current=temperature_2m`,
    requests: () => count,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
