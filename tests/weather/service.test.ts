import { describe, expect, it } from 'vitest';
import { createWeatherService, shownTemperature } from '../../src/weather/service.ts';
import type { StoredWeather } from '../../src/weather/types.ts';
import { memoryKv } from '../helpers/memory-kv.ts';
import { fakeUpstream } from '../helpers/upstream.ts';

const URL = 'https://upstream.test/v1/forecast';
const MINUTE = 60_000;

/** A weather service over a memory KV, with a clock the test moves. */
function service(upstream: ReturnType<typeof fakeUpstream>, kvFailing: Parameters<typeof memoryKv>[0] = {}) {
  let clock = Date.now();
  const kv = memoryKv(kvFailing);
  const weather = createWeatherService({ fetch: upstream.fetch, now: () => clock });
  const background: Promise<unknown>[] = [];
  return {
    kv,
    now: () => clock,
    advance: (ms: number) => {
      clock += ms;
    },
    seed: (value: StoredWeather) => kv.binding.put('v1:weather:beirut', JSON.stringify(value)),
    async current() {
      const value = await weather.current({ kv: kv.binding, url: URL, waitUntil: (p) => background.push(p) });
      await Promise.all(background.splice(0));
      return value;
    },
    refresh: () => weather.refresh(kv.binding, URL),
  };
}

describe('weather service', () => {
  it('stops waiting for a first answer that is slow, and shows nothing until it comes', async () => {
    const upstream = fakeUpstream({ kind: 'hang' });
    const weather = createWeatherService({ fetch: upstream.fetch, now: Date.now });
    const background: Promise<unknown>[] = [];
    const value = await weather.current({ kv: memoryKv().binding, url: URL, waitUntil: (p) => background.push(p) });
    expect(value).toBeNull();
    // The page did not wait for the upstream's own time limit, which still ends the call in the background.
    expect(upstream.calls[0]?.aborted).toBe(false);
    await Promise.all(background);
    expect(upstream.calls[0]?.aborted).toBe(true);
  });

  it('after a failed refresh, waits a minute before asking the upstream again', async () => {
    const upstream = fakeUpstream({ kind: 'status', status: 503, body: 'down' });
    const s = service(upstream);
    expect(await s.current()).toBeNull();
    expect(upstream.calls).toHaveLength(1);
    s.advance(30_000);
    expect(await s.current()).toBeNull();
    s.advance(29_999);
    expect(await s.current()).toBeNull();
    expect(upstream.calls).toHaveLength(1);
    s.advance(1);
    upstream.answer = { kind: 'ok', tempC: 17 };
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

describe('weather service reads', () => {
  const stored = (tempC: number, fetchedAt: number): StoredWeather => ({
    tempC,
    observedAt: new Date(fetchedAt).toISOString(),
    fetchedAt: new Date(fetchedAt).toISOString(),
    source: 'open-meteo',
  });

  it('reads KV at most once a minute, and then sees what the cron stored', async () => {
    const s = service(fakeUpstream({ kind: 'status', status: 503, body: 'down' }));
    await s.seed(stored(20, s.now()));
    expect(await s.current()).toMatchObject({ tempC: 20 });
    await s.seed(stored(21, s.now() + 1));
    s.advance(MINUTE - 1);
    expect(await s.current()).toMatchObject({ tempC: 20 });
    expect(s.kv.gets()).toBe(1);
    s.advance(1);
    expect(await s.current()).toMatchObject({ tempC: 21 });
    expect(s.kv.gets()).toBe(2);
  });

  it('waits for the upstream when KV never held a value, not when KV is unreadable', async () => {
    const empty = service(fakeUpstream({ kind: 'ok', tempC: 9.1 }));
    expect(await empty.current()).toMatchObject({ tempC: 9.1 });
    const unreadable = service(fakeUpstream({ kind: 'ok', tempC: 9.1 }), { get: true });
    expect(await unreadable.current()).toBeNull();
    // The refresh ran in the background and is kept in memory, though KV cannot be read.
    expect(await unreadable.current()).toMatchObject({ tempC: 9.1 });
  });

  it('keeps a value it fetched when KV cannot store it, without asking the upstream again', async () => {
    const upstream = fakeUpstream({ kind: 'ok', tempC: 25 });
    const s = service(upstream, { put: true });
    expect(await s.refresh()).toMatchObject({ ok: true, stored: false });
    for (let minute = 1; minute <= 3; minute++) {
      s.advance(MINUTE + 1000);
      expect(await s.current(), `minute ${minute}`).toMatchObject({ tempC: 25 });
    }
    expect(upstream.calls).toHaveLength(1);
  });

  it('prefers the fresher of memory and KV whichever came first', async () => {
    const s = service(fakeUpstream({ kind: 'status', status: 503, body: 'down' }));
    await s.seed(stored(20, s.now()));
    expect(await s.current()).toMatchObject({ tempC: 20 });
    // An older value replaces the newer one in KV (a late write from another isolate): memory keeps the newer.
    await s.seed(stored(19, s.now() - MINUTE));
    s.advance(MINUTE);
    expect(await s.current()).toMatchObject({ tempC: 20 });
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
