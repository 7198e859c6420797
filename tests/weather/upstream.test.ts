import { describe, expect, it } from 'vitest';
import { fetchWeather, parseWeatherAnswer, USER_AGENT } from '../../src/weather/upstream.ts';
import { fakeUpstream, openMeteoTime } from '../helpers/upstream.ts';

const NOW = Date.parse('2026-11-29T09:00:00Z');
const HOUR = 3_600_000;
const answer = (current: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ current_units: { temperature_2m: '°C' }, utc_offset_seconds: 0, current, ...extra });

describe('parseWeatherAnswer (Open-Meteo format)', () => {
  it('accepts a fresh °C reading and gives its observation time in UTC', () => {
    expect(parseWeatherAnswer(200, answer({ time: '2026-11-29T08:45', temperature_2m: 28.5 }), NOW)).toEqual({
      ok: true,
      tempC: 28.5,
      observedAt: '2026-11-29T08:45:00.000Z',
    });
  });

  it('reads local wall time with utc_offset_seconds, and times that carry their own zone', () => {
    const local = answer({ time: '2026-11-29T10:45', temperature_2m: 20 }, { utc_offset_seconds: 7200 });
    expect(parseWeatherAnswer(200, local, NOW)).toMatchObject({ ok: true, observedAt: '2026-11-29T08:45:00.000Z' });
    const zoned = answer({ time: '2026-11-29T11:45+03:00', temperature_2m: 20 }, { utc_offset_seconds: 7200 });
    expect(parseWeatherAnswer(200, zoned, NOW)).toMatchObject({ ok: true, observedAt: '2026-11-29T08:45:00.000Z' });
  });

  it('reads a time without utc_offset_seconds as UTC, and a zone without a colon', () => {
    const bare = JSON.stringify({
      current_units: { temperature_2m: '°C' },
      current: { time: '2026-11-29T08:45', temperature_2m: 20 },
    });
    expect(parseWeatherAnswer(200, bare, NOW)).toMatchObject({ ok: true, observedAt: '2026-11-29T08:45:00.000Z' });
    const compact = answer({ time: '2026-11-29T11:45+0300', temperature_2m: 20 });
    expect(parseWeatherAnswer(200, compact, NOW)).toMatchObject({ ok: true, observedAt: '2026-11-29T08:45:00.000Z' });
  });

  it('quotes at most the start of a bad answer in its reason', () => {
    const long = 'x'.repeat(500);
    expect(parseWeatherAnswer(503, long, NOW)).toEqual({ ok: false, reason: `HTTP 503: ${'x'.repeat(120)}` });
    expect(parseWeatherAnswer(200, long, NOW)).toEqual({ ok: false, reason: `not JSON: ${'x'.repeat(80)}` });
  });

  it('accepts the limits of the plausible range', () => {
    for (const tempC of [-40, 60, 0]) {
      expect(parseWeatherAnswer(200, answer({ time: '2026-11-29T08:45', temperature_2m: tempC }), NOW)).toMatchObject({
        ok: true,
        tempC,
      });
    }
  });

  it.each([
    ['HTTP 429', 429, '{"error":true,"reason":"Minutely API request limit exceeded"}', /^HTTP 429: \{"error"/],
    ['an HTML page', 200, '<!DOCTYPE html><h1>Bad gateway</h1>', /^not JSON: <!DOCTYPE/],
    ['truncated JSON', 200, '{"current":{"temperature_2m":2', /^not JSON/],
    ['null', 200, 'null', /^not a JSON object$/],
    ['an array', 200, '[28.5]', /^not a JSON object$/],
    ['a JSON string', 200, '"28.5"', /^not a JSON object$/],
    ['no current block', 200, JSON.stringify({ current_units: { temperature_2m: '°C' } }), /^temperature undefined /],
    [
      'Fahrenheit',
      200,
      answer({ time: '2026-11-29T08:45', temperature_2m: 83 }, { current_units: { temperature_2m: '°F' } }),
      /^unit "°F", expected "°C"$/,
    ],
    ['no unit', 200, JSON.stringify({ current: { time: '2026-11-29T08:45', temperature_2m: 8 } }), /^unit undefined/],
    [
      'a string temperature',
      200,
      answer({ time: '2026-11-29T08:45', temperature_2m: '28.5' }),
      /^temperature "28.5" is not a number between -40 and 60$/,
    ],
    ['999', 200, answer({ time: '2026-11-29T08:45', temperature_2m: 999 }), /^temperature 999 /],
    ['-40.1', 200, answer({ time: '2026-11-29T08:45', temperature_2m: -40.1 }), /^temperature -40.1 /],
    ['60.1', 200, answer({ time: '2026-11-29T08:45', temperature_2m: 60.1 }), /^temperature 60.1 /],
    ['no time', 200, answer({ temperature_2m: 20 }), /^current.time missing$/],
    [
      'a time that is not one',
      200,
      answer({ time: 'yesterday', temperature_2m: 20 }),
      /^current.time "yesterday" is not a time$/,
    ],
    [
      'a reading 3 hours and a minute old',
      200,
      answer({ time: '2026-11-29T05:59', temperature_2m: 20 }),
      /older than 3 hours$/,
    ],
    [
      'a reading more than an hour ahead',
      200,
      answer({ time: '2026-11-29T10:01', temperature_2m: 20 }),
      /in the future$/,
    ],
  ])('rejects %s, saying why', (_, status, text, reason) => {
    const result = parseWeatherAnswer(status as number, text as string, NOW);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(reason as RegExp);
  });

  it('accepts a reading exactly 3 hours old or up to an hour ahead (clock skew)', () => {
    expect(parseWeatherAnswer(200, answer({ time: '2026-11-29T06:00', temperature_2m: 1 }), NOW).ok).toBe(true);
    expect(parseWeatherAnswer(200, answer({ time: '2026-11-29T10:00', temperature_2m: 1 }), NOW).ok).toBe(true);
  });
});

describe('fetchWeather', () => {
  it('asks the configured URL for JSON, naming the site', async () => {
    const upstream = fakeUpstream({ kind: 'ok', tempC: 21.4 });
    const url = 'https://upstream.test/v1/forecast?latitude=33.8938';
    const result = await fetchWeather(upstream.fetch, url, Date.now);
    expect(result).toMatchObject({ ok: true, tempC: 21.4 });
    expect(upstream.calls).toEqual([{ url, userAgent: USER_AGENT, aborted: false }]);
    expect(USER_AGENT).toMatch(/^[\x20-\x7e]+$/);
  });

  it('never throws: a refused connection and a time-out are reasons', async () => {
    const refused = await fetchWeather(
      fakeUpstream({ kind: 'refused' }).fetch,
      'https://upstream.test/v1/forecast',
      Date.now,
    );
    expect(refused).toEqual({ ok: false, reason: 'fetch failed: Network connection lost.' });
    const timedOut = await fetchWeather(
      async (_url, init) => {
        throw Object.assign(new Error('signal timed out'), { name: 'TimeoutError', signal: init?.signal });
      },
      'https://upstream.test/v1/forecast',
      Date.now,
    );
    expect(timedOut).toEqual({ ok: false, reason: 'timed out' });
    const aborted = await fetchWeather(
      async () => {
        throw new DOMException('The operation was aborted.', 'AbortError');
      },
      'https://upstream.test/v1/forecast',
      Date.now,
    );
    expect(aborted).toEqual({ ok: false, reason: 'timed out' });
  });

  it('gives the call a time limit', async () => {
    let signal: AbortSignal | undefined;
    await fetchWeather(
      async (_url, init) => {
        signal = init?.signal ?? undefined;
        return new Response(answer({ time: openMeteoTime(Date.now()), temperature_2m: 3 }));
      },
      'https://upstream.test/v1/forecast',
      Date.now,
    );
    expect(signal).toBeInstanceOf(AbortSignal);
    expect(signal?.aborted).toBe(false);
  });

  it('checks the answer at the time it arrives', async () => {
    const upstream = fakeUpstream({ kind: 'ok', tempC: 5, time: openMeteoTime(Date.now() - 2 * HOUR) });
    expect((await fetchWeather(upstream.fetch, 'https://upstream.test/v1/forecast', () => Date.now())).ok).toBe(true);
    expect(
      (await fetchWeather(upstream.fetch, 'https://upstream.test/v1/forecast', () => Date.now() + 2 * HOUR)).ok,
    ).toBe(false);
  });
});
