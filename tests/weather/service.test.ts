import { describe, expect, it } from 'vitest';
import { createWeatherService, shownTemperature } from '../../src/weather/service.ts';
import type { StoredWeather } from '../../src/weather/types.ts';
import { memoryKv } from '../helpers/memory-kv.ts';
import { fakeUpstream } from '../helpers/upstream.ts';

const URL = 'https://upstream.test/v1/forecast';
const MINUTE = 60_000;

/** A weather service over a memory KV, with a clock the test moves. */
function service(upstream: ReturnType<typeof fakeUpstream>) {
  let clock = Date.now();
  const kv = memoryKv();
  const weather = createWeatherService({ fetch: upstream.fetch, now: () => clock });
  const background: Promise<unknown>[] = [];
  return {
    kv,
    advance: (ms: number) => {
      clock += ms;
    },
    async current() {
      const value = await weather.current({ kv: kv.binding, url: URL, waitUntil: (p) => background.push(p) });
      await Promise.all(background.splice(0));
      return value;
    },
    refresh: () => weather.refresh(kv.binding, URL),
  };
}

describe('weather service', () => {
  it('after a failed refresh, waits a minute before asking the upstream again', async () => {
    const upstream = fakeUpstream({ kind: 'status', status: 503, body: 'down' });
    const s = service(upstream);
    expect(await s.current()).toBeNull();
    expect(upstream.calls).toHaveLength(1);
    s.advance(30_000);
    expect(await s.current()).toBeNull();
    s.advance(25_000);
    expect(await s.current()).toBeNull();
    expect(upstream.calls).toHaveLength(1);
    s.advance(6_000);
    upstream.answer({ kind: 'ok', tempC: 17 });
    expect(await s.current()).toMatchObject({ tempC: 17 });
    expect(upstream.calls).toHaveLength(2);
  });

  it('stores what the cron refresh fetched, for 7 days, and serves it from memory', async () => {
    const upstream = fakeUpstream({ kind: 'ok', tempC: 23.9 });
    const s = service(upstream);
    const outcome = await s.refresh();
    expect(outcome).toMatchObject({ ok: true, stored: true, value: { tempC: 23.9, source: 'open-meteo' } });
    expect(s.kv.puts.map((p) => p.options)).toEqual([{ expirationTtl: 7 * 24 * 3600 }]);
    expect(await s.current()).toMatchObject({ tempC: 23.9 });
    expect(upstream.calls).toHaveLength(1);
  });

  it('refreshes a value once it is 15 minutes old, not before', async () => {
    const upstream = fakeUpstream({ kind: 'ok', tempC: 10 });
    const s = service(upstream);
    await s.refresh();
    s.advance(15 * MINUTE);
    await s.current();
    expect(upstream.calls).toHaveLength(1);
    s.advance(1000);
    await s.current();
    expect(upstream.calls).toHaveLength(2);
  });
});

describe('shownTemperature', () => {
  const value = (observedAgoMs: number): StoredWeather => ({
    tempC: 21,
    observedAt: new Date(Date.parse('2026-11-29T12:00:00Z') - observedAgoMs).toISOString(),
    fetchedAt: '2026-11-29T12:00:00Z',
    source: 'open-meteo',
  });
  const now = Date.parse('2026-11-29T12:00:00Z');

  it('shows a reading up to 3 hours old, and nothing older or unknown', () => {
    expect(shownTemperature(value(3 * 60 * MINUTE), now)).toBe(21);
    expect(shownTemperature(value(3 * 60 * MINUTE + 1), now)).toBeNull();
    expect(shownTemperature(null, now)).toBeNull();
  });
});
