/**
 * The relay `npm start` puts in front of a weather upstream that does not resolve: the upstream's answer when there is
 * one, else a 503 naming the cause, which the Worker logs as one warning.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeWeather } from '../../scripts/fake-weather.ts';
import { startWeatherRelay, type WeatherRelay } from '../../scripts/weather-relay.ts';

const UPSTREAM = new URL('http://upstream.invalid/v1/forecast?latitude=33.8938&current=temperature_2m');
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function relayTo(upstream: URL, fetchFn?: typeof fetch): Promise<WeatherRelay> {
  const relay = await startWeatherRelay(upstream, fetchFn);
  closers.push(relay.close);
  return relay;
}

describe('the weather relay', () => {
  it('stands for the upstream at the same path and query, on 127.0.0.1', async () => {
    const relay = await relayTo(UPSTREAM);
    expect(relay.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/forecast\?latitude=33\.8938&current=temperature_2m$/);
  });

  it("passes on the upstream's answer, and the Worker's User-Agent and Accept", async () => {
    const fake = await startFakeWeather({ tempC: 19.5 });
    closers.push(fake.close);
    const seen: { url: string; headers: Headers }[] = [];
    const relay = await relayTo(new URL(fake.url), (input, init) => {
      seen.push({ url: String(input), headers: new Headers(init?.headers) });
      return fetch(input, init);
    });
    const res = await fetch(relay.url, { headers: { 'User-Agent': 'al-ayyam-edge/1.0', Accept: 'application/json' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await res.json()) as { current: { temperature_2m: number } }).current.temperature_2m).toBe(19.5);
    expect(seen.map((s) => s.url)).toEqual([fake.url]);
    expect(seen[0]?.headers.get('user-agent')).toBe('al-ayyam-edge/1.0');
    expect(seen[0]?.headers.get('accept')).toBe('application/json');
  });

  it('answers 503 with the cause when the upstream cannot be reached, as Node reports it', async () => {
    const relay = await relayTo(UPSTREAM, async () => {
      throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND upstream.invalid') });
    });
    const res = await fetch(relay.url);
    expect(res.status).toBe(503);
    expect(await res.text()).toBe('unreachable: getaddrinfo ENOTFOUND upstream.invalid');
  });

  it('answers 503 when the upstream is silent for 1.5 s, before the Worker gives up at 2 s', async () => {
    const relay = await relayTo(UPSTREAM, (_input, init) => {
      return new Promise((_, fail) => init?.signal?.addEventListener('abort', () => fail(init.signal?.reason)));
    });
    const started = Date.now();
    const res = await fetch(relay.url);
    expect(res.status).toBe(503);
    expect(await res.text()).toBe('unreachable: no answer within 1.5 s');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
