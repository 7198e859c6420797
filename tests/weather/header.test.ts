import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { WEATHER_KEY } from '../../src/weather/kv.ts';
import type { StoredWeather } from '../../src/weather/types.ts';
import { USER_AGENT } from '../../src/weather/upstream.ts';
import { executionContext, testApp } from '../helpers/app.ts';
import { FEATURES } from '../helpers/fixtures.ts';
import { type Answer, fakeUpstream, openMeteoTime } from '../helpers/upstream.ts';

const WEATHER_URL = 'https://upstream.test/v1/forecast?latitude=33.8938&longitude=35.5018&current=temperature_2m';
const MINUTE = 60_000;

/** Answers the upstream can give that must never reach a page. */
const REJECTED: [string, Answer][] = [
  [
    '429 rate limit',
    {
      kind: 'status',
      status: 429,
      body: '{"error":true,"reason":"Minutely API request limit exceeded. Please try again in one minute."}',
    },
  ],
  ['400 bad request', { kind: 'status', status: 400, body: '{"error":true,"reason":"Parameter \'current\' invalid"}' }],
  ['503 server error', { kind: 'status', status: 503, body: 'Service Unavailable' }],
  ['HTML error page with 200', { kind: 'status', body: '<!DOCTYPE html><h1>Bad gateway</h1>' }],
  ['truncated JSON', { kind: 'status', body: '{"current":{"time":"2026-01-01T00:00","temperature_2m":2' }],
  ['null body', { kind: 'status', body: 'null' }],
  ['a refused connection (the upstream is stopped)', { kind: 'refused' }],
  ['a JSON string', { kind: 'status', body: '"28.5"' }],
  ['temperature null', { kind: 'ok', tempC: null }],
  ['temperature as a string', { kind: 'ok', tempC: '28.5' }],
  ['temperature 999', { kind: 'ok', tempC: 999 }],
  ['temperature -41', { kind: 'ok', tempC: -41 }],
  ['unit Fahrenheit', { kind: 'ok', tempC: 83.3, unit: '°F' }],
  ['an observation 4 hours old', { kind: 'ok', tempC: 20, time: openMeteoTime(Date.now() - 4 * 3600_000) }],
];

/** The KV binding, counting writes and optionally failing like a rate-limited or corrupt namespace. */
function kv(options: { putThrows?: boolean; getThrows?: boolean; slowGets?: boolean } = {}) {
  const puts: string[] = [];
  let gets = 0;
  const binding = {
    get: async (key: string, opts: KVNamespaceGetOptions<'text'>) => {
      gets += 1;
      if (options.getThrows) throw new Error('KV GET failed: 429 Too Many Requests');
      // Real KV answers in 1-40 ms, so reads overlap with refreshes; vary it per read.
      if (options.slowGets) await new Promise((resolve) => setTimeout(resolve, 1 + ((gets * 7) % 40)));
      return env.WEATHER_KV.get(key, opts);
    },
    put: (key: string, value: string, opts?: KVNamespacePutOptions) => {
      puts.push(value);
      if (options.putThrows) return Promise.reject(new Error('KV PUT failed: 10048 free usage limit exceeded'));
      return env.WEATHER_KV.put(key, value, opts);
    },
  } as unknown as KVNamespace;
  return { binding, puts, gets: () => gets };
}

function site(answer: Answer, kvOptions?: Parameters<typeof kv>[0], now?: () => number) {
  const upstream = fakeUpstream(answer);
  const store = kv(kvOptions);
  const app = testApp({
    bindings: env,
    articles: [FEATURES],
    upstream: upstream.fetch,
    env: { WEATHER_URL, WEATHER_KV: store.binding },
    ...(now ? { now } : {}),
  });
  return { ...app, upstream, puts: store.puts, gets: store.gets };
}

const stored = (tempC: number, ageMs: number, fetchedAgeMs = ageMs): StoredWeather => ({
  tempC,
  observedAt: new Date(Date.now() - ageMs).toISOString(),
  fetchedAt: new Date(Date.now() - fetchedAgeMs).toISOString(),
  source: 'open-meteo',
});
const seed = (value: StoredWeather | string) =>
  env.WEATHER_KV.put(WEATHER_KEY, typeof value === 'string' ? value : JSON.stringify(value));
const kvValue = async () => JSON.parse((await env.WEATHER_KV.get(WEATHER_KEY)) ?? 'null') as StoredWeather | null;
const headerOf = (html: string) => /<p class="temp">[\s\S]*?<\/p>/.exec(html)?.[0] ?? '';
const PLACEHOLDER = '<b><span aria-hidden="true">–</span><span class="vh">غير متوفرة</span></b>';

beforeEach(async () => {
  await env.WEATHER_KV.delete(WEATHER_KEY);
});

describe('temperature in the header', () => {
  it('shows a good upstream answer on every page and stores it in KV', async () => {
    const s = site({ kind: 'ok', tempC: 28.46 });
    const home = await s.request('/');
    expect(home.status).toBe(200);
    expect(headerOf(await home.text())).toBe('<p class="temp"><b>28.5°C</b> درجة الحرارة في بيروت</p>');
    const page = await (await s.request('/articles/كل-العناصر')).text();
    expect(headerOf(page)).toContain('<b>28.5°C</b> درجة الحرارة في بيروت');
    const value = await kvValue();
    expect(value).toMatchObject({ tempC: 28.46, source: 'open-meteo' });
    expect(Date.now() - Date.parse(value?.fetchedAt ?? '')).toBeLessThan(MINUTE);
    expect(s.upstream.calls).toHaveLength(1);
    expect(s.upstream.calls[0]?.url).toBe(WEATHER_URL);
    expect(s.upstream.calls[0]?.userAgent).toBe(USER_AGENT);
  });

  it.each(REJECTED)('rejects %s: keeps the last good value and writes nothing', async (_, answer) => {
    await seed(stored(19, 20 * MINUTE));
    const s = site(answer);
    const res = await s.request('/');
    expect(res.status).toBe(200);
    expect(headerOf(await res.text())).toContain('<b>19.0°C</b>');
    expect(s.upstream.calls).toHaveLength(1);
    expect(s.puts).toEqual([]);
    expect((await kvValue())?.tempC).toBe(19);
  });

  it('does not call the upstream while the stored value is fresh', async () => {
    await seed(stored(21.2, 5 * MINUTE));
    const s = site({ kind: 'ok', tempC: 30 });
    expect(headerOf(await (await s.request('/')).text())).toContain('<b>21.2°C</b>');
    expect(s.upstream.calls).toHaveLength(0);
  });

  it('refreshes a value older than 15 minutes in the background, after answering with it', async () => {
    await seed(stored(18, 16 * MINUTE));
    const s = site({ kind: 'ok', tempC: 22 });
    expect(headerOf(await (await s.request('/')).text())).toContain('<b>18.0°C</b>');
    expect((await kvValue())?.tempC).toBe(22);
    expect(headerOf(await (await s.request('/')).text())).toContain('<b>22.0°C</b>');
  });

  it('answers while a hanging upstream is still pending, then times the call out', async () => {
    await seed(stored(17.5, 20 * MINUTE));
    const s = site({ kind: 'hang' });
    // Background work is left pending: the hanging call must not hold up the answer.
    const res = await s.app.fetch(new Request('https://site.test/'), s.env, executionContext().ctx);
    expect(res.status).toBe(200);
    expect(headerOf(await res.text())).toContain('<b>17.5°C</b>');
    expect(s.upstream.calls[0]?.aborted).toBe(false);
  });

  it('waits at most briefly for a hanging upstream when KV never held a value', async () => {
    const s = site({ kind: 'hang' });
    const context = executionContext();
    const res = await s.app.fetch(new Request('https://site.test/'), s.env, context.ctx);
    const timedOutBeforeAnswer = s.upstream.calls[0]?.aborted;
    expect(res.status).toBe(200);
    expect(headerOf(await res.text())).toContain(PLACEHOLDER);
    // The page did not wait for the 2 s upstream timeout ...
    expect(timedOutBeforeAnswer).toBe(false);
    // ... which still ends the call in the background.
    await context.settle();
    expect(s.upstream.calls[0]?.aborted).toBe(true);
    expect(s.puts).toEqual([]);
  });

  it('still renders with status 200 when KV put throws (quota error)', async () => {
    const s = site({ kind: 'ok', tempC: 25.04 }, { putThrows: true });
    const res = await s.request('/');
    expect(res.status).toBe(200);
    expect(headerOf(await res.text())).toContain('<b>25.0°C</b>');
    expect(s.puts).toHaveLength(1);
  });

  it('still renders with status 200 when KV get throws', async () => {
    const s = site({ kind: 'status', status: 503, body: 'down' }, { getThrows: true });
    const res = await s.request('/articles/كل-العناصر');
    expect(res.status).toBe(200);
    expect(headerOf(await res.text())).toContain(PLACEHOLDER);
  });

  it('still renders with status 200 when KV holds corrupt JSON, and replaces it with a good value', async () => {
    await seed('{"tempC": 2');
    const down = site({ kind: 'status', status: 503, body: 'down' });
    const res = await down.request('/');
    expect(res.status).toBe(200);
    expect(headerOf(await res.text())).toContain(PLACEHOLDER);
    const up = site({ kind: 'ok', tempC: 12.3 });
    // Corrupt is not "never held a value": the request does not wait; the refresh runs in the background.
    expect(headerOf(await (await up.request('/')).text())).toContain(PLACEHOLDER);
    expect((await kvValue())?.tempC).toBe(12.3);
    expect(headerOf(await (await up.request('/')).text())).toContain('<b>12.3°C</b>');
  });

  it('waits for the upstream only when KV never held a value, not when KV is unreadable', async () => {
    // The same answering upstream: an empty KV gets its value on the first page, an unreadable one does not wait.
    const empty = site({ kind: 'ok', tempC: 9.1 });
    expect(headerOf(await (await empty.request('/')).text())).toContain('<b>9.1°C</b>');
    await env.WEATHER_KV.delete(WEATHER_KEY);
    const failing = site({ kind: 'ok', tempC: 9.1 }, { getThrows: true });
    expect(headerOf(await (await failing.request('/')).text())).toContain(PLACEHOLDER);
    expect(failing.upstream.calls).toHaveLength(1);
  });

  it('makes one upstream call and one KV read for 50 concurrent requests, even when KV is slow', async () => {
    const s = site({ kind: 'ok', tempC: 19.9 }, { slowGets: true });
    const responses = await Promise.all(Array.from({ length: 50 }, () => s.request('/')));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(s.upstream.calls).toHaveLength(1);
    expect(s.puts).toHaveLength(1);
    expect(s.gets()).toBe(1);
  });

  it('keeps a value it fetched when KV cannot store it, instead of reloading the older one every minute', async () => {
    await seed(stored(20, 30 * MINUTE));
    let clock = Date.now();
    const s = site({ kind: 'ok', tempC: 25 }, { putThrows: true }, () => clock);
    expect(headerOf(await (await s.request('/')).text())).toContain('<b>20.0°C</b>');
    for (let minute = 1; minute <= 10; minute++) {
      clock += MINUTE + 1000;
      expect(headerOf(await (await s.request('/')).text()), `minute ${minute}`).toContain('<b>25.0°C</b>');
    }
    expect(s.upstream.calls).toHaveLength(1);
  });

  it('makes one upstream call for 50 concurrent requests on an empty cache', async () => {
    const s = site({ kind: 'ok', tempC: 26.7 });
    const responses = await Promise.all(Array.from({ length: 50 }, () => s.request('/')));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const headers = await Promise.all(responses.map(async (r) => headerOf(await r.text())));
    expect(new Set(headers)).toEqual(new Set(['<p class="temp"><b>26.7°C</b> درجة الحرارة في بيروت</p>']));
    expect(s.upstream.calls).toHaveLength(1);
    expect(s.puts).toHaveLength(1);
  });

  it('shows the placeholder, in the same box, for a value older than 3 hours', async () => {
    await seed(stored(30, 3 * 60 * MINUTE + MINUTE, 10 * MINUTE));
    const s = site({ kind: 'status', status: 503, body: 'down' });
    const html = await (await s.request('/')).text();
    expect(headerOf(html)).toBe(`<p class="temp">${PLACEHOLDER} درجة الحرارة في بيروت</p>`);
  });

  it('shows the placeholder when nothing is known and the upstream is down', async () => {
    const s = site({ kind: 'status', status: 500, body: 'oops' });
    const res = await s.request('/articles/كل-العناصر');
    expect(res.status).toBe(200);
    expect(headerOf(await res.text())).toContain(PLACEHOLDER);
  });

  it('changes the page ETag when the shown temperature changes, without touching the article', async () => {
    await seed(stored(10, 5 * MINUTE));
    const s = site({ kind: 'ok', tempC: 11 });
    const first = await s.request('/articles/كل-العناصر');
    const firstTag = first.headers.get('ETag') ?? '';
    await seed(stored(11, 1 * MINUTE));
    const s2 = site({ kind: 'ok', tempC: 11 });
    const second = await s2.request('/articles/كل-العناصر');
    const secondTag = second.headers.get('ETag') ?? '';
    expect(secondTag).not.toBe(firstTag);
    // The article part of the validator is the same: only the temperature part moved.
    expect(secondTag.split('-')[0]).toBe(firstTag.split('-')[0]);
    expect((await s2.request('/articles/كل-العناصر', { headers: { 'If-None-Match': firstTag } })).status).toBe(200);
    expect((await s2.request('/articles/كل-العناصر', { headers: { 'If-None-Match': secondTag } })).status).toBe(304);
  });
});

describe('GET /api/weather', () => {
  it('returns the stored temperature with CORS and a short cache', async () => {
    const value = stored(28.5, 2 * MINUTE);
    await seed(value);
    const s = site({ kind: 'ok', tempC: 1 });
    const res = await s.request('/api/weather');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=60, s-maxage=60');
    expect(await res.json()).toEqual({
      city: 'بيروت',
      tempC: 28.5,
      unit: '°C',
      observedAt: value.observedAt,
      fetchedAt: value.fetchedAt,
      stale: false,
      source: 'open-meteo',
    });
  });

  it('marks a value not refreshed for 15 minutes as stale', async () => {
    await seed(stored(16, 40 * MINUTE));
    const s = site({ kind: 'status', status: 503, body: 'down' });
    expect(await (await s.request('/api/weather')).json()).toMatchObject({ tempC: 16, stale: true });
  });
});
